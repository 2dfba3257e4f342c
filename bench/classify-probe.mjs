/**
 * The fast path's lines stage alone (src/lines/quiet-lines.ts classifyLines:
 * the gate, the JSON shape and envelope checks, the times), for two or more
 * builds side by side: the corpus in memory, cut into 64 KiB blocks of whole
 * lines, each build's passes alternating, every line handed to a sink that
 * only counts. Prints per build the quiet and loud lines and the fastest and
 * median of nine passes, in ms.
 * Usage: node bench/classify-probe.mjs FILE DIST [DIST...]
 * (a DIST is a build's dist/ directory; copy one aside to compare it with the next)
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [file, ...dists] = process.argv.slice(2);
if (!file || dists.length === 0) throw new Error('usage: node bench/classify-probe.mjs FILE DIST [DIST...]');
const bytes = readFileSync(file);
const BLOCK = 64 << 10;

const builds = [];
for (const dir of dists) {
  const from = (path) => import(new URL(path, pathToFileURL(dir.replace(/\/?$/, '/'))));
  const { classifyLines } = await from('lines/quiet-lines.js');
  const { lineGate } = await from('pipeline/line-gate.js');
  const { createRecognitionContext } = await from('recognition/recognition-context.js');
  const { loadCatalog } = await from('catalog/load-catalog.js');
  const { alwaysStartsRecord } = await from('records/continuation.js');
  const { mayBeWrapped, mayBePrefixed } = await from('records/may-be-wrapped.js');
  const { mayCarryEnvelope, keysMayCarryEnvelope } = await from('records/may-carry-envelope.js');
  const ctx = createRecognitionContext(loadCatalog());
  const options = {
    unwrap: true,
    wrappers: { any: mayBeWrapped, prefix: mayBePrefixed, envelope: mayCarryEnvelope, envelopeInKeys: keysMayCarryEnvelope },
    gate: lineGate(ctx),
    alwaysStartsRecord,
  };
  const counts = { quiet: 0, loud: 0 };
  const sink = { quiet: () => counts.quiet++, loud: () => counts.loud++ };
  const run = () => {
    counts.quiet = counts.loud = 0;
    for (let at = 0; at < bytes.length; ) {
      let end = Math.min(bytes.length, at + BLOCK);
      const nl = bytes.lastIndexOf(0x0a, end - 1);
      if (nl > at && end < bytes.length) end = nl;
      classifyLines(bytes, at, end, sink, options, at === 0);
      at = end + 1;
    }
  };
  builds.push({ dir, run, counts, times: [] });
}
for (let i = 0; i < 9; i++) {
  for (const build of builds) {
    const t0 = performance.now();
    build.run();
    build.times.push(performance.now() - t0);
  }
}
for (const { dir, counts, times } of builds) {
  times.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ dist: dir, ...counts, fastestMs: Math.round(times[0]), medianMs: Math.round(times[4]) }) + '\n');
}
