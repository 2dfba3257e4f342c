/**
 * The fast path's whole per-line and per-record work, in process, for two or
 * more builds side by side: the corpus is read into memory, fed to a line
 * processor in 64 KiB chunks as a file is read, and each build's passes
 * alternate, so that a machine's changing load falls on all alike. It checks
 * that every build makes the same summary, then prints per build the fastest
 * and the median pass, in wall time and in CPU time (the process's, so a
 * busy machine's waits are left out; V8's helper threads are counted). With
 * --cold, it prints instead how long a fresh build takes over each 10 MB of
 * its first pass against a pass once compiled.
 * Usage: node bench/ab-probe.mjs FILE DIST [DIST...] [--passes N] [--cold]
 * (a DIST is a build's dist/ directory; copy one aside to compare it with the next)
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at < 0 ? null : args.splice(at, name === '--cold' ? 1 : 2).slice(1)[0] ?? true;
};
const passes = Number(option('--passes') ?? 7);
const cold = option('--cold') !== null;
const [file, ...dists] = args;
if (!file || dists.length === 0) throw new Error('usage: node bench/ab-probe.mjs FILE DIST [DIST...] [--passes N] [--cold]');
const bytes = readFileSync(file);
const CHUNK = 64 << 10;
const MARK = 10_000_000;

async function load(dir) {
  const dist = pathToFileURL(dir.replace(/\/?$/, '/'));
  const from = (path) => import(new URL(path, dist));
  const { loadCatalog } = await from('catalog/load-catalog.js');
  const { createRecognitionContext } = await from('recognition/recognition-context.js');
  const { Aggregator } = await from('aggregation/aggregator.js');
  const { LineProcessor } = await from('pipeline/line-processor.js');
  const { LineScanner } = await from('lines/line-scanner.js');
  const { feedBlocks } = await from('pipeline/feed-blocks.js');
  const ctx = createRecognitionContext(loadCatalog());
  /** One pass; `marks` gets the ms each 10 MB took. */
  const run = (marks = null) => {
    const aggregator = new Aggregator({ version: 'probe', entries: 0 }, 5);
    aggregator.oneInput?.();
    const processor = new LineProcessor('probe', ctx, aggregator, null, { unwrap: true });
    const scanner = new LineScanner(4 << 20, feedBlocks(processor, { unwrap: true, ctx }));
    let last = performance.now();
    for (let at = 0; at < bytes.length; at += CHUNK) {
      scanner.push(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)));
      if (marks && Math.floor((at + CHUNK) / MARK) > Math.floor(at / MARK)) {
        const now = performance.now();
        marks.push(Math.round(now - last));
        last = now;
      }
    }
    scanner.end();
    processor.flush();
    return JSON.stringify(aggregator.toSummary());
  };
  return { dir, run, times: [], cpu: [] };
}

const builds = [];
for (const dir of dists) builds.push(await load(dir));
if (cold) {
  for (const build of builds) {
    const first = [];
    build.run(first);
    const warm = [];
    build.run(warm);
    process.stdout.write(JSON.stringify({ dist: build.dir, firstPassMsPer10MB: first, compiledMsPer10MB: warm }) + '\n');
  }
} else {
  const summaries = new Set(builds.map((b) => b.run()));
  if (summaries.size !== 1) process.stdout.write(JSON.stringify({ warning: 'the builds make different summaries' }) + '\n');
  for (let i = 0; i < passes; i++) {
    for (const build of builds) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      build.run();
      build.times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      build.cpu.push((c.user + c.system) / 1000);
    }
  }
  for (const build of builds) {
    const sorted = build.times.sort((a, b) => a - b);
    const cpu = build.cpu.sort((a, b) => a - b);
    const figures = { fastestMs: Math.round(sorted[0]), medianMs: Math.round(sorted[sorted.length >> 1]), fastestCpuMs: Math.round(cpu[0]), medianCpuMs: Math.round(cpu[cpu.length >> 1]) };
    process.stdout.write(JSON.stringify({ dist: build.dir, mb: bytes.length / 1e6, ...figures }) + '\n');
  }
}
