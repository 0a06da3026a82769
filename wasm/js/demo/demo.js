// The colayout demo: a real graph from data/ on a canvas, laid out live by colayout (on the
// page or in a Web Worker) or by npm webcola, alone or side by side. The query string
// mirrors the controls (graph, mode, engine, compare, overlaps, tpf), so a view can be linked to.
// `window.demo` exposes the state the browser test reads.
import * as colayout from '../dist/index.js';

const { Layout, LayoutWorker, simd } = colayout;

const $ = (id) => document.getElementById(id);
/** Ideal link length; longer with label boxes, which need the room. */
const linkDistance = () => (avoidOverlaps && shown?.graph.labels ? 90 : 30);
const LABEL_FONT = '11px system-ui, sans-serif';
/** Ticks kept for the ms-per-tick readout, and frames kept for the FPS readout. */
const WINDOW = 120;

/** Mean of the last `WINDOW` samples. */
class Recent {
  samples = [];
  add(x) {
    this.samples.push(x);
    if (this.samples.length > WINDOW) this.samples.shift();
  }
  mean() {
    return this.samples.length ? this.samples.reduce((a, b) => a + b, 0) / this.samples.length : NaN;
  }
}

/** A graph from data/: `n` nodes, `edges` as `[u, v]`, optional `labels`. */
class Graph {
  static async load(name) {
    const res = await fetch(`/data/${name}.json`);
    if (!res.ok) throw new Error(`cannot load ${name}: ${res.status}`);
    return new Graph(await res.json());
  }
  constructor(g) {
    this.n = g.nodes;
    this.edges = g.links;
    this.labels = g.labels;
    this.adj = Array.from({ length: this.n }, () => []);
    for (const [u, v] of this.edges) {
      this.adj[u].push(v);
      this.adj[v].push(u);
    }
  }
}

const measure = (() => {
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = LABEL_FONT;
  return (text) => ctx.measureText(text).width;
})();

/** The part of a graph on screen: all of it, or a node and its neighbours grown by expanding.
 * Shown nodes get local indices in the order they appeared, so expanding only appends. */
class Shown {
  constructor(graph, mode) {
    this.graph = graph;
    this.local = new Int32Array(graph.n).fill(-1);
    this.ids = [];
    if (mode === 'full') {
      for (let v = 0; v < graph.n; v++) this.add(v);
    } else {
      let seed = 0;
      for (let v = 1; v < graph.n; v++) if (graph.adj[v].length > graph.adj[seed].length) seed = v;
      this.add(seed);
      this.expand(0);
    }
  }
  add(v) {
    this.local[v] = this.ids.length;
    this.ids.push(v);
  }
  /** Shows the neighbours of local node `i`; returns how many were added. */
  expand(i) {
    const before = this.ids.length;
    for (const w of this.graph.adj[this.ids[i]]) if (this.local[w] < 0) this.add(w);
    return this.ids.length - before;
  }
  /** A new node object for local node `i`: with `width`/`height` (its label, or a small
   * square) when overlaps are avoided. */
  box(i) {
    if (!avoidOverlaps) return {};
    const label = this.graph.labels?.[this.ids[i]];
    return label ? { width: measure(label) + 8, height: 16 } : { width: 12, height: 12 };
  }
  hidden(i) {
    return this.graph.adj[this.ids[i]].some((w) => this.local[w] < 0);
  }
  /** Links between shown nodes, by local index, as `[source, target]` pairs. */
  pairs() {
    const out = [];
    for (const [u, v] of this.graph.edges) if (this.local[u] >= 0 && this.local[v] >= 0) out.push([this.local[u], this.local[v]]);
    return out;
  }
}

/** A WebCola-style `Layout` on the page, colayout's or npm webcola's (the same API), ticked
 * from the animation loop as WebCola's d3 adaptor ticks it. */
