// WebCola's `Layout` over the Rust core compiled to WebAssembly: same names, same meaning,
// and the same writes to the user's node, link and group objects.
import type { RawEdgeRouter, RawLayout } from './raw.js';
import { points, type Point } from './geom.js';
import { getGroups, type PowerEdge, type PowerGroup } from './powergraph.js';
import { raw } from './load.js';
import { LayoutError, rethrow } from './errors.js';
import { toJson } from './json.js';

/** Every `LayoutError.code` from the core, one per error variant. The package adds two of its
 * own: `NotStarted` (a call that needs `start()` first) and `WorkerFailed` (a worker that died). */
export const errorCodes: readonly string[] = raw.error_codes();

/** The core's default options, under WebCola's names: what the getters return for an
 * option that was not set. */
export const defaultOptions: Readonly<Record<string, unknown>> = Object.freeze(JSON.parse(raw.default_options()));
/** The core's route defaults: `route`, `margin` and `arrowHead` of `routes()`, and
 * `routeEdgeArrowHead`, the default `ah` of `routeEdge`. */
export const defaultRouteOptions: Readonly<{ route: 'clip' | 'polyline' | 'orthogonal'; margin: number; arrowHead: number; routeEdgeArrowHead: number }> =
  Object.freeze(JSON.parse(raw.default_route_options()));
const option = <T>(options: Record<string, unknown>, key: string): T => (options[key] ?? defaultOptions[key]) as T;

/** A node as WebCola sees it: the layout writes `x`, `y` and `index`. */
export interface InputNode {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  /** WebCola's bits: 1 = fixed by the user, 2 = being dragged, 4 = hovered. */
  fixed?: boolean | number;
  /** Where a dragged node is held (WebCola's `px`, `py`). */
  px?: number;
  py?: number;
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
  bounds?: Rectangle;
  /** Bit 2 while the group is dragged by `Layout.dragStart(group)`. */
  fixed?: number;
  /** Where a dragged group's box centre is held. */
  px?: number;
  py?: number;
  [key: string]: unknown;
}

/** WebCola's `EventType`: events carry these numbers as `type` (d3 adaptors, the names). */
export enum EventType {
  start,
  tick,
  end,
}
export type EventName = keyof typeof EventType;
export interface LayoutEvent {
  type: EventType;
  alpha: number;
  stress?: number;
}

/** WebCola's `Rectangle`, as group `bounds`: x..X horizontally, y..Y vertically. */
export class Rectangle {
  constructor(
    public x: number,
    public X: number,
    public y: number,
    public Y: number,
  ) {}
  cx(): number {
    return (this.x + this.X) / 2;
  }
  cy(): number {
    return (this.y + this.Y) / 2;
  }
  width(): number {
    return this.X - this.x;
  }
  height(): number {
    return this.Y - this.y;
  }
  setXCentre(cx: number): void {
    const dx = cx - this.cx();
    this.x += dx;
    this.X += dx;
  }
  setYCentre(cy: number): void {
    const dy = cy - this.cy();
    this.y += dy;
    this.Y += dy;
  }
  inflate(pad: number): Rectangle {
    return new Rectangle(this.x - pad, this.X + pad, this.y - pad, this.Y + pad);
  }
}

const isGroup = (d: InputNode | InputGroup): d is InputGroup => d.leaves !== undefined || d.groups !== undefined;
const fixedBits = (v: InputNode): number => (typeof v.fixed === 'number' ? v.fixed : v.fixed ? 1 : 0);

