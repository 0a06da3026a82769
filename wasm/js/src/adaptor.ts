// WebCola's adaptors: `adaptor(options)` (used by cytoscape-cola and custom renderers) and
// `d3adaptor(d3)` (ticks on d3.timer, events through d3.dispatch, `drag` for d3 selections).
import { EventType, Layout, type EventName, type InputGroup, type InputNode, type LayoutEvent } from './layout.js';

/** What `adaptor(options)` may override, as WebCola's `LayoutAdaptor`. */
export interface AdaptorOptions {
  trigger?: (e: LayoutEvent) => void;
  kick?: () => void;
  drag?: () => void;
  on?: (type: EventType | EventName, listener: (e: LayoutEvent) => void) => unknown;
}

/** WebCola's `LayoutAdaptor`: a `Layout` whose `trigger`, `kick`, `drag` and `on` come from
 * `options`; `dragstart`/`dragStart` and `dragend`/`dragEnd` are WebCola's static drags. */
export class LayoutAdaptor extends Layout {
  dragstart = Layout.dragStart;
  dragend = Layout.dragEnd;

  constructor(options: AdaptorOptions = {}) {
    super();
    const self = this as unknown as Record<string, unknown>;
    self.trigger = options.trigger ?? (() => {});
    self.kick = options.kick ?? (() => {});
    self.drag = options.drag ?? (() => {});
    const on = options.on;
    self.on = on ? (type: EventType | EventName, l: (e: LayoutEvent) => void) => (on.call(this, type, l), this) : () => this;
    self.dragStart = Layout.dragStart;
    self.dragEnd = Layout.dragEnd;
  }
}

export function adaptor(options: AdaptorOptions = {}): LayoutAdaptor {
  return new LayoutAdaptor(options);
}

/** The parts of d3 (v4 to v7) the d3 adaptor uses. */
export interface D3Context {
  timer(callback: (elapsed: number) => unknown): { stop(): void };
  dispatch(...types: string[]): { call(type: string, that: unknown, ...args: unknown[]): void; on(type: string, listener: unknown): unknown };
  drag(): D3Drag;
  /** d3 v4 and v5 only: the current event. */
  event?: { x: number; y: number };
}

interface D3Drag {
  subject(f: (...args: unknown[]) => unknown): D3Drag;
  on(type: string, f: (...args: unknown[]) => void): D3Drag;
}

/** A d3 drag listener's datum and event, in d3 v4/v5 (`(d)`, with `d3.event`) and in d3 v6+ (`(event, d)`). */
function dragArgs(d3: D3Context, a: unknown, b: unknown): [InputNode | InputGroup, { x: number; y: number }] {
  if (a !== null && typeof a === 'object' && 'sourceEvent' in a) return [b as InputNode, a as unknown as { x: number; y: number }];
  return [a as InputNode, d3.event as { x: number; y: number }];
}

/** WebCola's `D3StyleLayoutAdaptor`: events go through `d3.dispatch` with their names as
 * `type`, `kick()` ticks on `d3.timer` until converged, and `drag` is a d3 drag behaviour
 * (`node.call(layout.drag)`) that drags nodes and groups and resumes the layout. */
export class D3StyleLayoutAdaptor extends Layout {
  readonly event: ReturnType<D3Context['dispatch']>;
  private behaviour: D3Drag | undefined;

  constructor(private readonly d3: D3Context) {
    super();
    this.event = d3.dispatch('start', 'tick', 'end');
    const self = this as unknown as Record<string, unknown>;
    self.drag = (selection?: { call(f: unknown): unknown }) => {
      this.behaviour ??= d3
        .drag()
        .subject((a, b) => Layout.dragOrigin(dragArgs(d3, a, b)[0]))
        .on('start.d3adaptor', (a, b) => Layout.dragStart(dragArgs(d3, a, b)[0]))
        .on('drag.d3adaptor', (a, b) => {
          const [d, e] = dragArgs(d3, a, b);
          Layout.drag(d, e);
          this.resume();
        })
        .on('end.d3adaptor', (a, b) => Layout.dragEnd(dragArgs(d3, a, b)[0]));
      if (!selection) return this.behaviour;
      selection.call(this.behaviour);
      return undefined;
    };
  }

  protected override trigger(e: LayoutEvent): void {
    const name = EventType[e.type];
    const event = { type: name, alpha: e.alpha, stress: e.stress };
    // WebCola passes the event as `this` only; it is also the first argument here.
    this.event.call(name, event, event);
  }

  override kick(): void {
    const t = this.d3.timer(() => this.tick() && t.stop());
  }

  override on(type: EventType | EventName, listener: (e: LayoutEvent) => void): this {
    this.event.on(typeof type === 'string' ? type : EventType[type], listener);
    return this;
  }
}

/** WebCola's `d3adaptor(d3)`, for d3 v4 to v7: `cola.d3adaptor(d3)` becomes `d3adaptor(d3)`. */
export function d3adaptor(d3: D3Context): D3StyleLayoutAdaptor {
  if (!d3 || typeof d3.timer !== 'function' || typeof d3.dispatch !== 'function') {
    throw new TypeError('d3adaptor(d3) needs d3 v4 or later (d3.timer, d3.dispatch, d3.drag)');
  }
  return new D3StyleLayoutAdaptor(d3);
}