class PageEngine {
  timer = new Recent();
  ticks = 0;
  running = false;
  constructor(lib, label) {
    this.lib = lib;
    this.label = label;
  }
  start(nodes, links, size) {
    this.nodes = nodes;
    this.size = size;
    this.layout = this.make(nodes, links);
  }
  make(nodes, links) {
    const l = new this.lib.Layout().size(this.size).nodes(nodes).links(links).linkDistance(linkDistance()).avoidOverlaps(avoidOverlaps);
    l.kick = () => {};
    l.on('start', () => (this.running = true)).on('end', () => (this.running = false));
    l.start(10, 15, 20);
    return l;
  }
  frame(ticksPerFrame) {
    for (let k = 0; k < ticksPerFrame && this.running; k++) {
      const t0 = performance.now();
      this.layout.tick();
      this.timer.add(performance.now() - t0);
      this.ticks++;
    }
  }
  grab(i) {
    this.lib.Layout.dragStart(this.nodes[i]);
  }
  move(i, x, y) {
    this.lib.Layout.drag(this.nodes[i], { x, y });
    this.layout.resume();
  }
  release(i) {
    this.lib.Layout.dragEnd(this.nodes[i]);
    this.layout.resume();
  }
  /** colayout carries on with `update()`. WebCola has none: new nodes start on the
   * expanded node and the layout starts again, as WebCola users do it. */
  grow(nodes, links, before, at) {
    if (this.layout.update) {
      this.nodes = nodes;
      this.layout.nodes(nodes).links(links).update();
      return;
    }
    for (let i = before; i < nodes.length; i++) Object.assign(nodes[i], { x: at.x + Math.cos(i), y: at.y + Math.sin(i) });
    this.nodes = nodes;
    this.layout.stop();
    this.layout = this.make(nodes, links);
  }
  /** Edge routes from colayout's `routes()` (`'clip'` or `'polyline'`); null for webcola. */
  routes(kind) {
    return this.layout.routes ? this.layout.routes({ route: kind, arrowHead: 4 }) : null;
  }
  free() {
    if (this.layout?.free) this.layout.free();
    else this.layout?.stop();
  }
}

/** colayout in a Web Worker: ticks run there; the page draws the latest positions. */
class WorkerEngine {
  label = `colayout (${simd ? 'Wasm SIMD' : 'Wasm'}) in a Web Worker`;
  timer = new Recent();
  ticks = 0;
  running = false;
  latest = null;
  constructor() {
    this.worker = new LayoutWorker()
      .on('start', () => (this.running = true))
      .on('tick', (e) => this.receive(e))
      .on('end', (e) => {
        this.receive(e);
        this.running = false;
      });
  }
  receive(e) {
    this.latest = e.positions;
    if (e.elapsed > 0) this.timer.add(e.elapsed);
    this.ticks = e.ticks;
  }
  graph(nodes, links) {
    return { nodes: nodes.map((v) => ({ width: v.width, height: v.height })), links };
  }
  async start(nodes, links, size) {
    this.nodes = nodes;
    await this.worker.start(this.graph(nodes, links), { size, linkDistance: linkDistance(), avoidOverlaps }, 10, 15, 20);
    this.frame();
  }
  frame() {
    const p = this.latest;
    if (!p || p.length !== 2 * this.nodes.length) return;
    this.nodes.forEach((v, i) => {
      v.x = p[2 * i];
      v.y = p[2 * i + 1];
    });
    this.latest = null;
  }
  grab(i) {
    this.worker.dragStart(i);
  }
  move(i, x, y) {
    this.worker.drag(i, x, y);
  }
  release(i) {
    this.worker.dragEnd(i);
  }
  async grow(nodes, links, before) {
    this.nodes = nodes;
    const previous = nodes.map((_, i) => (i < before ? i : -1));
    await this.worker.update(this.graph(nodes, links), previous);
  }
  free() {
    this.worker.terminate();
  }
}

let webcolaLoaded = null;
function loadWebCola() {
  webcolaLoaded ??= new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = '/webcola/cola.min.js';
    s.onload = resolve;
    s.onerror = () => reject(new Error('cannot load /webcola/cola.min.js'));
    document.head.append(s);
  });
  return webcolaLoaded;
}

const engines = {
  colayout: () => new PageEngine(colayout, `colayout (${simd ? 'Wasm SIMD' : 'Wasm'})`),
  worker: () => new WorkerEngine(),
  webcola: () => new PageEngine(window.cola, 'webcola 3.4.0'),
};

