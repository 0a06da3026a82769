// Layout3D in real Node against npm webcola's Layout3D: same API, a 3-D layout of the same
// quality (link lengths near their ideal), and xyz positions.
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

/** Mean relative error of link lengths against the ideal `1 + 1.5·J` lengths WebCola gave. */
function linkError(layout, links, ideal) {
  return links.reduce((s, l, i) => s + Math.abs(layout.linkLength(l) - ideal[i]) / ideal[i], 0) / links.length;
}

test('Layout3D lays out in 3-D as WebCola does', () => {
  const g = JSON.parse(readFileSync(path.join(repo, 'data', 'karate.json'), 'utf8'));
  const mk = (cola) => {
    const nodes = Array.from({ length: g.nodes }, () => new (cola.Node3D ?? Object)());
    const links = g.links.map(([s, t]) => (cola.Link3D ? new cola.Link3D(s, t) : { source: s, target: t }));
    return new cola.Layout3D(nodes, links, 10);
  };
  const theirs = mk(webcola).start(200);
  const ideal = theirs.links.map((l) => l.length);
  const ours = mk(colayout).start(200);
  assert.equal(Layout3DShape(ours), true);
  const [a, b] = [linkError(ours, ours.links, ideal), linkError(theirs, theirs.links, ideal)];
  assert.ok(a < 1.5 * b + 0.05, `link length error ${a} vs WebCola's ${b}`);
  const p = ours.positions();
  assert.equal(p.length, 3 * g.nodes);
  assert.ok(p.every(Number.isFinite));
  const spread = Math.max(...ours.result[2]) - Math.min(...ours.result[2]);
  assert.ok(spread > 5, 'uses the third dimension');
  assert.ok(ours.tick() >= 0);
  ours.free();
});

function Layout3DShape(l) {
  return colayout.Layout3D.k === 3 && l.result.length === 3 && l.result[0].length === l.nodes.length;
}
