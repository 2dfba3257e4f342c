// Assembles the WebAssembly text modules of src/ (*.wat) into dist/, beside
// the compiled module that loads each (src/lines/line-search.wat becomes
// dist/lines/line-search.wasm), with wabt, the WebAssembly Binary Toolkit's
// own assembler built for JavaScript: the binary is never committed, only
// its source.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import initWabt from 'wabt';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const wabt = await initWabt();

function* watFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* watFiles(path);
    else if (entry.name.endsWith('.wat')) yield path;
  }
}

for (const path of watFiles(src)) {
  const name = relative(src, path);
  const module = wabt.parseWat(name, readFileSync(path, 'utf8'), { simd: true });
  module.validate();
  const { buffer } = module.toBinary({});
  module.destroy();
  const out = join(root, 'dist', name.replace(/\.wat$/, '.wasm'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, buffer);
}
