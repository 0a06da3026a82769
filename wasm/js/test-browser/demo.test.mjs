// The demo and LayoutWorker in a real Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core): drag, double-click expansion, the worker, errors, frame times, ms per
// tick of colayout and webcola in the same page, and WebCola's d3 example run by both
// libraries. Any console error fails.
// Writes a screenshot of the demo (to $SCREENSHOT, default demo/screenshot.png), and the
// measurements as JSON to $RESULTS when set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { sn } from '../test/sn.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const results = {};
let server;
let browser;

before(async () => {
  server = await serve(0);
  browser = await chromium.launch({ executablePath, headless: true, args });
});

after(async () => {
  await browser?.close();
  server?.close();
  console.log(`# browser results: ${JSON.stringify(results)}`);
  if (process.env.RESULTS) writeFileSync(process.env.RESULTS, JSON.stringify(results, null, 2));
});

/** Opens a page; the returned `errors` collects console errors, page errors and failed loads. */
async function openPage(url) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  await page.goto(url);
  return { page, errors };
}

/** Opens the demo with `query`. */
async function open(query) {
  const { page, errors } = await openPage(`${server.url}demo/?${query}`);
  await page.waitForFunction(() => window.demo, null, { timeout: 15_000 }).catch(() => assert.fail(`the demo did not load: ${errors.join('; ')}`));
  await page.evaluate(() => window.demo.ready);
  return { page, errors };
}

/** Waits until `fn(arg)` holds in the page; on timeout, fails with the page's errors. */
const until = (page, errors, fn, arg) =>
  page.waitForFunction(fn, arg, { timeout: 60_000 }).catch((e) => assert.fail(`${e.message}; page errors: ${JSON.stringify(errors)}`));

const converged = (page, errors, k = 0) =>
  until(page, errors, (k) => window.demo.panes[k].engine.ticks > 0 && !window.demo.panes[k].engine.running, k);

/** Drags node `i` of pane 0 by (dx, dy) CSS px; returns the pointer's final client point. */
async function drag(page, i, dx, dy) {
  const p = await page.evaluate((i) => window.demo.client(0, i), i);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  for (let s = 1; s <= 10; s++) await page.mouse.move(p.x + (dx * s) / 10, p.y + (dy * s) / 10);
  return { x: p.x + dx, y: p.y + dy };
}

/** How far node `i` of pane 0 is drawn from client point `q`, in CSS px. */
const offset = (page, i, q) => page.evaluate(([i, q]) => {
  const p = window.demo.client(0, i);
  return Math.hypot(p.x - q.x, p.y - q.y);
}, [i, q]);

const quantile = (xs, q) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

test('dwt_419 (419 nodes) runs with one tick per frame; a dragged node sits under the pointer', async () => {
  const { page, errors } = await open('graph=dwt_419&mode=full&engine=colayout&tpf=1');
  await page.waitForTimeout(2000);
  const q = await drag(page, 7, 80, 50);
  await page.waitForTimeout(300);
  assert.ok((await offset(page, 7, q)) < 1, 'the dragged node follows the pointer');
  await page.mouse.up();
  const log = await page.evaluate(() => window.demo.frames.log);
  const running = log.slice(10).filter((f) => f.running);
  assert.ok(running.length > 60, `frames while running: ${running.length}`);
  const interval = running.map((f) => f.interval);
  const work = running.map((f) => f.work);
  const ms = await page.evaluate(() => window.demo.panes[0].engine.timer.mean());
  results.frames = {
    graph: 'dwt_419',
    frames: running.length,
    interval: { mean: interval.reduce((a, b) => a + b) / interval.length, p50: quantile(interval, 0.5), p95: quantile(interval, 0.95), max: Math.max(...interval) },
    work: { mean: work.reduce((a, b) => a + b) / work.length, p95: quantile(work, 0.95), max: Math.max(...work) },
    tickMs: ms,
  };
  await converged(page, errors);
  const spread = await page.evaluate(() => {
    const v = window.demo.panes[0].nodes;
    return v.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y)) && new Set(v.map((n) => `${n.x},${n.y}`)).size === v.length;
  });
  assert.ok(spread, 'finite, distinct positions');
  assert.deepEqual(errors, []);
  await page.close();
});

