// npm run build: the Wasm module twice (simd128 and compat), wasm-bindgen's web glue,
// wasm-opt, and the TypeScript wrapper, into dist/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const js = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(js, '../..');
const run = (cmd, args, env = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
const dist = path.join(js, 'dist');
rmSync(dist, { recursive: true, force: true });

// Fat LTO makes the shipped modules smaller; the same code otherwise.
const lto = { CARGO_PROFILE_RELEASE_LTO: 'fat' };
const builds = {
  simd: { env: { ...lto, CARGO_TARGET_DIR: path.join(root, 'target/wasm-pkg') }, target: path.join(root, 'target/wasm-pkg') },
  compat: {
    env: { ...lto, CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: '-C target-feature=-simd128', CARGO_TARGET_DIR: path.join(root, 'target/wasm-pkg-compat') },
    target: path.join(root, 'target/wasm-pkg-compat'),
  },
};
for (const [kind, b] of Object.entries(builds)) {
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'colayout-wasm'], b.env);
  const out = path.join(dist, 'wasm', kind);
  mkdirSync(out, { recursive: true });
  run('wasm-bindgen', [path.join(b.target, 'wasm32-unknown-unknown/release/colayout_wasm.wasm'), '--out-dir', out, '--target', 'web']);
  const wasm = path.join(out, 'colayout_wasm_bg.wasm');
  run(path.join(js, 'node_modules/.bin/wasm-opt'), ['-O3', wasm, '-o', wasm]);
}
run(path.join(js, 'node_modules/.bin/tsc'), ['-p', path.join(js, 'tsconfig.json')]);
copyFileSync(path.join(js, 'src/raw.d.ts'), path.join(dist, 'raw.d.ts'));
