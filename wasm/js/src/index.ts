// colayout: WebCola's Layout API over the Rust core compiled to WebAssembly.
// Importing this module loads the SIMD build when the engine supports Wasm SIMD and the
// compat build otherwise (top-level await), in browsers, Web Workers and Node 20.
import type { RawLayout } from './raw.js';
import { raw, simd } from './load.js';
import { LayoutError, rethrow } from './errors.js';

export { simd, LayoutError };

/** Every `LayoutError.code` from the core, one per error variant. The package adds two of its
 * own: `NotStarted` (a call that needs `start()` first) and `WorkerFailed` (a worker that died). */
export const errorCodes: readonly string[] = raw.error_codes();

/** A node as WebCola sees it: the layout writes `x`, `y` and `index`. */
export interface InputNode {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fixed?: boolean | number;
  index?: number;
  [key: string]: unknown;
}

/** A link by node index or node object; `start()` replaces indices by node objects, as WebCola. */
export interface InputLink<N = InputNode> {
  source: number | N;
  target: number | N;
  length?: number;
  weight?: number;
  [key: string]: unknown;
}

/** A group of leaves (node indices or objects) and child groups (indices or objects). */
export interface InputGroup {
  leaves?: Array<number | InputNode>;
  groups?: Array<number | InputGroup>;
  padding?: number;
  stiffness?: number;
  bounds?: { x: number; X: number; y: number; Y: number };
  [key: string]: unknown;
}

export type EventType = 'start' | 'tick' | 'end';
export interface LayoutEvent {
  type: EventType;
  alpha: number;
  stress?: number;
}

/** WebCola's `Layout`, same names and meaning. */
export class Layout {
  private _nodes: InputNode[] = [];
  private _links: InputLink[] = [];
  private _groups: InputGroup[] = [];
  private _constraints: unknown[] = [];
  private _options: Record<string, unknown> = {};
  private _linkDistance: number | ((l: InputLink) => number) = 20;
  private _raw: RawLayout | null = null;
  /** The node objects the core laid out, in its order (for `update`). */
  private _placed: InputNode[] = [];
  private _events: Partial<Record<EventType, (e: LayoutEvent) => void>> = {};
  private _running = false;

  nodes(): InputNode[];
  nodes(v: InputNode[]): this;
  nodes(v?: InputNode[]): InputNode[] | this {
    if (!v) {
      if (this._nodes.length === 0 && this._links.length > 0) {
        let n = 0;
        for (const l of this._links) n = Math.max(n, index(l.source, this._nodes) + 1, index(l.target, this._nodes) + 1);
        this._nodes = Array.from({ length: n }, () => ({}));
      }
      return this._nodes;
    }
    this._nodes = v;
    return this;
  }

  links(): InputLink[];
  links(v: InputLink[]): this;
  links(v?: InputLink[]): InputLink[] | this {
    if (v === undefined) return this._links;
    this._links = v;
    return this;
  }

  groups(): InputGroup[];
  groups(v: InputGroup[]): this;
  groups(v?: InputGroup[]): InputGroup[] | this {
    if (!v) return this._groups;
    this._groups = v;
    return this;
  }

  constraints(): unknown[];
  constraints(v: unknown[]): this;
  constraints(v?: unknown[]): unknown[] | this {
    if (v === undefined) return this._constraints;
    this._constraints = v;
    return this;
  }

  size(): [number, number];
  size(v: [number, number]): this;
  size(v?: [number, number]): [number, number] | this {
    if (!v) return (this._options.size as [number, number]) ?? [1, 1];
    return this.set('size', [v[0], v[1]]);
  }

  avoidOverlaps(): boolean;
  avoidOverlaps(v: boolean): this;
  avoidOverlaps(v?: boolean): boolean | this {
    if (v === undefined) return (this._options.avoidOverlaps as boolean) ?? false;
    return this.set('avoidOverlaps', !!v);
  }

  handleDisconnected(): boolean;
  handleDisconnected(v: boolean): this;
  handleDisconnected(v?: boolean): boolean | this {
    if (v === undefined) return (this._options.handleDisconnected as boolean) ?? true;
    return this.set('handleDisconnected', !!v);
  }

  /** A number, or a function of the link (WebCola's `linkDistance`). 0 reads, as in WebCola. */
  linkDistance(): number | ((l: InputLink) => number);
  linkDistance(v: number | ((l: InputLink) => number)): this;
  linkDistance(v?: number | ((l: InputLink) => number)): number | ((l: InputLink) => number) | this {
    if (!v) return this._linkDistance;
    this._linkDistance = typeof v === 'function' ? v : +v;
    delete this._options.symmetricDiffLinkLengths;
    delete this._options.jaccardLinkLengths;
    return this;
  }

