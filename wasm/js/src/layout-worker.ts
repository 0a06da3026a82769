// `LayoutWorker`: a layout running in a Web Worker, so the page never blocks. Ticks run
// back to back in the worker; each tick's positions arrive as a transferred Float32Array.
import type { Command, Reply } from './protocol.js';
import { LayoutError } from './errors.js';
import { toJson } from './json.js';
import type { InputGroup, InputLink, InputNode } from './layout.js';

/** A graph as `layout()` takes it: links and groups refer to nodes by index. */
export interface WorkerGraph {
  nodes: InputNode[] | number;
  links: InputLink<number>[];
  groups?: InputGroup[];
  constraints?: unknown[];
}

/** What `tick`, `end` and `start` listeners receive. */
export interface WorkerEvent {
  type: 'start' | 'tick' | 'end';
  alpha: number;
  /** Ticks run in the worker since `start`. */
  ticks: number;
  /** `[x0, y0, x1, y1, ...]` after this tick (yours to keep). */
  positions: Float32Array;
  /** `[x, X, y, Y]` per group. */
  groupBounds: Float64Array;
  /** This tick's time in the worker, in ms (0 for the positions sent after start/update). */
  elapsed: number;
  /** On an `end` that a failed tick caused (the core's `Diverged`): why. The positions
   * are those of the last finite tick. */
  error?: LayoutError;
}

type Pending = { resolve(): void; reject(e: unknown): void };
type CommandBody = Command extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export class LayoutWorker {
  /** Positions after the latest tick, `[x0, y0, x1, y1, ...]`. */
  positions: Float32Array = new Float32Array(0);
  /** Group boxes after the latest tick, `[x, X, y, Y]` per group. */
  groupBounds: Float64Array = new Float64Array(0);
  alpha = 0;
  ticks = 0;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners: Partial<Record<WorkerEvent['type'], (e: WorkerEvent) => void>> = {};
  private nextId = 0;

  /** Starts the worker (`worker.js` beside this module, or the one given). */
  constructor(worker?: Worker) {
    this.worker = worker ?? new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<Reply>) => this.receive(e.data);
    this.worker.onerror = (e: ErrorEvent) => this.failAll(new LayoutError('WorkerFailed', e.message || 'the layout worker failed'));
  }

  /** One listener per event type, as `Layout.on`. */
  on(type: WorkerEvent['type'], listener: (e: WorkerEvent) => void): this {
    this.listeners[type] = listener;
    return this;
  }

  /** WebCola's `start(a, b, c, d, keepRunning, centerGraph)` for `graph` with WebCola-named
   * `options`. Resolves once the initial phases ran and `positions` holds their result;
   * with `keepRunning`, ticks then continue in the worker until converged. */
  start(graph: WorkerGraph, options: Record<string, unknown> = {}, a = 0, b = 0, c = 0, d = 0, keepRunning = true, centerGraph = true): Promise<void> {
    return this.request({ op: 'start', graph: toJson(graph, 'the graph'), options: toJson(options, 'the options'), iterations: [a, b, c, d], keepRunning, centerGraph });
  }

  /** Replaces the graph, keeping laid-out nodes where they are: `previous[i]` is node i's
   * index in the current graph, or -1 for a new node (which starts beside its neighbours). */
  update(graph: WorkerGraph, previous: Int32Array | number[], keepRunning = true): Promise<void> {
    return this.request({ op: 'update', graph: toJson(graph, 'the graph'), previous: Int32Array.from(previous), keepRunning });
  }

  /** Holds node `index` (or group `index` when `group`) where it is. */
  dragStart(index: number, group = false): Promise<void> {
    return this.request({ op: 'dragStart', group, index });
  }

  /** Moves a dragged node or group (its centre) to `(x, y)`, and resumes the layout. */
  drag(index: number, x: number, y: number, group = false): Promise<void> {
    return this.request({ op: 'drag', group, index, x, y });
  }

  dragEnd(index: number, group = false): Promise<void> {
    return this.request({ op: 'dragEnd', group, index });
  }

  stop(): Promise<void> {
    return this.request({ op: 'stop' });
  }

  resume(): Promise<void> {
    return this.request({ op: 'resume' });
  }

  /** Frees the layout and ends the worker. */
  terminate(): void {
    this.worker.terminate();
    this.failAll(new LayoutError('NotStarted', 'the layout worker was terminated'));
  }

  private request(body: CommandBody): Promise<void> {
    const id = this.nextId++;
    const m = { ...body, id } as Command;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(m);
    });
  }

  private receive(m: Reply): void {
    switch (m.type) {
      case 'done':
        this.settle(m.id)?.resolve();
        return;
      case 'error':
        this.settle(m.id)?.reject(new LayoutError(m.code, m.message));
        return;
      case 'start':
        this.alpha = m.alpha;
        this.listeners.start?.({ type: 'start', alpha: m.alpha, ticks: this.ticks, positions: this.positions, groupBounds: this.groupBounds, elapsed: 0 });
        return;
      default: {
        this.worker.postMessage({ op: 'ack' });
        this.positions = m.positions;
        this.groupBounds = m.groupBounds;
        this.alpha = m.alpha;
        this.ticks = m.ticks;
        const { failure, ...event } = m;
        this.listeners[m.type]?.(failure ? { ...event, error: new LayoutError(failure.code, failure.message) } : event);
      }
    }
  }

  private settle(id: number): Pending | undefined {
    const p = this.pending.get(id);
    this.pending.delete(id);
    return p;
  }

  private failAll(e: LayoutError): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
