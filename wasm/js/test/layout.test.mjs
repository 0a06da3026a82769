// The npm package in real Node: WebCola compatibility (a WebCola program that changes
// only its import), the fluent API, events, constraints, groups, drag, errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as colayout from '../dist/index.js';
import { sn } from './sn.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const require = createRequire(import.meta.url);
const webcola = require(path.join(repo, 'webcola/harness/node_modules/webcola'));
const corpus = (name) => JSON.parse(readFileSync(path.join(repo, 'data', `${name}.json`), 'utf8'));

/** A WebCola program, as users write it; only `cola` changes. */
function program(cola) {
  const g = corpus('lesmis');
  const nodes = g.labels.map((name) => ({ name }));
  const links = g.links.map(([source, target]) => ({ source, target }));
  let ticks = 0;
  let ended = false;
  const layout = new cola.Layout()
    .size([960, 500])
    .nodes(nodes)
    .links(links)
    .linkDistance(30)
    .avoidOverlaps(false)
    .on('tick', () => ticks++)
    .on('end', () => (ended = true));
  layout.start(10, 15, 20);
  return { g, nodes, links, ticks, ended };
}

test('a WebCola program that changes only its import matches WebCola within 5% SN', () => {
  const ours = program(colayout);
  const theirs = program(webcola);
  const a = sn(77, ours.g.links, ours.nodes);
  const b = sn(77, theirs.g.links, theirs.nodes);
  assert.ok(a <= 1.05 * b, `SN ${a} vs WebCola ${b}`);
  assert.ok(ours.ended && ours.ticks > 0);
  assert.ok(typeof ours.links[0].source === 'object' && Number.isFinite(ours.links[0].source.x), 'links point at node objects');
  assert.ok(ours.nodes.every((v, i) => v.index === i && Number.isFinite(v.x) && Number.isFinite(v.y)));
});

test('the SIMD build is chosen in Node 20, positions come as a Float32Array', () => {
  assert.equal(colayout.simd, true);
  const l = new colayout.Layout().nodes([{}, {}, {}]).links([{ source: 0, target: 1 }, { source: 1, target: 2 }]);
  l.start();
  const p = l.positions();
  assert.ok(p instanceof Float32Array && p.length === 6);
  l.free();
});

test('alignment constraints and groups with node objects', () => {
  const nodes = Array.from({ length: 6 }, () => ({ width: 40, height: 30 }));
  const links = [0, 1, 2, 3, 4].map((i) => ({ source: i, target: i + 1 }));
  const groups = [{ leaves: [nodes[0], nodes[1]], padding: 5 }];
  new colayout.Layout()
    .nodes(nodes)
    .links(links)
    .groups(groups)
    .constraints([{ type: 'alignment', axis: 'y', offsets: [{ node: 2, offset: 0 }, { node: 4, offset: 0 }] }])
    .avoidOverlaps(true)
    .linkDistance(60)
    .start(10, 10, 10);
  assert.ok(Math.abs(nodes[2].y - nodes[4].y) < 1e-3);
  const b = groups[0].bounds;
  for (const v of [nodes[0], nodes[1]]) assert.ok(b.x <= v.x - 20 && v.x + 20 <= b.X && b.y <= v.y - 15 && v.y + 15 <= b.Y);
});

test('linkDistance as a function, and the one-shot layout', () => {
  const nodes = [{}, {}, {}];
  const links = [{ source: 0, target: 1, len: 10 }, { source: 1, target: 2, len: 50 }];
  new colayout.Layout().nodes(nodes).links(links).linkDistance((l) => l.len).start(20, 0, 20);
  const d = (a, b) => Math.hypot(a.x - b.x, a.y - b.y);
  // Within 5%: WebCola's absolute stopping rule (sum of squared moves < 0.01) ends early.
  assert.ok(Math.abs(d(nodes[0], nodes[1]) - 10) < 0.5 && Math.abs(d(nodes[1], nodes[2]) - 50) < 2.5);
  const p = colayout.layout({ nodes: 3, links: [[0, 1], [1, 2]] }, { linkDistance: 40 });
  assert.ok(p instanceof Float64Array && Math.abs(Math.hypot(p[0] - p[2], p[1] - p[3]) - 40) < 1);
});

