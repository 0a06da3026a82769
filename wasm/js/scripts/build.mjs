// npm run build: the Wasm module twice (simd128 and compat), wasm-bindgen's web glue,
// wasm-opt, and the TypeScript wrapper, into dist/. On a fresh machine it first installs
// what it needs: the wasm32 target (rustup) and the wasm-bindgen CLI pinned in
// wasm/Cargo.toml (cargo install, once).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const js = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(js, '../..');
const run = (cmd, args, env = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
const dist = path.join(js, 'dist');

/** The output of `cmd args`, or '' when it cannot run. */
const probe = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
};
/** Runs an install step, or stops with one line saying what to run by hand. */
const install = (what, cmd, args) => {
  console.log(`colayout build: installing ${what} (${cmd} ${args.join(' ')})`);
  try {
    run(cmd, args);
  } catch {
    console.error(`colayout build: could not install ${what}; run \`${cmd} ${args.join(' ')}\` and build again`);
    process.exit(1);
  }
};
if (!probe('cargo', ['--version'])) {
  console.error('colayout build: cargo is missing; install Rust with rustup (https://rustup.rs) and build again');
  process.exit(1);
}
if (probe('rustup', ['--version']) && !probe('rustup', ['target', 'list', '--installed']).split('\n').includes('wasm32-unknown-unknown')) {
  install('the wasm32-unknown-unknown target', 'rustup', ['target', 'add', 'wasm32-unknown-unknown']);
}
const pinned = /wasm-bindgen = "=([0-9.]+)"/.exec(readFileSync(path.join(root, 'wasm/Cargo.toml'), 'utf8'))[1];
if (!probe('wasm-bindgen', ['--version']).includes(pinned)) {
  // --locked fails on some registries; no-default-features drops the test runner's TLS.
  install(`wasm-bindgen-cli ${pinned}, once (several minutes)`, 'cargo', ['install', 'wasm-bindgen-cli', '--version', pinned, '--no-default-features']);
}

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
