// The wasm-bindgen layer (`RawLayout`), as the wrapper uses it.
export interface RawLayout {
  start(a: number, b: number, c: number, d: number, keepRunning: boolean, centerGraph: boolean): number;
  update(graph: string, previous: Int32Array): void;
  tick(): boolean;
  run_ticks(count: number): void;
  run_until_converged(): number;
  stop(): void;
  resume(): void;
  alpha(): number;
  reached_max_ticks(): boolean;
  node_count(): number;
  positions(): Float32Array;
  positions_f64(): Float64Array;
  group_bounds(): Float64Array;
  unsatisfied(tolerance: number): Float64Array;
  drag_start(group: boolean, index: number): void;
  drag(group: boolean, index: number, x: number, y: number): void;
  drag_end(group: boolean, index: number): void;
  stress(): number;
  scale_normalised_stress(): number;
  node_bounds(): Float64Array;
  routes(route: string, margin: number, arrowHead: number): Float64Array;
  edge_router(nodeMargin: number): RawEdgeRouter;
  free(): void;
}

export interface RawLayout3D {
  start(iterations: number): number;
  tick(): number;
  positions_f64(): Float64Array;
  free(): void;
}

export interface RawEdgeRouter {
  route(source: number, target: number, ah: number): Float64Array;
  free(): void;
}

export interface RawModule {
  default(input: { module_or_path: BufferSource | URL | string | Response | Promise<Response> }): Promise<unknown>;
  RawLayout: new (graph: string, options: string) => RawLayout;
  RawLayout3D: new (graph: string, idealLinkLength: number, jaccard: boolean) => RawLayout3D;
  built_with_simd(): boolean;
  error_codes(): string[];
  default_options(): string;
  default_route_options(): string;
  power_graph(n: number, edges: Uint32Array, types: Uint32Array): string;
  convex_hull(points: Float64Array): Float64Array;
  make_edge_between(source: Float64Array, target: Float64Array, ah: number): Float64Array;
  make_edge_to(x: number, y: number, target: Float64Array, ah: number): Float64Array;
}