  symmetricDiffLinkLengths(idealLength: number, w = 1): this {
    delete this._options.jaccardLinkLengths;
    return this.set('symmetricDiffLinkLengths', { ideal: idealLength, w });
  }

  jaccardLinkLengths(idealLength: number, w = 1): this {
    delete this._options.symmetricDiffLinkLengths;
    return this.set('jaccardLinkLengths', { ideal: idealLength, w });
  }

  flowLayout(axis: 'x' | 'y' = 'y', minSeparation: number = 30): this {
    return this.set('flowLayout', { axis, minSeparation });
  }

  convergenceThreshold(): number;
  convergenceThreshold(v: number): this;
  convergenceThreshold(v?: number): number | this {
    if (!v) return (this._options.convergenceThreshold as number) ?? 0.01;
    return this.set('convergenceThreshold', +v);
  }

  defaultNodeSize(): number;
  defaultNodeSize(v: number): this;
  defaultNodeSize(v?: number): number | this {
    if (!v) return (this._options.defaultNodeSize as number) ?? 10;
    return this.set('defaultNodeSize', +v);
  }

  groupCompactness(): number;
  groupCompactness(v: number): this;
  groupCompactness(v?: number): number | this {
    if (!v) return (this._options.groupCompactness as number) ?? 1e-6;
    return this.set('groupCompactness', +v);
  }

  /** One listener per event type, as WebCola. */
  on(type: EventType, listener: (e: LayoutEvent) => void): this {
    this._events[type] = listener;
    return this;
  }

  private set(key: string, value: unknown): this {
    this._options[key] = value;
    return this;
  }

  private trigger(e: LayoutEvent): void {
    this._events[e.type]?.(e);
  }

  /** WebCola's `start(a, b, c, d, keepRunning, centerGraph)`; with `keepRunning`, ticks
   * synchronously until converged, as WebCola's default `kick`. */
  start(a = 0, b = 0, c = 0, d = 0, keepRunning = true, centerGraph = true): this {
    const [graph, options] = this.input();
    this._raw?.free();
    try {
      this._raw = new raw.RawLayout(graph, options);
      this._running = false;
      this._raw.start(a, b, c, d, false, centerGraph);
    } catch (e) {
      rethrow(e);
    }
    this.laidOut();
    if (keepRunning) this.resume();
    return this;
  }

  /** colayout's incremental update: after changing `nodes`/`links`/`groups`/`constraints`
   * (adding or removing items), carries on from the current drawing. Nodes that were
   * laid out stay where they are (matched by object identity); new nodes start beside
   * their neighbours. Unlike calling `start()` again, nothing jumps. */
  update(keepRunning = true): this {
    const r = this.requireStarted();
    const was = new Map(this._placed.map((v, i) => [v, i] as const));
    const nodes = this.nodes();
    const previous = Int32Array.from(nodes, (v) => was.get(v) ?? -1);
    const [graph] = this.input();
    this.call(() => r.update(graph, previous));
    this.laidOut();
    if (keepRunning) this.resume();
    return this;
  }

  /** The graph and options as the core reads them (WebCola JSON). */
  private input(): [string, string] {
    const nodes = this.nodes();
    nodes.forEach((v, i) => (v.index = i));
    const links = this._links.map((l) => {
      const out: Record<string, number> = { source: index(l.source, nodes), target: index(l.target, nodes) };
      if (typeof this._linkDistance === 'function') out.length = +this._linkDistance(l);
      if (l.weight !== undefined) out.weight = l.weight;
      return out;
    });
    const groupIndex = (g: number | InputGroup) => (typeof g === 'number' ? g : this._groups.indexOf(g));
    const graph = {
      nodes: nodes.map((v) => ({ x: v.x, y: v.y, width: v.width, height: v.height, fixed: !!v.fixed })),
      links,
      groups: this._groups.map((g) => ({
        leaves: (g.leaves ?? []).map((v) => index(v, nodes)),
        groups: (g.groups ?? []).map(groupIndex),
        padding: g.padding,
        stiffness: g.stiffness,
      })),
      constraints: this._constraints,
    };
    const options = { ...this._options };
    if (typeof this._linkDistance === 'number') options.linkDistance = this._linkDistance;
    return [JSON.stringify(graph), JSON.stringify(options)];
  }

  /** After the core took the graph: links point at node objects, as WebCola's do. */
  private laidOut(): void {
    const nodes = this._nodes;
    for (const l of this._links) {
      if (typeof l.source === 'number') l.source = nodes[l.source];
      if (typeof l.target === 'number') l.target = nodes[l.target];
    }
    this._placed = nodes.slice();
    this.updateNodePositions();
  }