/** One canvas with its engine, its nodes (objects with x, y) and its pan/zoom. */
class Pane {
  constructor(kind, shown) {
    this.shown = shown;
    this.el = Object.assign(document.createElement('div'), { className: 'pane' });
    this.canvas = document.createElement('canvas');
    this.stats = Object.assign(document.createElement('div'), { className: 'stats' });
    this.el.append(this.canvas, this.stats);
    $('panes').append(this.el);
    this.ctx = this.canvas.getContext('2d');
    this.engine = engines[kind]();
    this.view = { s: 1, tx: 0, ty: 0, auto: true };
    this.dragging = -1;
    this.listen();
  }
  async start() {
    this.resize();
    this.nodes = this.shown.ids.map((_, i) => this.shown.box(i));
    this.pairs = this.shown.pairs();
    await this.engine.start(this.nodes, this.pairs.map(([source, target]) => ({ source, target })), [this.width, this.height]);
  }
  async grow(at) {
    const before = this.nodes.length;
    const nodes = this.nodes.slice();
    for (let i = before; i < this.shown.ids.length; i++) nodes.push(this.shown.box(i));
    const pairs = this.shown.pairs();
    await this.engine.grow(nodes, pairs.map(([source, target]) => ({ source, target })), before, this.nodes[at]);
    this.nodes = nodes;
    this.pairs = pairs;
  }
  resize() {
    const r = this.el.getBoundingClientRect();
    const dpr = devicePixelRatio || 1;
    this.width = Math.max(1, r.width);
    this.height = Math.max(1, r.height);
    this.canvas.width = Math.round(this.width * dpr);
    this.canvas.height = Math.round(this.height * dpr);
  }
  fit() {
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const v of this.nodes) {
      if (!Number.isFinite(v.x) || !Number.isFinite(v.y)) continue;
      x0 = Math.min(x0, v.x);
      x1 = Math.max(x1, v.x);
      y0 = Math.min(y0, v.y);
      y1 = Math.max(y1, v.y);
    }
    if (!(x1 >= x0)) return;
    const m = 30;
    const s = Math.min(4, (this.width - 2 * m) / Math.max(x1 - x0, 1), (this.height - 2 * m) / Math.max(y1 - y0, 1));
    Object.assign(this.view, { s, tx: this.width / 2 - (s * (x0 + x1)) / 2, ty: this.height / 2 - (s * (y0 + y1)) / 2 });
  }
  /** Screen point (CSS px, relative to the canvas) of node `i`. */
  screen(i) {
    const { s, tx, ty } = this.view;
    return { x: this.nodes[i].x * s + tx, y: this.nodes[i].y * s + ty };
  }
  world(px, py) {
    const { s, tx, ty } = this.view;
    return { x: (px - tx) / s, y: (py - ty) / s };
  }
  /** The node under a screen point, or -1. */
  hit(px, py) {
    let best = -1;
    let bestD = 12 * 12;
    const s = this.view.s;
    this.nodes.forEach((v, i) => {
      const p = this.screen(i);
      // Distance to the node's box (0 inside), or to its centre.
      const dx = Math.max(0, Math.abs(p.x - px) - ((v.width ?? 0) * s) / 2);
      const dy = Math.max(0, Math.abs(p.y - py) - ((v.height ?? 0) * s) / 2);
      const d = dx * dx + dy * dy;
      if (d < bestD) (best = i), (bestD = d);
    });
    return best;
  }
  draw() {
    if (this.view.auto) this.fit();
    const { ctx, canvas, nodes, pairs } = this;
    const dpr = canvas.width / this.width;
    const { s, tx, ty } = this.view;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(dpr * s, 0, 0, dpr * s, dpr * tx, dpr * ty);
    ctx.lineWidth = 1 / s;
    ctx.strokeStyle = '#9aa5b1';
    ctx.beginPath();
    const routes = this.currentRoutes();
    if (routes) {
      for (const r of routes) r.forEach((p, k) => (k ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
    } else {
      for (const [u, v] of pairs) {
        ctx.moveTo(nodes[u].x, nodes[u].y);
        ctx.lineTo(nodes[v].x, nodes[v].y);
      }
    }
    ctx.stroke();
    if (routes) {
      // Arrowheads: 4 units long, from each route's end (4 short of its target's box).
      ctx.fillStyle = '#9aa5b1';
      ctx.beginPath();
      routes.forEach((r, k) => {
        const [a, b] = [r[r.length - 2], r[r.length - 1]];
        const t = nodes[pairs[k][1]];
        const len = Math.hypot(b.x - a.x, b.y - a.y);
        if (len === 0 || !t.width) return;
        const [ux, uy] = [(b.x - a.x) / len, (b.y - a.y) / len];
        ctx.moveTo(b.x + 4 * ux, b.y + 4 * uy);
        ctx.lineTo(b.x - 1.5 * uy, b.y + 1.5 * ux);
        ctx.lineTo(b.x + 1.5 * uy, b.y - 1.5 * ux);
      });
      ctx.fill();
    }
    const r = Math.max(2, Math.min(8, 5 * s)) / s;
    const explore = shownMode === 'explore';
    const shape = (v) => {
      if (v.width) ctx.rect(v.x - v.width / 2, v.y - v.height / 2, v.width, v.height);
      else {
        ctx.moveTo(v.x + r, v.y);
        ctx.arc(v.x, v.y, r, 0, 2 * Math.PI);
      }
    };
    for (const [color, pick] of [
      ['#2563eb', (i) => !(explore && this.shown.hidden(i))],
      ['#f59e0b', (i) => explore && this.shown.hidden(i)],
      ['#dc2626', (i) => i === this.dragging],
    ]) {
      ctx.fillStyle = color;
      ctx.beginPath();
      nodes.forEach((v, i) => pick(i) && shape(v));
      ctx.fill();
    }
    const labels = this.shown.graph.labels;
    if (labels && nodes.length <= 200) {
      ctx.font = LABEL_FONT;
      ctx.textBaseline = 'middle';
      // Boxes hold their label at 11 world units, scaled with the view; plain nodes get
      // an 11 px label beside them.
      if (avoidOverlaps && 11 * s >= 6) {
        ctx.fillStyle = '#fff';
        ctx.textAlign = 'center';
        nodes.forEach((v, i) => ctx.fillText(labels[this.shown.ids[i]], v.x, v.y));
      } else if (!avoidOverlaps) {
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        ctx.fillStyle = '#333';
        ctx.textAlign = 'left';
        nodes.forEach((_, i) => {
          const p = this.screen(i);
          ctx.fillText(labels[this.shown.ids[i]], p.x + r * s + 2, p.y);
        });
      }
    }
    const e = this.engine;
    const ms = e.timer.mean();
    this.stats.textContent = `${e.label}\n${nodes.length} nodes, ${pairs.length} links\n${Number.isFinite(ms) ? ms.toFixed(2) : '-'} ms/tick, tick ${e.ticks}, ${e.running ? 'running' : 'converged'}`;
  }
  /** The routes drawn this frame, or null for straight lines: polylines are recomputed
   * at most every 200 ms while the layout moves (clipped edges every frame). */
  currentRoutes() {
    if (edgeRoute === 'straight' || !this.engine.routes) return (this.lastRoutes = null);
    const now = performance.now();
    const stale = this.routedKind !== edgeRoute || this.routedTick !== this.engine.ticks || this.dragging >= 0;
    if (!this.lastRoutes || (stale && (edgeRoute === 'clip' || now - this.routedAt > 200 || this.routedKind !== edgeRoute))) {
      this.lastRoutes = this.engine.routes(edgeRoute);
      Object.assign(this, { routedKind: edgeRoute, routedTick: this.engine.ticks, routedAt: now });
    }
    return this.lastRoutes;
  }
  listen() {
    const c = this.canvas;
    const local = (ev) => {
      const r = c.getBoundingClientRect();
      return { x: ev.clientX - r.left, y: ev.clientY - r.top };
    };
    let pan = null;
    c.addEventListener('pointerdown', (ev) => {
      const p = local(ev);
      c.setPointerCapture(ev.pointerId);
      const i = this.hit(p.x, p.y);
      if (i >= 0) {
        this.dragging = i;
        this.view.auto = false;
        this.engine.grab(i);
      } else {
        pan = p;
      }
    });
    c.addEventListener('pointermove', (ev) => {
      const p = local(ev);
      if (this.dragging >= 0) {
        const w = this.world(p.x, p.y);
        Object.assign(this.nodes[this.dragging], w);
        this.engine.move(this.dragging, w.x, w.y);
      } else if (pan) {
        this.view.tx += p.x - pan.x;
        this.view.ty += p.y - pan.y;
        this.view.auto = false;
        pan = p;
      }
    });
    const up = () => {
      if (this.dragging >= 0) this.engine.release(this.dragging);
      this.dragging = -1;
      pan = null;
    };
    c.addEventListener('pointerup', up);
    c.addEventListener('pointercancel', up);
    c.addEventListener(
      'wheel',
      (ev) => {
        ev.preventDefault();
        const p = local(ev);
        const k = Math.exp(-ev.deltaY * 0.002);
        const v = this.view;
        v.tx = p.x - (p.x - v.tx) * k;
        v.ty = p.y - (p.y - v.ty) * k;
        v.s *= k;
        v.auto = false;
      },
      { passive: false },
    );
    c.addEventListener('dblclick', (ev) => {
      const p = local(ev);
      const i = this.hit(p.x, p.y);
      if (i >= 0) expand(i);
    });
  }
  free() {
    this.engine.free();
    this.el.remove();
  }
}

let panes = [];
let shown = null;
let shownMode = 'full';
let ticksPerFrame = 1;
let avoidOverlaps = false;
let edgeRoute = 'straight';
const frames = { interval: new Recent(), work: new Recent(), log: [] };

/** Adds the neighbours of local node `i` in every pane. */
async function expand(i) {
  if (shown.expand(i) > 0) await Promise.all(panes.map((p) => p.grow(i)));
}

async function setup() {
  for (const p of panes) p.free();
  panes = [];
  const graph = $('graph').value;
  shownMode = $('mode').value;
  ticksPerFrame = Number($('tpf').value);
  avoidOverlaps = $('overlaps').checked;
  edgeRoute = $('route').value;
  const kinds = [$('engine').value];
  if ($('compare').checked && kinds[0] !== 'webcola') kinds.push('webcola');
  const query = new URLSearchParams({
    graph,
    mode: shownMode,
    engine: kinds[0],
    compare: $('compare').checked ? '1' : '0',
    overlaps: avoidOverlaps ? '1' : '0',
    route: edgeRoute,
    tpf: String(ticksPerFrame),
  });
  history.replaceState(null, '', `?${query}`);
  if (kinds.includes('webcola')) await loadWebCola();
  shown = new Shown(await Graph.load(graph), shownMode);
  panes = kinds.map((k) => new Pane(k, shown));
  for (const p of panes) await p.start();
}

let last = performance.now();
function frame(now) {
  requestAnimationFrame(frame);
  frames.interval.add(now - last);
  last = now;
  const t0 = performance.now();
  for (const p of panes) {
    if (p.nodes) {
      p.engine.frame(ticksPerFrame);
      p.draw();
    }
  }
  const work = performance.now() - t0;
  frames.work.add(work);
  frames.log.push({ interval: frames.interval.samples.at(-1), work, running: panes.some((p) => p.engine.running) });
  if (frames.log.length > 2000) frames.log.shift();
}

setInterval(() => {
  const dt = frames.interval.mean();
  $('fps').textContent = `${(1000 / dt).toFixed(0)} FPS, frame ${dt.toFixed(1)} ms, work ${frames.work.mean().toFixed(2)} ms/frame`;
}, 500);

/** Mean ms per tick of colayout and of webcola on the same graph, same options, same start
 * (WebCola's default `start()` without ticking on), in this page. */
async function benchmark(name = 'dwt_419', colayoutTicks = 50, webcolaTicks = 10) {
  await loadWebCola();
  const g = await Graph.load(name);
  const run = (make, ticks) => {
    const nodes = Array.from({ length: g.n }, () => ({}));
    const links = g.edges.map(([source, target]) => ({ source, target }));
    const l = make().nodes(nodes).links(links).convergenceThreshold(1e-12);
    l.start(0, 0, 0, 0, false);
    const t0 = performance.now();
    for (let i = 0; i < ticks; i++) l.tick();
    const ms = (performance.now() - t0) / ticks;
    l.free?.();
    return ms;
  };
  const best = (make, ticks) => Math.min(...[0, 1, 2, 3].map(() => run(make, ticks)));
  const ours = best(() => new Layout(), colayoutTicks);
  const theirs = best(() => new cola.Layout(), webcolaTicks);
  return { graph: name, nodes: g.n, simd, colayout: ours, webcola: theirs, ratio: theirs / ours };
}

let ready = Promise.resolve();
function restart() {
  ready = ready.then(setup, setup).catch((e) => {
    console.error(e);
    throw e;
  });
  return ready;
}

for (const id of ['graph', 'mode', 'engine', 'compare', 'overlaps', 'tpf', 'route']) {
  const el = $(id);
  const params = new URLSearchParams(location.search);
  if (params.has(id)) {
    if (el.type === 'checkbox') el.checked = params.get(id) === '1';
    else el.value = params.get(id);
  }
  const live = { tpf: () => (ticksPerFrame = Number(el.value)), route: () => (edgeRoute = el.value) };
  el.addEventListener('change', () => (live[id] ? live[id]() : restart()));
}
$('restart').addEventListener('click', restart);
$('fit').addEventListener('click', () => panes.forEach((p) => (p.view.auto = true)));
$('bench').addEventListener('click', async () => {
  $('bench').disabled = true;
  const r = await benchmark();
  $('bench').disabled = false;
  $('fps').textContent = `${r.graph}: colayout ${r.colayout.toFixed(3)} ms/tick, webcola ${r.webcola.toFixed(2)} ms/tick (${r.ratio.toFixed(0)}x)`;
});
addEventListener('resize', () => panes.forEach((p) => p.resize()));

window.demo = {
  get ready() {
    return ready;
  },
  get panes() {
    return panes;
  },
  frames,
  benchmark,
  expand,
  restart,
  /** Client coordinates of local node `i` in pane `k`. */
  client(k, i) {
    const r = panes[k].canvas.getBoundingClientRect();
    const p = panes[k].screen(i);
    return { x: r.left + p.x, y: r.top + p.y };
  },
};

restart();
requestAnimationFrame(frame);
