// Cross-target determinism: the Wasm build must give bit-identical positions to the
// native build after the same ticks, with WebCola's descent, the SGD solver, and both on
// the sparse model. Usage:
//   node wasm/js/determinism.mjs PKG_DIR simd|compat COLAYOUT_BIN DATA_DIR TICKS GRAPH...
// PKG_DIR holds the wasm-bindgen `--target nodejs` output of the simd128 build or of the
// compat build (no simd128); COLAYOUT_BIN is the native CLI.
// Prints one line per graph and "N passed, N failed"; exits 1 on any difference.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [pkgDir, kind, bin, dataDir, ticksArg, ...graphs] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const wasm = require(path.resolve(pkgDir, 'colayout_wasm.js'));
const ticks = Number(ticksArg);
let passed = 0;
let failed = 0;
if (wasm.built_with_simd() !== (kind === 'simd')) {
  console.log(`FAIL expected the ${kind} build, got built_with_simd() = ${wasm.built_with_simd()}`);
  failed++;
}
for (const name of graphs) {
  const file = path.join(dataDir, `${name}.json`);
  const g = JSON.parse(readFileSync(file, 'utf8'));
  const edges = new Uint32Array(g.links.flat());
  const ours = wasm.layout_ticks(g.nodes, edges, 5, 0, 5, ticks);
  const native = JSON.parse(execFileSync(bin, ['layout', file, '--iterations', '5,0,5', '--ticks', String(ticks)], { maxBuffer: 1 << 28 }));
  const flat = native.positions.flat();
  let differ = 0;
  for (let i = 0; i < flat.length; i++) if (!Object.is(flat[i], ours[i])) differ++;
  const ok = flat.length === ours.length && differ === 0;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${g.nodes} nodes, ${ticks} ticks, ${differ} of ${flat.length} coordinates differ`);
  ok ? passed++ : failed++;
  // The SGD solver and the sparse model, through RawLayout with the options as JSON.
  const cases = [
    ['sgd', { solver: 'sgd' }, ['--solver', 'sgd']],
    ['sparse sgd', { solver: 'sgd', pivots: 10 }, ['--solver', 'sgd', '--pivots', '10']],
    ['sparse descent', { pivots: 10 }, ['--pivots', '10']],
  ];
  for (const [label, options, flags] of cases) {
    const raw = new wasm.RawLayout(JSON.stringify(g), JSON.stringify(options));
    raw.start(5, 0, 5, 0, false, true);
    raw.run_ticks(ticks);
    const got = raw.positions_f64();
    raw.free();
    const want = JSON.parse(execFileSync(bin, ['layout', file, ...flags, '--iterations', '5,0,5', '--ticks', String(ticks)], { maxBuffer: 1 << 28 })).positions.flat();
    let differ = 0;
    for (let i = 0; i < want.length; i++) if (!Object.is(want[i], got[i])) differ++;
    const ok = want.length === got.length && differ === 0;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} (${label}): ${ticks} ticks, ${differ} of ${want.length} coordinates differ`);
    ok ? passed++ : failed++;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
