/**
 * How much more work this machine does with two threads than with one, for
 * mqerr's own per-line work: each thread runs the fast path in-process over
 * the same bytes (read into memory first, so no I/O is timed), first one
 * thread alone, then two at once. Prints a JSON line.
 * Usage: node bench/scaling-probe.mjs FILE
 */
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const dist = new URL('../dist/', import.meta.url);

async function runOnce(file) {
  const { loadCatalog } = await import(new URL('catalog/load-catalog.js', dist));
  const { createRecognitionContext } = await import(new URL('recognition/recognition-context.js', dist));
  const { Aggregator } = await import(new URL('aggregation/aggregator.js', dist));
  const { LineProcessor } = await import(new URL('pipeline/line-processor.js', dist));
  const { LineScanner } = await import(new URL('lines/line-scanner.js', dist));
  const { feedBlocks } = await import(new URL('pipeline/feed-blocks.js', dist));
  const ctx = createRecognitionContext(loadCatalog());
  const bytes = readFileSync(file);
  const pass = () => {
    const aggregator = new Aggregator({ version: 'probe', entries: 0 }, 5);
    const processor = new LineProcessor('probe', ctx, aggregator, null, { unwrap: true });
    const scanner = new LineScanner(4 << 20, feedBlocks(processor, { unwrap: true, ctx }));
    for (let at = 0; at < bytes.length; at += 1 << 20) scanner.push(bytes.subarray(at, Math.min(bytes.length, at + (1 << 20))));
    scanner.end();
    processor.flush();
  };
  pass(); // warm-up: compile the hot code first
  const started = performance.now();
  pass();
  pass();
  return { seconds: (performance.now() - started) / 1000, bytes: 2 * bytes.length };
}

if (isMainThread) {
  const file = process.argv[2];
  const threads = (n) =>
    Promise.all(
      Array.from({ length: n }, () => new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: file });
        worker.once('message', resolve);
        worker.once('error', reject);
      })),
    );
  const one = await threads(1);
  const two = await threads(2);
  const rate = (runs) => runs.reduce((n, r) => n + r.bytes / r.seconds, 0);
  process.stdout.write(JSON.stringify({ oneThreadMBps: rate(one) / 1e6, twoThreadsMBps: rate(two) / 1e6, speedup: rate(two) / rate(one) }) + '\n');
} else {
  parentPort.postMessage(await runOnce(workerData));
}