test('dragging a node holds it under the pointer', () => {
  const nodes = Array.from({ length: 5 }, () => ({}));
  const l = new colayout.Layout().nodes(nodes).links([0, 1, 2, 3].map((i) => ({ source: i, target: i + 1 })));
  l.start();
  l.dragStart(nodes[2]);
  l.drag(nodes[2], { x: 100, y: 200 });
  for (let i = 0; i < 10; i++) l.tick();
  assert.deepEqual([nodes[2].x, nodes[2].y], [100, 200]);
  l.dragEnd(nodes[2]);
});

test('bad input throws LayoutError with the core code', () => {
  const bad = () => new colayout.Layout().nodes([{}, {}]).links([{ source: 0, target: 5 }]).start();
  assert.throws(bad, (e) => e instanceof colayout.LayoutError && e.code === 'LinkOutOfRange');
  const cycle = () => new colayout.Layout().nodes([{}]).groups([{ groups: [0] }]).start();
  assert.throws(cycle, (e) => e.code === 'GroupCycle');
  assert.ok(colayout.errorCodes.includes('NodeInTwoGroups'));
});

test('update() adds and removes nodes without moving the others', () => {
  const nodes = Array.from({ length: 6 }, (_, i) => ({ name: `n${i}` }));
  const links = [0, 1, 2, 3, 4].map((i) => ({ source: i, target: i + 1 }));
  const l = new colayout.Layout().nodes(nodes).links(links);
  l.start();
  const before = new Map(nodes.map((v) => [v, [v.x, v.y]]));
  // Remove the first node and its link; hang two new nodes off node 5.
  const kept = nodes.slice(1);
  const extra = [{ name: 'a' }, { name: 'b' }];
  const nodes2 = kept.concat(extra);
  const links2 = links.slice(1).concat([{ source: nodes[5], target: extra[0] }, { source: nodes[5], target: extra[1] }]);
  l.nodes(nodes2).links(links2).update(false);
  for (const v of kept) assert.deepEqual([v.x, v.y], before.get(v), `${v.name} did not jump`);
  assert.ok(extra.every((v) => Number.isFinite(v.x) && Math.hypot(v.x - nodes[5].x, v.y - nodes[5].y) < 20));
  l.resume();
  assert.ok(Math.abs(Math.hypot(extra[0].x - nodes[5].x, extra[0].y - nodes[5].y) - 20) < 2);
});

test('kick() can be overridden to tick from a timer, as WebCola adaptors do', () => {
  const g = corpus('lesmis');
  let kicks = 0;
  let starts = 0;
  let ends = 0;
  const layout = new colayout.Layout()
    .nodes(g.labels.map(() => ({})))
    .links(g.links.map(([source, target]) => ({ source, target })))
    .on('start', () => starts++)
    .on('end', () => ends++);
  layout.kick = () => kicks++;
  layout.start(10, 15, 20);
  assert.equal(kicks, 1, 'start kicks once and returns');
  assert.ok(layout.alpha() > 0);
  layout.tick();
  layout.resume();
  assert.equal(kicks, 1, 'resume keeps a running layout hot without kicking again');
  let ticks = 1;
  while (!layout.tick()) ticks++;
  assert.ok(ticks > 10 && ticks < 1000, `ticks ${ticks}`);
  assert.equal(ends, 1);
  layout.resume();
  assert.equal(kicks, 2, 'resume after the end kicks again');
  assert.equal(starts, 2);
  layout.free();
});

test("WebCola's static drag API: fixed bit 2 and px/py hold a node; dragEnd frees it", () => {
  const nodes = Array.from({ length: 5 }, () => ({}));
  const l = new colayout.Layout().nodes(nodes).links([0, 1, 2, 3].map((i) => ({ source: i, target: i + 1 })));
  l.start();
  colayout.Layout.dragStart(nodes[1]);
  assert.equal(nodes[1].fixed, 2);
  colayout.Layout.drag(nodes[1], { x: -50, y: 70 });
  l.resume();
  assert.deepEqual([nodes[1].x, nodes[1].y], [-50, 70]);
  colayout.Layout.dragEnd(nodes[1]);
  assert.equal(nodes[1].fixed, 0);
  l.resume();
  assert.notDeepEqual([nodes[1].x, nodes[1].y], [-50, 70], 'released, the node moves again');
  // A user's fixed bit survives a drag (WebCola's bit semantics).
  nodes[3].fixed = 1;
  colayout.Layout.dragStart(nodes[3]);
  colayout.Layout.dragEnd(nodes[3]);
  assert.equal(nodes[3].fixed, 1);
  assert.throws(() => l.dragStart({}), (e) => e.code === 'NodeOutOfRange');
});

