// Loads the Wasm module: the SIMD build when the engine validates Wasm SIMD, the compat
// build otherwise. Works in browsers, Web Workers and Node 20 (top-level await).
import type { RawModule } from './raw.js';

/** A tiny module using a v128 instruction: valid iff the engine has Wasm SIMD. */
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

/** True when this engine runs the SIMD build. */
export const simd: boolean = WebAssembly.validate(SIMD_PROBE);

async function load(): Promise<RawModule> {
  const dir = simd ? 'simd' : 'compat';
  const glue = new URL(`./wasm/${dir}/colayout_wasm.js`, import.meta.url);
  const wasm = new URL(`./wasm/${dir}/colayout_wasm_bg.wasm`, import.meta.url);
  const mod = (await import(glue.href)) as RawModule;
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  if (node && glue.protocol === 'file:') {
    // Node's fetch cannot read file: URLs; read the bytes instead.
    const fsModule = 'node:fs/promises';
    const { readFile } = (await import(fsModule)) as { readFile(u: URL): Promise<Uint8Array<ArrayBuffer>> };
    await mod.default({ module_or_path: await readFile(wasm) });
  } else {
    await mod.default({ module_or_path: wasm });
  }
  return mod;
}

/** The initialised wasm-bindgen module. */
export const raw: RawModule = await load();
