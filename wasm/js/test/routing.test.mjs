// Edge routing and geometry in the npm package, in real Node, against npm webcola:
// WebCola's geom functions give its values, routeEdge avoids every other box, routes()
// gives one route per link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as colayout from '../dist/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const require = createRequire(import.meta.url);
const webcola = require(path.join(repo, 'webcola/harness/node_modules/webcola'));

/** True when segment p→q meets the box interior (shrunk by 1e-6) anywhere. */
function crosses(p, q, b) {
  const r = new webcola.Rectangle(b.x + 1e-6, b.X - 1e-6, b.y + 1e-6, b.Y - 1e-6);
  const inside = (v) => v.x > r.x && v.x < r.X && v.y > r.y && v.y < r.Y;
  return inside(p) || inside(q) || r.lineIntersections(p.x, p.y, q.x, q.y).length > 0;
}

test('geom functions give WebCola values', () => {
  const pts = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }, { x: 5, y: 5 }, { x: 3, y: 9 }];
  assert.deepEqual(colayout.ConvexHull(pts), webcola.ConvexHull(pts));
  const a = new webcola.Rectangle(-5, 5, -5, 5);
  const b = new webcola.Rectangle(90, 110, -30, 10);
  assert.deepEqual(colayout.makeEdgeBetween(a, b, 5), webcola.makeEdgeBetween(a, b, 5));
  assert.deepEqual(colayout.makeEdgeTo({ x: 1, y: 2 }, b, 3), webcola.makeEdgeTo({ x: 1, y: 2 }, b, 3));
});

test('prepareEdgeRouting and routeEdge route around the other boxes, source to target', () => {
  const g = JSON.parse(readFileSync(path.join(repo, 'data', 'lesmis_groups.json'), 'utf8'));
  const layout = new colayout.Layout()
    .nodes(g.nodes)
    .links(g.links)
    .avoidOverlaps(true)
    .linkDistance(60)
    .start(10, 10, 10, 0, false);
  layout.prepareEdgeRouting(0);
  let bent = 0;
  for (const e of g.links) {
    const route = layout.routeEdge(e);
    assert.ok(route.length >= 2);
    bent += route.length > 2 ? 1 : 0;
    const [s, t] = [e.source, e.target];
    const near = (p, v) => Math.abs(p.x - v.x) <= v.width / 2 + 1e-6 && Math.abs(p.y - v.y) <= v.height / 2 + 1e-6;
    assert.ok(near(route[0], s), 'starts on the source box');
    for (let i = 1; i < route.length; i++) {
      g.nodes.forEach((v, k) => {
        if (v === s || v === t) return;
        const box = { x: v.x - v.width / 2, X: v.x + v.width / 2, y: v.y - v.height / 2, Y: v.y + v.height / 2 };
        assert.ok(!crosses(route[i - 1], route[i], box), `${s.name}->${t.name} crosses ${v.name}`);
      });
    }
  }
  assert.ok(bent > 10, `${bent} routes bend`);
  const all = layout.routes({ route: 'polyline' });
  assert.equal(all.length, g.links.length);
  assert.equal(layout.routes().every((r) => r.length === 2), true, 'clip by default');
  for (const r of layout.routes({ route: 'orthogonal' }))
    for (let i = 1; i < r.length; i++) assert.ok(Math.abs(r[i].x - r[i - 1].x) < 1e-6 || Math.abs(r[i].y - r[i - 1].y) < 1e-6, 'axis-parallel');
  assert.throws(() => layout.routes({ route: 'curved' }), (e) => e instanceof colayout.LayoutError && e.code === 'Parse');
  assert.equal(colayout.defaultRouteOptions.route, 'clip');
  layout.free();
});

test('powerGraphGroups gives WebCola groups and power edges, and sets them as groups', () => {
  const g = JSON.parse(readFileSync(path.join(repo, 'data', 'karate.json'), 'utf8'));
  const mk = () => ({
    nodes: Array.from({ length: g.nodes }, (_, i) => ({ name: String(i) })),
    links: g.links.map(([source, target]) => ({ source, target })),
  });
  const ours = mk();
  const theirs = mk();
  let got, want;
  const layout = new colayout.Layout().nodes(ours.nodes).links(ours.links).powerGraphGroups((x) => (got = x));
  new webcola.Layout().nodes(theirs.nodes).links(theirs.links).powerGraphGroups((x) => (want = x));
  assert.equal(got.groups.length, want.groups.length);
  assert.equal(got.powerEdges.length, want.powerEdges.length);
  const name = (e) => ('leaves' in e ? `g${e.id}` : e.name);
  assert.deepEqual(
    got.powerEdges.map((e) => [name(e.source), name(e.target)]),
    want.powerEdges.map((e) => [name(e.source), name(e.target)]),
  );
  const members = (gr) => gr.leaves.map((v) => v.name).join(',');
  assert.deepEqual(got.groups.map(members), want.groups.map(members));
  assert.equal(layout.groups().length, got.groups.length);
  layout.start(10, 10, 10, 0, false);
  assert.ok(got.groups.every((gr) => gr.bounds), 'groups get bounds');
  const typed = mk();
  let gotTyped, wantTyped;
  const type = (l) => (index(l.source) + index(l.target)) % 2;
  const index = (v) => (typeof v === 'number' ? v : Number(v.name));
  new colayout.Layout().nodes(typed.nodes).links(typed.links).linkType(type).powerGraphGroups((x) => (gotTyped = x));
  const again = mk();
  new webcola.Layout().nodes(again.nodes).links(again.links).linkType(type).powerGraphGroups((x) => (wantTyped = x));
  assert.equal(gotTyped.powerEdges.length, wantTyped.powerEdges.length);
  assert.deepEqual(gotTyped.powerEdges.map((e) => e.type), wantTyped.powerEdges.map((e) => e.type));
  const pg = colayout.powergraph.getGroups([0, 1, 2], [[0, 1], [0, 2]], { getSourceIndex: (l) => l[0], getTargetIndex: (l) => l[1], getType: () => 0 });
  assert.equal(pg.powerEdges.length, 1);
});