test('dragging a group moves its leaves with it; bounds are WebCola Rectangles', () => {
  const nodes = Array.from({ length: 4 }, () => ({ width: 20, height: 20 }));
  const groups = [{ leaves: [0, 1], padding: 4 }];
  const l = new colayout.Layout()
    .nodes(nodes)
    .links([0, 1, 2].map((i) => ({ source: i, target: i + 1 })))
    .groups(groups)
    .avoidOverlaps(true)
    .linkDistance(50);
  l.start(10, 10, 10);
  const g = groups[0];
  assert.ok(g.leaves[0] === nodes[0] && nodes[0].parent === g, 'leaves become node objects with a parent');
  assert.ok(g.bounds instanceof colayout.Rectangle && g.bounds.width() > 40);
  const offset = nodes[1].x - nodes[0].x;
  const origin = colayout.Layout.dragOrigin(g);
  assert.ok(Math.abs(origin.x - g.bounds.cx()) < 1e-9);
  const before = nodes[0].x - origin.x;
  l.dragStart(g);
  l.drag(g, { x: origin.x + 300, y: origin.y });
  l.resume();
  assert.ok(Math.abs(nodes[1].x - nodes[0].x - offset) < 1e-6, 'the leaves keep their offsets');
  assert.ok(Math.abs(nodes[0].x - (origin.x + 300) - before) < 1e-6, 'the core moved the group with its box centre');
  assert.ok(Math.abs(g.bounds.cx() - (origin.x + 300)) < 1e-6);
  assert.equal(nodes[0].fixed ?? 0, 0, 'a group drag leaves its leaves\' bits alone');
  l.dragEnd(g);
  assert.equal(g.fixed, 0);
  l.resume();
  assert.ok(Math.abs(g.bounds.cx() - (origin.x + 300)) > 1e-3 || Math.abs(g.bounds.cy() - origin.y) > 1e-3, 'released, the group moves again');
});

test('getters without a value set return the core defaults, read from the core', () => {
  const l = new colayout.Layout();
  assert.deepEqual(l.size(), colayout.defaultOptions.size);
  assert.equal(l.linkDistance(), colayout.defaultOptions.linkDistance);
  assert.equal(l.convergenceThreshold(), colayout.defaultOptions.convergenceThreshold);
  assert.equal(l.defaultNodeSize(), colayout.defaultOptions.defaultNodeSize);
  assert.equal(l.groupCompactness(), colayout.defaultOptions.groupCompactness);
  assert.equal(l.avoidOverlaps(), colayout.defaultOptions.avoidOverlaps);
  assert.equal(l.handleDisconnected(), colayout.defaultOptions.handleDisconnected);
  assert.equal(l.maxTicks(), colayout.defaultOptions.maxTicks);
  assert.equal(l.dampAfter(), colayout.defaultOptions.dampAfter);
  assert.equal(l.memoryLimit(), colayout.defaultOptions.memoryLimit);
  assert.deepEqual([colayout.defaultOptions.linkDistance, colayout.defaultOptions.convergenceThreshold], [20, 0.01]);
});

test('kick() stops at maxTicks, converged or not', () => {
  const g = corpus('lesmis');
  let ticks = 0;
  let ended = 0;
  const l = new colayout.Layout()
    .nodes(g.labels.map(() => ({})))
    .links(g.links.map(([source, target]) => ({ source, target })))
    .maxTicks(5)
    .on('tick', () => ticks++)
    .on('end', () => ended++);
  l.start();
  assert.equal(ticks, 5);
  assert.equal(ended, 1);
});

test('NaN, Infinity and circular input throw LayoutError, never read as absent', () => {
  const code = (f) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof colayout.LayoutError, String(e));
      return e.code;
    }
    return 'no error';
  };
  const path3 = [{ source: 0, target: 1 }, { source: 1, target: 2 }];
  assert.equal(code(() => new colayout.Layout().nodes([{ x: NaN, y: 1 }, {}, {}]).links(path3).start()), 'NonFiniteCoordinate');
  assert.equal(code(() => new colayout.Layout().nodes([{}, { width: Infinity, height: 3 }, {}]).links(path3).start()), 'NonFiniteSize');
  assert.equal(code(() => new colayout.Layout().nodes([{}, {}, {}]).links(path3).linkDistance(() => NaN).start()), 'InvalidLinkLength');
  assert.equal(code(() => colayout.layout({ nodes: [{ y: -Infinity }, {}], links: [[0, 1]] })), 'NonFiniteCoordinate');
  const loop = { type: 'alignment', axis: 'x', offsets: [{ node: 0, offset: 0 }] };
  loop.self = loop;
  assert.equal(code(() => new colayout.Layout().nodes([{}, {}, {}]).links(path3).constraints([loop]).start()), 'Parse');
  assert.equal(code(() => colayout.layout({ nodes: 2, links: [[0, 1]] }, { linkDistance: 1e300 })), 'OutOfRange');
});

