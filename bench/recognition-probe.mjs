/**
 * Recognition alone, in process: the corpus is read into memory and grouped
 * into records as the full path groups them; then every record recognition
 * has work to do on (more than one line, or a line holding a word of the
 * gate the fast path used when this probe was written) is recognized, nine
 * passes after a warm-up. Prints a JSON line per build: the records, the
 * error records among them, and the fastest and the median pass in µs per
 * error record. Given other builds' dist/ directories, it loads each and
 * alternates their passes, so that a machine's changing load falls on all alike.
 * Usage: node bench/recognition-probe.mjs FILE [DIST...]
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const dists = process.argv.length > 3 ? process.argv.slice(3).map((d) => pathToFileURL(d.replace(/\/?$/, '/'))) : [new URL('../dist/', import.meta.url)];

/** The words the fast path's gate held before its words came from the table of shapes: a fixed choice of records. */
const WORDS = /ode|equest|rror|xception|sdk\.|c[-_]+o[-_]*d[-_]*e|co[-_]+d[-_]*e|cod[-_]+e|r[-_]*e[-_]*q[-_]*u[-_]*e[-_]*s[-_]*t|\\u/i;

async function load(dist) {
  const { loadCatalog } = await import(new URL('catalog/load-catalog.js', dist));
  const { createRecognitionContext } = await import(new URL('recognition/recognition-context.js', dist));
  const { recognizeAll } = await import(new URL('recognition/recognize.js', dist));
  const { RecordAssembler } = await import(new URL('records/assemble-records.js', dist));
  const ctx = createRecognitionContext(loadCatalog());
  return { dist: dist.pathname, RecordAssembler, recognize: (text) => recognizeAll(text, ctx), runs: [] };
}

const builds = [];
for (const dist of dists) builds.push(await load(dist));

const texts = [];
const assembler = new builds[0].RecordAssembler('probe', (record) => {
  if (record.text.includes('\n') || WORDS.test(record.text)) texts.push(record.text);
});
const lines = readFileSync(process.argv[2], 'utf8').split('\n');
if (lines[lines.length - 1] === '') lines.pop();
lines.forEach((line, i) => assembler.push(line, i + 1, null));
assembler.flush();

const errors = texts.filter((t) => builds[0].recognize(t)[0].event === 'error').length;
const pass = (build) => {
  const started = performance.now();
  for (const t of texts) build.recognize(t);
  return (performance.now() - started) / 1000;
};
for (const build of builds) pass(build);
for (let i = 0; i < 9; i++) for (const build of builds) build.runs.push(pass(build));
const us = (seconds) => Math.round((seconds * 1e7) / errors) / 10;
for (const build of builds) {
  const runs = build.runs.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ dist: build.dist, records: texts.length, errorRecords: errors, fastest: us(runs[0]), median: us(runs[4]), unit: 'µs per error record' }) + '\n');
}
