import { existsSync, readFileSync } from 'node:fs';

/**
 * The first of `places` (each relative to `base`, a module's
 * `import.meta.url`) that exists, compiled as a WebAssembly module; null
 * where none exists or the first found does not compile (the caller then
 * does the same work in JavaScript). The modules are assembled into dist/
 * by scripts/assemble-wasm.mjs.
 * @example compileWasmAt(['./line-search.wasm', '../lines/line-search.wasm'], import.meta.url)
 */
export function compileWasmAt(places: readonly string[], base: string): WebAssembly.Module | null {
  for (const path of places) {
    const url = new URL(path, base);
    if (!existsSync(url)) continue;
    try {
      return new WebAssembly.Module(readFileSync(url));
    } catch {
      return null;
    }
  }
  return null;
}