/** WebCola's `Layout`, same names and meaning. */
export class Layout {
  private _nodes: InputNode[] = [];
  private _links: InputLink[] = [];
  private _groups: InputGroup[] = [];
  private _constraints: unknown[] = [];
  private _options: Record<string, unknown> = {};
  private _linkDistance: number | ((l: InputLink) => number) = defaultOptions.linkDistance as number;
  private _raw: RawLayout | null = null;
  private _router: RawEdgeRouter | null = null;
  private _linkType: ((l: InputLink) => number) | undefined;
  /** The node objects the core laid out, in its order (for `update`). */
  private _placed: InputNode[] = [];
  private _events: Partial<Record<EventType, (e: LayoutEvent) => void>> = {};
  private _running = false;
  /** Nodes the core holds for WebCola's drag state (`fixed` bits 2 or 4): index to (px, py). */
  private _held = new Map<number, [number, number]>();
  /** Groups the core drags (`fixed` bit 2 on the group): index to its held centre. */
  private _heldGroups = new Map<number, [number, number]>();

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
    if (!v) return option<[number, number]>(this._options, 'size');
    return this.set('size', [v[0], v[1]]);
  }

  avoidOverlaps(): boolean;
  avoidOverlaps(v: boolean): this;
  avoidOverlaps(v?: boolean): boolean | this {
    if (v === undefined) return option<boolean>(this._options, 'avoidOverlaps');
    return this.set('avoidOverlaps', !!v);
  }

  /** Let a node be a leaf of groups that do not nest (colayout's `overlappingGroups`,
   * libcola's overlapping clusters): their boxes overlap around the shared nodes. Without
   * it such a node throws `NodeInTwoGroups`. */
  overlappingGroups(): boolean;
  overlappingGroups(v: boolean): this;
  overlappingGroups(v?: boolean): boolean | this {
    if (v === undefined) return option<boolean>(this._options, 'overlappingGroups');
    return this.set('overlappingGroups', !!v);
  }

  /** How stress is minimised: `'descent'` (WebCola's, the default) or `'sgd'` (stochastic
   * gradient descent over pairs, s_gd2's schedule; each tick is one epoch). */
  solver(): 'descent' | 'sgd';
  solver(v: 'descent' | 'sgd'): this;
  solver(v?: 'descent' | 'sgd'): 'descent' | 'sgd' | this {
    if (v === undefined) return option<'descent' | 'sgd'>(this._options, 'solver');
    return this.set('solver', v);
  }

  /** The SGD solver's steps after its anneal: `'anneal'` (s_gd2's `layout`: 30 epochs,
   * the default) or `'convergent'` (s_gd2's `layout_convergent`: on until converged, at
   * most 200 epochs). */
  sgdSchedule(): 'anneal' | 'convergent';
  sgdSchedule(v: 'anneal' | 'convergent'): this;
  sgdSchedule(v?: 'anneal' | 'convergent'): 'anneal' | 'convergent' | this {
    if (v === undefined) return option<'anneal' | 'convergent'>(this._options, 'sgdSchedule');
    return this.set('sgdSchedule', v);
  }

  /** The stress model: `'auto'` (the default: every pair while that fits `memoryLimit`,
   * else the sparse model with 200 pivots), `0` (every pair), or a count of pivots per
   * component for the sparse model (links exact, memory `O(n * pivots)`). */
  pivots(): number | 'auto';
  pivots(v: number | 'auto'): this;
  pivots(v?: number | 'auto'): number | 'auto' | this {
    if (v === undefined) return option<number | 'auto'>(this._options, 'pivots');
    return this.set('pivots', v);
  }

  handleDisconnected(): boolean;
  handleDisconnected(v: boolean): this;
  handleDisconnected(v?: boolean): boolean | this {
    if (v === undefined) return option<boolean>(this._options, 'handleDisconnected');
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

  /** WebCola's `linkType(f)`: a link's type (a number) for `powerGraphGroups`, which
   * groups only links of one type together; 0 for every link when unset. */
  linkType(): ((l: InputLink) => number) | undefined;
  linkType(f: (l: InputLink) => number): this;
  linkType(f?: (l: InputLink) => number): ((l: InputLink) => number) | undefined | this {
    if (f === undefined) return this._linkType;
    this._linkType = f;
    return this;
  }

  /** WebCola's `flowLayout(axis, minSeparation)`; what is not given takes the core's
   * defaults (axis `y`, separation 30). */
  flowLayout(axis?: 'x' | 'y', minSeparation?: number): this {
    return this.set('flowLayout', { axis, minSeparation });
  }

  /** Ticks without a new lowest tick displacement after which a constrained layout is
   * damped until it ends (colayout's `dampAfter`; 0 never damps, as WebCola). */
  dampAfter(): number;
  dampAfter(v: number): this;
  dampAfter(v?: number): number | this {
    if (v === undefined) return option<number>(this._options, 'dampAfter');
    return this.set('dampAfter', v);
  }

  /** Bytes the dense stress model may take; a larger graph throws `TooManyNodes`
   * (colayout's `memoryLimit`). */
  memoryLimit(): number;
  memoryLimit(v: number): this;
  memoryLimit(v?: number): number | this {
    if (v === undefined) return option<number>(this._options, 'memoryLimit');
    return this.set('memoryLimit', v);
  }

  /** The most ticks a run makes after `start()` or `resume()` before it ends, converged
   * or not (colayout's `maxTicks`; `kick()` stops there too). */
  maxTicks(): number;
  maxTicks(v: number): this;
  maxTicks(v?: number): number | this {
    if (v === undefined) return option<number>(this._options, 'maxTicks');
    return this.set('maxTicks', v);
  }

  convergenceThreshold(): number;
  convergenceThreshold(v: number): this;
  convergenceThreshold(v?: number): number | this {
    if (!v) return option<number>(this._options, 'convergenceThreshold');
    return this.set('convergenceThreshold', +v);
  }

  defaultNodeSize(): number;
  defaultNodeSize(v: number): this;
  defaultNodeSize(v?: number): number | this {
    if (!v) return option<number>(this._options, 'defaultNodeSize');
    return this.set('defaultNodeSize', +v);
  }

  groupCompactness(): number;
  groupCompactness(v: number): this;
  groupCompactness(v?: number): number | this {
    if (!v) return option<number>(this._options, 'groupCompactness');
    return this.set('groupCompactness', +v);
  }

  /** One listener per event type, as WebCola. */
  on(type: EventType | EventName, listener: (e: LayoutEvent) => void): this {
    this._events[typeof type === 'string' ? EventType[type] : type] = listener;
    return this;
  }

  private set(key: string, value: unknown): this {
    this._options[key] = value;
    return this;
  }

  /** Dispatches an event; adaptors override it. */
  protected trigger(e: LayoutEvent): void {
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
      this._held.clear();
      this._heldGroups.clear();
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
    const held = this._held;
    this._held = new Map();
    previous.forEach((j, i) => {
      const p = held.get(j);
      if (p) this._held.set(i, p);
    });
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
      nodes: nodes.map((v) => ({ x: v.x, y: v.y, width: v.width, height: v.height, fixed: (fixedBits(v) & 1) !== 0 })),
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
    return [toJson(graph, 'the graph'), toJson(options, 'the options')];
  }

  /** After the core took the graph: links point at node objects, group leaves and
   * subgroups are objects with a `parent`, as WebCola's are. */
  private laidOut(): void {
    const nodes = this._nodes;
    for (const l of this._links) {
      if (typeof l.source === 'number') l.source = nodes[l.source];
      if (typeof l.target === 'number') l.target = nodes[l.target];
    }
    for (const g of this._groups) {
      g.leaves?.forEach((v, i, leaves) => {
        if (typeof v === 'number') leaves[i] = nodes[v];
        (leaves[i] as InputNode).parent = g;
      });
      g.groups?.forEach((h, i, groups) => {
        if (typeof h === 'number') groups[i] = this._groups[h];
        (groups[i] as InputGroup).parent = g;
      });
    }
    this._placed = nodes.slice();
    this.updateNodePositions();
  }

  /** One tick; true when the layout has ended (WebCola's `tick`): converged, or
   * `maxTicks()` ticks since the last start or resume. */
  tick(): boolean {
    const r = this.requireStarted();
    this.call(() => this.syncDrags(r));
    let ended = true;
    this.call(() => (ended = r.tick()));
    this.updateNodePositions();
    if (ended) {
      this._running = false;
      this.trigger({ type: EventType.end, alpha: 0 });
    } else {
      this.trigger({ type: EventType.tick, alpha: r.alpha() });
    }
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
      this.trigger({ type: EventType.start, alpha: r.alpha() });
      this.kick();
    }
    return this;
  }

  /** Runs the ticks after `start`/`resume`. As in WebCola, this ticks synchronously until
   * converged, or until `maxTicks()` ticks have run (the core ends the layout there);
   * override it to tick from a timer or an animation loop (WebCola's d3 adaptor and
   * cytoscape-cola do that), and call `tick()` from there. */
  kick(): void {
    while (!this.tick());
  }

  resume(): this {
    return this.alpha(0.1);
  }

  stop(): this {
    return this.alpha(0);
  }

  // Dragging, as WebCola: the static functions keep the drag state on the node and group
  // objects (`fixed` bit 2, and `px`/`py`, where the node or the group's box centre is
  // held); every tick hands it to the core, which holds dragged nodes exactly there and
  // moves a dragged group's members with its box.

  /** WebCola's `Layout.dragStart`: holds a node, or a group (with everything in it), where it is. */
  static dragStart(d: InputNode | InputGroup): void {
    if (isGroup(d)) {
      const o = Layout.dragOrigin(d);
      d.px = o.x;
      d.py = o.y;
      d.fixed = (d.fixed ?? 0) | 2;
    } else {
      Layout.stopNode(d);
      d.fixed = fixedBits(d) | 2;
    }
  }

  /** WebCola's `Layout.dragOrigin`: a node, or the centre of a group's bounds. */
  static dragOrigin(d: InputNode | InputGroup): { x: number; y: number } {
    if (isGroup(d)) return { x: d.bounds?.cx() ?? 0, y: d.bounds?.cy() ?? 0 };
    return d as { x: number; y: number };
  }

  /** WebCola's `Layout.drag`: moves a dragged node, or a group's box centre, to `position`. */
  static drag(d: InputNode | InputGroup, position: { x: number; y: number }): void {
    if (isGroup(d)) {
      d.bounds?.setXCentre(position.x);
      d.bounds?.setYCentre(position.y);
    }
    d.px = position.x;
    d.py = position.y;
  }

  /** WebCola's `Layout.dragEnd`: clears bits 2 and 4, so a user's `fixed` persists. */
  static dragEnd(d: InputNode | InputGroup): void {
    if (isGroup(d)) d.fixed = (d.fixed ?? 0) & ~6;
    else d.fixed = fixedBits(d) & ~6;
  }

  /** WebCola's `Layout.mouseOver`: holds a node while the pointer is over it. */
  static mouseOver(d: InputNode): void {
    d.fixed = fixedBits(d) | 4;
    Layout.stopNode(d);
  }

  static mouseOut(d: InputNode): void {
    d.fixed = fixedBits(d) & ~4;
  }

  private static stopNode(v: InputNode): void {
    v.px = v.x;
    v.py = v.y;
  }

  /** `Layout.dragStart(d)` on a node or group of this layout, applied at once. */
  dragStart(d: InputNode | InputGroup): this {
    this.target(d);
    Layout.dragStart(d);
    this.call(() => this.syncDrags(this.requireStarted()));
    return this;
  }

  /** `Layout.drag(d, pos)`, applied at once; the layout resumes. Call `tick()` (or let
   * `kick` run) to see the rest settle. */
  drag(d: InputNode | InputGroup, pos: { x: number; y: number }): this {
    this.target(d);
    Layout.drag(d, pos);
    this.call(() => this.syncDrags(this.requireStarted()));
    return this;
  }

  dragEnd(d: InputNode | InputGroup): this {
    this.target(d);
    Layout.dragEnd(d);
    this.call(() => this.syncDrags(this.requireStarted()));
    return this;
  }

  /** Hands the drag state on the node and group objects to the core: nodes with `fixed`
   * bit 2 or 4, and groups with bit 2, are held at (`px`, `py`); released ones are let go.
   * A group drag is the core's: its members keep their offsets from the box centre. */
  private syncDrags(r: RawLayout): void {
    const sync = (held: Map<number, [number, number]>, group: boolean, i: number, on: boolean, px: number, py: number) => {
      const was = held.get(i);
      if (on) {
        if (!was) r.drag_start(group, i);
        if (!was || was[0] !== px || was[1] !== py) {
          r.drag(group, i, px, py);
          held.set(i, [px, py]);
        }
      } else if (was) {
        r.drag_end(group, i);
        held.delete(i);
      }
    };
    this._placed.forEach((v, i) => sync(this._held, false, i, (fixedBits(v) & 6) !== 0, v.px ?? v.x ?? 0, v.py ?? v.y ?? 0));
    this._groups.forEach((g, j) => sync(this._heldGroups, true, j, ((g.fixed ?? 0) & 2) !== 0, g.px ?? g.bounds?.cx() ?? 0, g.py ?? g.bounds?.cy() ?? 0));
  }

  /** Positions as a fresh `Float32Array`, `[x0, y0, x1, y1, ...]`, for renderers. */
  positions(): Float32Array {
    return this.requireStarted().positions();
  }

  /** Group boxes after the last tick (also set on the groups as `bounds`). */
  groupBounds(): Rectangle[] {
    const b = this.requireStarted().group_bounds();
    const out = [];
    for (let i = 0; i < b.length; i += 4) out.push(new Rectangle(b[i], b[i + 1], b[i + 2], b[i + 3]));
    return out;
  }

  /** WebCola's `prepareEdgeRouting(nodeMargin)`: obstacles for `routeEdge` are the node
   * boxes at the current positions, shrunk by `nodeMargin`. */
  prepareEdgeRouting(nodeMargin = 0): this {
    const r = this.requireStarted();
    this.call(() => {
      this._router?.free();
      this._router = r.edge_router(nodeMargin);
    });
    return this;
  }

  /** WebCola's `routeEdge(edge, ah = 5)`: the shortest polyline from the source's box to
   * `ah` short of the target's, around every other box, in source-to-target order. A boxed-in
   * end gives the clipped straight edge (WebCola throws). */
  routeEdge(edge: InputLink, ah: number = defaultRouteOptions.routeEdgeArrowHead): Point[] {
    if (!this._router) throw new LayoutError('NotStarted', 'call prepareEdgeRouting() first');
    const router = this._router;
    const [s, t] = [index(edge.source, this._placed), index(edge.target, this._placed)];
    let out: Point[] = [];
    this.call(() => {
      out = points(router.route(s, t, ah));
    });
    return out;
  }

  /** One route per link at the current positions: `route` `'clip'` (straight, clipped at
   * the boxes), `'polyline'` (around the other boxes, grown by `margin`) or `'orthogonal'`
   * (on a grid between the boxes, `margin` apart on shared grid lines), each ending
   * `arrowHead` short of its target's box. Defaults are the core's (`defaultRouteOptions`). */
  routes(options: { route?: 'clip' | 'polyline' | 'orthogonal'; margin?: number; arrowHead?: number } = {}): Point[][] {
    const r = this.requireStarted();
    const d = defaultRouteOptions;
    let flat: Float64Array = new Float64Array();
    this.call(() => {
      flat = r.routes(options.route ?? d.route, options.margin ?? d.margin, options.arrowHead ?? d.arrowHead);
    });
    const out: Point[][] = [];
    for (let i = 0; i < flat.length; ) {
      const k = flat[i];
      out.push(points(flat, i + 1, k));
      i += 1 + 2 * k;
    }
    return out;
  }

  /** WebCola's `powerGraphGroups(f)`: the power-graph decomposition of the links (typed by
   * `linkType`, all 0 when unset), set as this layout's groups; `f` gets
   * `{groups, powerEdges}`. */
  powerGraphGroups(f: (g: { groups: PowerGroup<InputNode>[]; powerEdges: PowerEdge<InputNode>[] }) => void): this {
    const nodes = this._nodes;
    const g = getGroups(nodes, this._links, {
      getSourceIndex: (l) => index(l.source, nodes),
      getTargetIndex: (l) => index(l.target, nodes),
      getType: this._linkType ?? (() => 0),
    });
    this.groups(g.groups as unknown as InputGroup[]);
    f(g);
    return this;
  }

  /** Releases the Wasm memory; the layout cannot tick afterwards. */
  free(): void {
    this._router?.free();
    this._router = null;
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

  /** Checks that `d` is a node or group of this layout. */
  private target(d: InputNode | InputGroup): void {
    if (this._groups.includes(d as InputGroup) || this._placed.includes(d as InputNode)) return;
    throw new LayoutError('NodeOutOfRange', 'not a node or group of this layout');
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
    r = new raw.RawLayout(toJson(graph, 'the graph'), toJson(options, 'the options'));
    r.start(0, 0, 0, 0, true, true);
    return r.positions_f64();
  } catch (e) {
    return rethrow(e);
  } finally {
    r?.free();
  }
}
