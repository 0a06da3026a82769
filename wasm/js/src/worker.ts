// The Web Worker behind `LayoutWorker`: one RawLayout, ticked in a loop that yields to
// the worker's event loop between ticks, so drags and updates interleave with ticks.
// The page acknowledges each positions message; with `MAX_IN_FLIGHT` unacknowledged, the
// loop waits, so a page that stalls never finds a backlog of stale ticks.
import type { RawLayout, RawModule } from './raw.js';
import type { Command, Reply, Request } from './protocol.js';

interface Scope {
  postMessage(m: Reply, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<Request>) => void) | null;
}
const scope = globalThis as unknown as Scope;

// The handler is installed before the Wasm module loads (a top-level await would let early
// messages arrive with no handler); requests wait for it, in order.
let queue: Promise<RawModule> = import('./load.js').then((m) => m.raw);
let layout: RawLayout | null = null;
let running = false;
let ticks = 0;
/** A step is queued on `yielder`. */
let scheduled = false;
/** Positions messages the page has not acknowledged yet. */
let inFlight = 0;
const MAX_IN_FLIGHT = 4;
// A message to ourselves is the fastest yield to the event loop (setTimeout clamps to 4 ms).
const yielder = new MessageChannel();
yielder.port1.onmessage = step;

/** Queues the next step, unless one is queued or the page is behind. */
function schedule(): void {
  if (scheduled || inFlight >= MAX_IN_FLIGHT) return;
  scheduled = true;
  yielder.port2.postMessage(null);
}

function post(type: 'tick' | 'end', l: RawLayout, elapsed: number, failure?: { code: string; message: string }): void {
  const positions = l.positions();
  const groupBounds = new Float64Array(l.group_bounds());
  scope.postMessage({ type, alpha: l.alpha(), ticks, elapsed, positions, groupBounds, failure }, [positions.buffer, groupBounds.buffer]);
  inFlight++;
}

function run(): void {
  if (!layout) return;
  if (!running) {
    running = true;
    scope.postMessage({ type: 'start', alpha: layout.alpha() });
  }
  schedule();
}

function step(): void {
  scheduled = false;
  if (!running || !layout) return;
  const t0 = performance.now();
  let ended: boolean;
  try {
    ended = layout.tick();
  } catch (err) {
    // The core's Diverged: the layout has ended, at its last finite positions.
    running = false;
    const e = err as { code?: string; message?: string };
    post('end', layout, performance.now() - t0, { code: e.code ?? 'WorkerFailed', message: e.message ?? String(err) });
    return;
  }
  const elapsed = performance.now() - t0;
  ticks++;
  post(ended ? 'end' : 'tick', layout, elapsed);
  if (ended) running = false;
  else schedule();
}

/** After start or update: the positions so far, then ticks if asked. */
function carryOn(l: RawLayout, keepRunning: boolean): void {
  post('tick', l, 0);
  if (keepRunning) {
    l.resume();
    run();
  }
}

function handle(raw: RawModule, m: Command): void {
  switch (m.op) {
    case 'start': {
      const l = new raw.RawLayout(m.graph, m.options);
      layout?.free();
      layout = l;
      running = false;
      ticks = 0;
      const [a, b, c, d] = m.iterations;
      l.start(a, b, c, d, false, m.centerGraph);
      carryOn(l, m.keepRunning);
      return;
    }
    case 'free':
      layout?.free();
      layout = null;
      running = false;
      return;
  }
  if (!layout) throw Object.assign(new Error('call start() first'), { code: 'NotStarted' });
  switch (m.op) {
    case 'update':
      layout.update(m.graph, m.previous);
      carryOn(layout, m.keepRunning);
      return;
    case 'dragStart':
      layout.drag_start(m.group, m.index);
      return;
    case 'drag':
      layout.drag(m.group, m.index, m.x, m.y);
      run();
      return;
    case 'dragEnd':
      layout.drag_end(m.group, m.index);
      return;
    case 'stop':
      layout.stop();
      if (running) post('end', layout, 0);
      running = false;
      return;
    case 'resume':
      layout.resume();
      run();
      return;
  }
}

function fail(id: number, err: unknown): void {
  const code = typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : 'WorkerFailed';
  scope.postMessage({ type: 'error', id, code, message: err instanceof Error ? err.message : String(err) });
}

scope.onmessage = (e) => {
  const m = e.data;
  if (m.op === 'ack') {
    inFlight--;
    if (running) schedule();
    return;
  }
  queue = queue.then(
    (raw) => {
      try {
        handle(raw, m);
        scope.postMessage({ type: 'done', id: m.id });
      } catch (err) {
        fail(m.id, err);
      }
      return raw;
    },
    (err) => {
      fail(m.id, err);
      throw err;
    },
  );
};
