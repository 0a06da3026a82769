// Wasm colayout tick against npm webcola's tick, in one Node process, same graph, same
// start (WebCola's default), same schedule. Usage:
//   node tick.mjs PKG_DIR WEBCOLA_HARNESS_DIR DATA_DIR GRAPH [TICKS]
// colayout's tick time is (time for TICKS ticks - time for 0 ticks) / TICKS, both runs
// including the same setup; WebCola's is its tick loop alone. Prints a Markdown row.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const [pkgDir, harnessDir, dataDir, name, ticksArg] = process.argv.slice(2);
const ticks = Number(ticksArg ?? 50);
const require = createRequire(import.meta.url);
const wasm = require(path.resolve(pkgDir, 'colayout_wasm.js'));
const cola = require(path.resolve(harnessDir, 'node_modules/webcola'));
const g = JSON.parse(readFileSync(path.join(dataDir, `${name}.json`), 'utf8'));
const edges = new Uint32Array(g.links.flat());

function colayoutTick() {
  const time = (t) => {
    const t0 = performance.now();
    wasm.layout_ticks(g.nodes, edges, 0, 0, 0, t);
    return performance.now() - t0;
  };
  time(ticks); // warm up
  let best = Infinity;
  for (let r = 0; r < 5; r++) best = Math.min(best, (time(ticks) - time(0)) / ticks);
  return best;
}

function webcolaTick() {
  const run = () => {
    const nodes = Array.from({ length: g.nodes }, () => ({}));
    const links = g.links.map(([source, target]) => ({ source, target }));
    const layout = new cola.Layout().nodes(nodes).links(links);
    layout.start(0, 0, 0, 0, false);
    layout._threshold = 0;
    const t0 = performance.now();
    for (let i = 0; i < ticks; i++) layout.tick();
    return (performance.now() - t0) / ticks;
  };
  run(); // warm up
  return Math.min(run(), run());
}

const ours = colayoutTick();
const theirs = webcolaTick();
console.log(`| ${name} | ${g.nodes} | ${wasm.built_with_simd() ? 'simd128' : 'compat'} | ${ours.toFixed(3)} | ${theirs.toFixed(3)} | ${(theirs / ours).toFixed(1)}x |`);
