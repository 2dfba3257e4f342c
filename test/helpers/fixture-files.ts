import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ROOT } from './run-cli.js';

/** Every file under fixtures/, by its path from the project's root, gzip ones decompressed. */
export function fixtureFiles(dir = join(ROOT, 'fixtures')): [string, Buffer][] {
  const out: [string, Buffer][] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...fixtureFiles(path));
    else {
      const bytes = readFileSync(path);
      out.push([relative(ROOT, path), bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes]);
    }
  }
  return out;
}
