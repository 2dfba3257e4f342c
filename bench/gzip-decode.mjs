/**
 * What reading gzip through mqerr's GzipDecoder (gzip framing in JavaScript,
 * deflate in zlib, every byte kept before an error) costs beside zlib's own
 * gunzip, on the same file: `node bench/gzip-decode.mjs [MB]` after
 * `npm run build`. Prints the median of 5 runs of each.
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { createGunzip, gzipSync } from 'node:zlib';
import { GzipDecoder } from '../dist/sources/gzip-decoder.js';

const megabytes = Number(process.argv[2] ?? 100);
const dir = mkdtempSync(join(tmpdir(), 'mqerr-gzip-bench-'));
const file = join(dir, 'corpus.log.gz');
let text = '';
for (let i = 0; text.length < megabytes * 1e6; i++) {
  text += `{"level":30,"time":${1795000000000 + i},"pid":7,"hostname":"api-${i % 17}","msg":"request ${i} served in ${(i * 7919) % 1000} ms"}\n`;
}
writeFileSync(file, gzipSync(text));
text = '';

async function decode(makeDecoder) {
  let bytes = 0;
  const start = process.hrtime.bigint();
  await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), makeDecoder(), new Writable({ write(chunk, _e, done) { bytes += chunk.length; done(); } }));
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, bytes };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, make] of [['zlib createGunzip', () => createGunzip({ chunkSize: 1 << 20 })], ['GzipDecoder', () => new GzipDecoder()]]) {
  const runs = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) ({ seconds: runs[i], bytes } = await decode(make));
  const s = median(runs);
  console.log(`${name.padEnd(18)} ${(bytes / 1e6).toFixed(0)} MB out  median ${s.toFixed(3)} s  ${(bytes / 1e6 / s).toFixed(0)} MB/s`);
}
rmSync(dir, { recursive: true, force: true });