  /** One tick; true when the layout has ended (WebCola's `tick`). */
  tick(): boolean {
    const r = this.requireStarted();
    const ended = r.tick();
    this.updateNodePositions();
    if (ended) {
      this._running = false;
      this.trigger({ type: 'end', alpha: 0 });
    }
    else this.trigger({ type: 'tick', alpha: r.alpha() });
    return ended;
  }

  /** WebCola's `alpha()` / `alpha(x)`: 0 stops; a positive value keeps a running layout hot,
   * or fires `start` and calls `kick()` on a stopped one. */
  alpha(): number;
  alpha(x: number): this;
  alpha(x?: number): number | this {
    const r = this.requireStarted();
    if (x === undefined) return r.alpha();
    if (x <= 0) {
      r.stop();
      this._running = false;
      return this;
    }
    r.resume();
    if (!this._running) {
      this._running = true;
      this.trigger({ type: 'start', alpha: r.alpha() });
      this.kick();
    }
    return this;
  }

  /** Runs the ticks after `start`/`resume`. As in WebCola, this ticks synchronously until
   * converged; override it to tick from a timer or an animation loop (WebCola's d3 adaptor
   * and cytoscape-cola do that), and call `tick()` from there. */
  kick(): void {
    while (!this.tick());
  }

  resume(): this {
    return this.alpha(0.1);
  }

  stop(): this {
    return this.alpha(0);
  }

  /** Holds a node (or a whole group) where it is while the rest settles. */
  dragStart(d: InputNode | InputGroup): this {
    const [group, i] = this.target(d);
    this.call(() => this.requireStarted().drag_start(group, i));
    return this;
  }

  /** Moves a dragged node or group to `pos` (its centre). Call `tick()` (or `resume()`) after. */
  drag(d: InputNode | InputGroup, pos: { x: number; y: number }): this {
    const [group, i] = this.target(d);
    this.call(() => this.requireStarted().drag(group, i, pos.x, pos.y));
    return this;
  }

  dragEnd(d: InputNode | InputGroup): this {
    const [group, i] = this.target(d);
    this.call(() => this.requireStarted().drag_end(group, i));
    return this;
  }

  /** Positions as a fresh `Float32Array`, `[x0, y0, x1, y1, ...]`, for renderers. */
  positions(): Float32Array {
    return this.requireStarted().positions();
  }

  /** Group boxes after the last tick, `{x, X, y, Y}` per group (also set on the groups as `bounds`). */
  groupBounds(): Array<{ x: number; X: number; y: number; Y: number }> {
    const b = this.requireStarted().group_bounds();
    const out = [];
    for (let i = 0; i < b.length; i += 4) out.push({ x: b[i], X: b[i + 1], y: b[i + 2], Y: b[i + 3] });
    return out;
  }

  /** Releases the Wasm memory; the layout cannot tick afterwards. */
  free(): void {
    this._raw?.free();
    this._raw = null;
  }

  private updateNodePositions(): void {
    const r = this.requireStarted();
    const p = r.positions_f64();
    this._nodes.forEach((v, i) => {
      v.x = p[2 * i];
      v.y = p[2 * i + 1];
    });
    if (this._groups.length) this.groupBounds().forEach((b, j) => (this._groups[j].bounds = b));
  }

  private target(d: InputNode | InputGroup): [boolean, number] {
    const g = this._groups.indexOf(d as InputGroup);
    if (g >= 0) return [true, g];
    return [false, index(d as InputNode, this._nodes)];
  }

  private call(f: () => void): void {
    try {
      f();
    } catch (e) {
      rethrow(e);
    }
  }

  private requireStarted(): RawLayout {
    if (!this._raw) throw new LayoutError('NotStarted', 'call start() first');
    return this._raw;
  }
}

function index(v: number | InputNode, nodes: InputNode[]): number {
  if (typeof v === 'number') return v;
  return typeof v.index === 'number' ? v.index : nodes.indexOf(v);
}

/** One-shot layout: WebCola's defaults plus `options` (WebCola-named), run to convergence.
 * Returns `[x0, y0, x1, y1, ...]`. */
export function layout(
  graph: { nodes: InputNode[] | number; links: InputLink[]; groups?: InputGroup[]; constraints?: unknown[] },
  options: Record<string, unknown> = {},
): Float64Array {
  let r: RawLayout | undefined;
  try {
    r = new raw.RawLayout(JSON.stringify(graph), JSON.stringify(options));
    r.start(0, 0, 0, 0, true, true);
    return r.positions_f64();
  } catch (e) {
    return rethrow(e);
  } finally {
    r?.free();
  }
}

export { LayoutWorker, type WorkerEvent, type WorkerGraph } from './layout-worker.js';