test('adaptor(options) takes kick and trigger, with numeric EventType as WebCola', () => {
  const g = corpus('karate');
  const seen = [];
  let frames = 0;
  const a = colayout.adaptor({
    trigger: (e) => seen.push(e.type),
    kick: () => {
      while (!a.tick()) frames++;
    },
  });
  a.nodes(Array.from({ length: g.nodes }, () => ({}))).links(g.links.map(([source, target]) => ({ source, target }))).start(10, 0, 10);
  assert.equal(seen[0], colayout.EventType.start);
  assert.equal(seen.at(-1), colayout.EventType.end);
  assert.ok(frames > 5 && seen.filter((t) => t === colayout.EventType.tick).length === frames);
  assert.equal(a.dragstart, colayout.Layout.dragStart);
});

test('d3adaptor(d3): a WebCola d3 program, run on real d3-timer and d3-dispatch, matches WebCola within 5% SN', async () => {
  const d3 = {
    ...require(path.join(repo, 'webcola/harness/node_modules/d3-timer')),
    ...require(path.join(repo, 'webcola/harness/node_modules/d3-dispatch')),
    drag: () => assert.fail('not used here'),
  };
  const g = corpus('lesmis');
  // WebCola's d3 example shape: ticks arrive from d3.timer after start() returns.
  const run = (cola) => {
    const nodes = g.labels.map((name) => ({ name }));
    let ticks = 0;
    const done = new Promise((resolve) => {
      cola
        .d3adaptor(d3)
        .size([960, 500])
        .nodes(nodes)
        .links(g.links.map(([source, target]) => ({ source, target })))
        .linkDistance(30)
        .on('tick', function () {
          assert.equal(this.type, 'tick');
          ticks++;
        })
        .on('end', resolve)
        .start(10, 15, 20);
    });
    assert.equal(ticks, 0, 'start returns before ticking');
    return done.then(() => ({ nodes, ticks }));
  };
  const ours = await run(colayout);
  const theirs = await run(webcola);
  assert.ok(ours.ticks > 10, `ticks ${ours.ticks}`);
  const [a, b] = [sn(ours.nodes.length, g.links, ours.nodes), sn(theirs.nodes.length, g.links, theirs.nodes)];
  assert.ok(Math.abs(a / b - 1) < 0.05, `SN ${a} vs WebCola ${b}`);
  assert.throws(() => colayout.d3adaptor(undefined), TypeError);
});

test('memoryLimit() refuses a graph whose model would not fit; dampAfter() ends deeply nested groups', () => {
  const path = (n) => Array.from({ length: n - 1 }, (_, i) => ({ source: i, target: i + 1 }));
  const big = () => new colayout.Layout().nodes(Array.from({ length: 300 }, () => ({}))).links(path(300)).memoryLimit(100000).start();
  assert.throws(big, (e) => e instanceof colayout.LayoutError && e.code === 'TooManyNodes' && /memory limit/.test(e.message));
  assert.throws(() => colayout.layout({ nodes: 70000, links: [] }, { pivots: 0 }), (e) => e.code === 'TooManyNodes' && /pivots/.test(e.message));
  const nested = (damp) => {
    const n = 25;
    const nodes = Array.from({ length: n }, () => ({ width: 10, height: 10 }));
    const groups = nodes.map((_, i) => ({ leaves: [i], groups: i + 1 < n ? [i + 1] : [] }));
    let ticks = 0;
    new colayout.Layout().nodes(nodes).links(path(n)).groups(groups).avoidOverlaps(true).dampAfter(damp).maxTicks(1500).on('tick', () => ticks++).start();
    return ticks;
  };
  assert.ok(nested(colayout.defaultOptions.dampAfter) < 1500, 'damped, the layout converges');
  assert.equal(nested(0), 1500, 'undamped, it runs to maxTicks');
});

