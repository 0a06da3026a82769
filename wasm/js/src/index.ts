// colayout: WebCola's Layout API over the Rust core compiled to WebAssembly.
// Importing this module loads the SIMD build when the engine supports Wasm SIMD and the
// compat build otherwise (top-level await), in browsers, Web Workers and Node 20.
export { simd } from './load.js';
export { LayoutError } from './errors.js';
export { EventType, Layout, Rectangle, defaultOptions, defaultRouteOptions, errorCodes, layout } from './layout.js';
export { ConvexHull, makeEdgeBetween, makeEdgeTo } from './geom.js';
export { getGroups, powergraph } from './powergraph.js';
export { Layout3D } from './layout3d.js';
export type { Link3D, Node3D } from './layout3d.js';
export type { LinkTypeAccessor, PowerEdge, PowerGroup } from './powergraph.js';
export type { Box, Point } from './geom.js';
export type { EventName, InputGroup, InputLink, InputNode, LayoutEvent } from './layout.js';
export { LayoutAdaptor, D3StyleLayoutAdaptor, adaptor, d3adaptor } from './adaptor.js';
export type { AdaptorOptions, D3Context } from './adaptor.js';
export { LayoutWorker } from './layout-worker.js';
export type { WorkerEvent, WorkerGraph } from './layout-worker.js';