test('double-click adds neighbours from the larger graph and the shown nodes do not jump', async () => {
  const { page, errors } = await open('graph=dwt_419&mode=explore&engine=colayout&tpf=5');
  await converged(page, errors);
  const before = await page.evaluate(() => window.demo.panes[0].nodes.length);
  // The exact check: positions just before and just after the update, in one task.
  const jump = await page.evaluate(async () => {
    const p = window.demo.panes[0];
    const i = p.nodes.findIndex((_, i) => p.shown.hidden(i));
    const old = p.nodes.map((v) => [v.x, v.y]);
    await window.demo.expand(i);
    return Math.max(...old.map(([x, y], j) => Math.hypot(p.nodes[j].x - x, p.nodes[j].y - y)));
  });
  assert.equal(jump, 0);
  await converged(page, errors);
  // The real gesture.
  const i = await page.evaluate(() => {
    const p = window.demo.panes[0];
    return p.nodes.findIndex((_, i) => p.shown.hidden(i));
  });
  const at = await page.evaluate((i) => window.demo.client(0, i), i);
  await page.mouse.dblclick(at.x, at.y);
  await until(page, errors, (n) => window.demo.panes[0].nodes.length > n, before);
  await converged(page, errors);
  const after = await page.evaluate(() => window.demo.panes[0].nodes.length);
  assert.ok(after > before, `${before} -> ${after} nodes`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('LayoutWorker: the layout runs in a worker, positions arrive per tick, drag and update work', async () => {
  const { page, errors } = await open('graph=jazz&mode=explore&engine=worker');
  await converged(page, errors);
  const ticks = await page.evaluate(() => window.demo.panes[0].engine.ticks);
  assert.ok(ticks > 10, `ticks ${ticks}`);
  const q = await drag(page, 1, -60, 40);
  await until(page, errors, (q) => {
    const p = window.demo.client(0, 1);
    return Math.hypot(p.x - q.x, p.y - q.y) < 1;
  }, q);
  await page.mouse.up();
  const n = await page.evaluate(() => window.demo.panes[0].nodes.length);
  await page.evaluate(async () => {
    const p = window.demo.panes[0];
    await window.demo.expand(p.nodes.findIndex((_, i) => p.shown.hidden(i)));
  });
  await until(page, errors, (n) => {
    const p = window.demo.panes[0];
    return p.nodes.length > n && p.nodes.every((v) => Number.isFinite(v.x)) && !p.engine.running;
  }, n);
  assert.deepEqual(errors, []);
  await page.close();
});

test('LayoutWorker rejects bad input with the core error code', async () => {
  const { page, errors } = await open('graph=lesmis&mode=full&engine=colayout');
  const codes = await page.evaluate(async () => {
    const { LayoutWorker, LayoutError } = await import('/dist/index.js');
    const w = new LayoutWorker();
    const out = [];
    for (const graph of [{ nodes: [{}, {}], links: [{ source: 0, target: 5 }] }, { nodes: [{ x: 0, y: 0 }, { x: 'a' }], links: [] }]) {
      try {
        await w.start(graph);
        out.push('none');
      } catch (e) {
        out.push(e instanceof LayoutError ? e.code : String(e));
      }
    }
    try {
      await w.drag(0, 1, 1);
    } catch (e) {
      out.push(e.code);
    }
    w.terminate();
    return out;
  });
  assert.equal(codes[0], 'LinkOutOfRange');
  assert.ok(codes[1] !== 'none', `bad coordinate: ${codes[1]}`);
  assert.equal(codes[2], 'NotStarted');
  assert.deepEqual(errors, []);
  await page.close();
});

test('LayoutWorker: a stalled page holds the worker to a few ticks instead of a backlog', async () => {
  const { page, errors } = await open('graph=lesmis&mode=full&engine=colayout');
  const r = await page.evaluate(async () => {
    const { LayoutWorker } = await import('/dist/index.js');
    const g = await (await fetch('/data/dwt_419.json')).json();
    const w = new LayoutWorker();
    await w.start({ nodes: Array.from({ length: g.nodes }, () => ({})), links: g.links.map(([source, target]) => ({ source, target })) });
    // The page stalls for longer than the whole layout takes (224 ticks of under 1 ms).
    const t0 = performance.now();
    while (performance.now() - t0 < 400);
    await w.stop();
    const stalled = w.ticks;
    await w.resume();
    await new Promise((resolve) => w.on('end', resolve));
    const converged = w.ticks;
    w.terminate();
    return { stalled, converged };
  });
  assert.ok(r.stalled <= 8, `ticks run while the page stalled: ${r.stalled}`);
  assert.ok(r.converged > 100, `ticks to converge after resuming: ${r.converged}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the compat build (for engines without Wasm SIMD) runs in Chromium with the SIMD build's bits", async () => {
  const { page, errors } = await open('graph=lesmis&mode=full&engine=colayout');
  const r = await page.evaluate(async () => {
    const graph = await (await fetch('/data/dwt_419.json')).text();
    const run = async (kind) => {
      const mod = await import(`/dist/wasm/${kind}/colayout_wasm.js`);
      await mod.default({ module_or_path: `/dist/wasm/${kind}/colayout_wasm_bg.wasm` });
      const l = new mod.RawLayout(graph, '{}');
      l.start(0, 0, 0, 0, false, true);
      l.run_ticks(20);
      const p = Array.from(l.positions_f64());
      l.free();
      return { simd: mod.built_with_simd(), p };
    };
    const [simd, compat] = [await run('simd'), await run('compat')];
    return { flags: [simd.simd, compat.simd], differ: simd.p.filter((x, i) => !Object.is(x, compat.p[i])).length, n: simd.p.length };
  });
  assert.deepEqual(r.flags, [true, false]);
  assert.equal(r.n, 838);
  assert.equal(r.differ, 0, `${r.differ} of ${r.n} coordinates differ`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('avoid overlaps: label boxes end disjoint, on the page and in the worker', async () => {
  for (const engine of ['colayout', 'worker']) {
    const { page, errors } = await open(`graph=lesmis&mode=full&engine=${engine}&overlaps=1&tpf=10`);
    await converged(page, errors);
    const overlaps = await page.evaluate(() => {
      const v = window.demo.panes[0].nodes;
      let count = 0;
      for (let i = 0; i < v.length; i++) {
        for (let j = i + 1; j < v.length; j++) {
          const ox = (v[i].width + v[j].width) / 2 - Math.abs(v[i].x - v[j].x);
          const oy = (v[i].height + v[j].height) / 2 - Math.abs(v[i].y - v[j].y);
          if (ox > 1e-3 && oy > 1e-3) count++;
        }
      }
      return { count, sized: v.every((n) => n.width > 8 && n.height === 16) };
    });
    assert.ok(overlaps.sized, `${engine}: nodes carry their label boxes`);
    assert.equal(overlaps.count, 0, `${engine}: overlapping boxes`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the edges switch: polylines around the label boxes, then clipped edges', async () => {
  const { page, errors } = await open('graph=lesmis&overlaps=1&route=polyline&tpf=10');
  await converged(page, errors);
  const check = () =>
    page.evaluate(() => {
      const pane = window.demo.panes[0];
      pane.draw();
      const routes = pane.lastRoutes;
      const boxes = pane.nodes.map((v) => [v.x - v.width / 2, v.x + v.width / 2, v.y - v.height / 2, v.y + v.height / 2]);
      // Whether segment p-q passes through the box's interior (Liang-Barsky, shrunk 1e-6).
      const through = (p, q, [x0, x1, y0, y1]) => {
        let [t0, t1] = [0, 1];
        const [dx, dy] = [q.x - p.x, q.y - p.y];
        for (const [a, b] of [[-dx, p.x - x0 - 1e-6], [dx, x1 - 1e-6 - p.x], [-dy, p.y - y0 - 1e-6], [dy, y1 - 1e-6 - p.y]]) {
          if (a === 0) {
            if (b < 0) return false;
          } else if (a < 0) t0 = Math.max(t0, b / a);
          else t1 = Math.min(t1, b / a);
        }
        return t0 < t1;
      };
      let crossing = 0;
      routes.forEach((r, k) => {
        const [s, t] = pane.pairs[k];
        for (let i = 1; i < r.length; i++) boxes.forEach((b, j) => j !== s && j !== t && through(r[i - 1], r[i], b) && crossing++);
      });
      return { count: routes.length, links: pane.pairs.length, bent: routes.filter((r) => r.length > 2).length, crossing };
    });
  const poly = await check();
  assert.equal(poly.count, poly.links);
  assert.ok(poly.bent > 10, `${poly.bent} routes bend`);
  assert.equal(poly.crossing, 0);
  await page.selectOption('#route', 'clip');
  const clip = await check();
  assert.equal(clip.bent, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('colayout beside webcola: ms per tick on dwt_419 in the same page; screenshot', async () => {
  const { page, errors } = await open('graph=dwt_419&mode=full&engine=colayout&compare=1&tpf=1');
  const bench = await page.evaluate(() => window.demo.benchmark('dwt_419'));
  results.ticks = bench;
  assert.ok(bench.colayout > 0 && bench.webcola > 0);
  await page.evaluate(() => window.demo.restart());
  await page.waitForTimeout(4000);
  const shot = process.env.SCREENSHOT ?? path.join(here, '../demo/screenshot.png');
  await page.screenshot({ path: shot });
  results.screenshot = shot;
  assert.deepEqual(errors, []);
  await page.close();
});

test("WebCola's d3 example (d3 v7, d3adaptor, SVG, d3 drag) with only the library changed", async () => {
  const run = async (lib) => {
    const { page, errors } = await openPage(`${server.url}demo/d3-example.html?lib=${lib}`);
    await until(page, errors, () => window.example, null);
    await page.evaluate(() => window.example.ended);
    const xy = await page.evaluate(() => window.example.graph.nodes.map((v) => ({ x: v.x, y: v.y })));
    return { page, errors, xy };
  };
  const links = await (await fetch(`${server.url}data/lesmis.json`)).json().then((g) => g.links);
  const theirs = await run('webcola');
  assert.deepEqual(theirs.errors, []);
  await theirs.page.close();
  const ours = await run('colayout');
  const [a, b] = [sn(ours.xy.length, links, ours.xy), sn(theirs.xy.length, links, theirs.xy)];
  results.d3Example = { sn: a, webcolaSn: b };
  assert.ok(Math.abs(a / b - 1) < 0.05, `SN ${a} vs WebCola ${b}`);
  // Drag a circle with the mouse: d3's drag behaviour from d3cola.drag moves the node there.
  const { page, errors } = ours;
  const circle = page.locator('circle.node').nth(11);
  const box = await circle.boundingBox();
  const [x0, y0] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let s = 1; s <= 10; s++) await page.mouse.move(x0 + 7 * s, y0 - 4 * s);
  const svg = await page.locator('svg').boundingBox();
  const target = { x: x0 + 70 - svg.x, y: y0 - 40 - svg.y };
  await until(page, errors, ([i, q]) => {
    const v = window.example.graph.nodes[i];
    return Math.hypot(v.x - q.x, v.y - q.y) < 1.5;
  }, [11, target]);
  await page.mouse.up();
  assert.equal(await page.evaluate(() => window.example.graph.nodes[11].fixed & 2), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
