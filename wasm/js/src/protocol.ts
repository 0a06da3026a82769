// Messages between `LayoutWorker` (page) and `worker.js` (Web Worker).

/** Page to worker. `id` numbers a request; the worker answers each with `done` or
 * `error`. `ack` (no answer) acknowledges one `tick` or `end` message. */
export type Request = { op: 'ack' } | Command;

export type Command = { id: number } & (
  | {
      op: 'start';
      /** WebCola JSON graph and WebCola-named options, as `layout()` takes them. */
      graph: string;
      options: string;
      /** `start(a, b, c, d)`'s iteration counts. */
      iterations: [number, number, number, number];
      keepRunning: boolean;
      centerGraph: boolean;
    }
  /** `previous[i]` is node i's index in the current graph, or -1 for a new node. */
  | { op: 'update'; graph: string; previous: Int32Array; keepRunning: boolean }
  | { op: 'dragStart' | 'dragEnd'; group: boolean; index: number }
  | { op: 'drag'; group: boolean; index: number; x: number; y: number }
  | { op: 'stop' | 'resume' | 'free' }
);

/** Worker to page. */
export type Reply =
  | { type: 'done'; id: number }
  | { type: 'error'; id: number; code: string; message: string }
  /** After every tick, and once after `start`/`update` (tick 0). `positions` is
   * `[x0, y0, x1, y1, ...]` (transferred); `groupBounds` is `[x, X, y, Y]` per group;
   * `elapsed` is the tick's time in the worker, in ms. */
  | {
      type: 'tick' | 'end';
      alpha: number;
      ticks: number;
      elapsed: number;
      positions: Float32Array;
      groupBounds: Float64Array;
      /** On an `end` caused by a failed tick: the core's error. */
      failure?: { code: string; message: string };
    }
  | { type: 'start'; alpha: number };