test('overlappingGroups() lets a node sit in two groups that do not nest', () => {
  const make = () => ({
    nodes: Array.from({ length: 3 }, () => ({ width: 10, height: 10 })),
    links: [{ source: 0, target: 1 }, { source: 1, target: 2 }],
    groups: [{ leaves: [0, 1] }, { leaves: [1, 2] }],
  });
  const run = (on) => {
    const g = make();
    const l = new colayout.Layout().nodes(g.nodes).links(g.links).groups(g.groups).avoidOverlaps(true);
    if (on !== undefined) l.overlappingGroups(on);
    l.start(10, 10, 10);
    return g.groups;
  };
  assert.equal(new colayout.Layout().overlappingGroups(), colayout.defaultOptions.overlappingGroups);
  assert.equal(colayout.defaultOptions.overlappingGroups, false);
  assert.throws(() => run(), (e) => e.code === 'NodeInTwoGroups' && /overlappingGroups/.test(e.message));
  const [a, b] = run(true).map((g) => g.bounds);
  assert.ok(a.x < b.X && b.x < a.X && a.y < b.Y && b.y < a.Y, 'the boxes overlap around node 1');
  assert.equal(colayout.layout({ ...make(), groups: [{ leaves: [0, 1] }, { leaves: [1, 2] }] }, { overlappingGroups: true }).length, 6);
});

test('solver("sgd") lays out with SGD, the same bits each time', () => {
  const run = () => {
    const nodes = Array.from({ length: 5 }, () => ({}));
    const links = [0, 1, 2, 3].map((i) => ({ source: i, target: i + 1 }));
    new colayout.Layout().nodes(nodes).links(links).solver('sgd').start();
    return nodes.map((v) => [v.x, v.y]);
  };
  assert.equal(new colayout.Layout().solver(), 'descent');
  assert.equal(colayout.defaultOptions.solver, 'descent');
  const a = run();
  assert.deepEqual(a, run());
  const span = Math.hypot(a[0][0] - a[4][0], a[0][1] - a[4][1]);
  assert.ok(Math.abs(span - 80) < 8, `a path of 4 links of 20 spans about 80, not ${span}`);
  assert.throws(() => colayout.layout({ nodes: 2, links: [[0, 1]] }, { solver: 'annealing' }), (e) => e.code === 'Parse' && /solver/.test(e.message));
});

test('pivots(n) lays out a path too large for every pair with the sparse model', () => {
  const n = 30000;
  const links = Array.from({ length: n - 1 }, (_, i) => ({ source: i, target: i + 1 }));
  const nodes = Array.from({ length: n }, () => ({}));
  const l = new colayout.Layout().nodes(nodes).links(links).solver('sgd').pivots(4).start();
  assert.equal(l.pivots(), 4);
  const p = l.nodes();
  assert.ok(Math.abs(Math.hypot(p[10].x - p[11].x, p[10].y - p[11].y) - 20) < 2);
  assert.ok(Math.hypot(p[0].x - p[n - 1].x, p[0].y - p[n - 1].y) > 0.5 * 20 * (n - 1));
  assert.equal(new colayout.Layout().pivots(), 'auto');
  assert.equal(colayout.defaultOptions.pivots, 'auto');
  const small = { nodes: 6, links: [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5]] };
  assert.deepEqual(colayout.layout(small, { pivots: 'auto' }), colayout.layout(small, { pivots: 0 }));
  assert.throws(() => colayout.layout(small, { pivots: 'many' }), (e) => e.code === 'Parse' && /pivots/.test(e.message));
});

test('sgdSchedule("convergent") runs past the anneal until converged', () => {
  const nodes = Array.from({ length: 30 }, () => ({}));
  const links = Array.from({ length: 29 }, (_, i) => ({ source: i, target: i + 1 }));
  links.push({ source: 0, target: 15 });
  const l = new colayout.Layout().nodes(nodes).links(links).solver('sgd').sgdSchedule('convergent').start();
  assert.equal(l.sgdSchedule(), 'convergent');
  assert.equal(new colayout.Layout().sgdSchedule(), 'anneal');
  assert.ok(l.nodes().every((v) => Number.isFinite(v.x) && Number.isFinite(v.y)));
  assert.throws(() => colayout.layout({ nodes: 2, links: [[0, 1]] }, { sgdSchedule: 'cosine' }), (e) => e.code === 'Parse' && /sgd_schedule/.test(e.message));
});
