import { Readable } from 'node:stream';
import { Aggregator } from '../../src/aggregation/aggregator.js';
import type { Summary } from '../../src/aggregation/summary.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { runOpenedSource } from '../../src/pipeline/run-pipeline.js';
import { createRecognitionContext } from '../../src/recognition/recognition-context.js';
import type { TaggedEvent } from '../../src/types.js';

export const catalog = loadCatalog();
export const ctx = createRecognitionContext(catalog);

export interface HarnessRun {
  summary: Summary;
  events: TaggedEvent[];
  /** Why the source is incomplete, as the CLI would report it, or null. */
  error: string | null;
}

/**
 * Runs bytes, delivered in the given chunks, through the real pipeline
 * (line limiter, splitter, records, recognition, catalog, aggregation), in
 * process, as one source; the property tests call it thousands of times.
 */
export async function runChunks(
  chunks: readonly Uint8Array[],
  options: { maxLineBytes?: number; name?: string; aggregator?: Aggregator } = {},
): Promise<HarnessRun> {
  const aggregator = options.aggregator ?? newAggregator();
  const events: TaggedEvent[] = [];
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const stream = Readable.from(
    chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.length)),
    { objectMode: false },
  );
  const error = await runOpenedSource(
    options.name ?? 'input',
    { stream, bytesRead: () => total, gzip: false, stop: () => stream.destroy(), checkComplete: () => Promise.resolve(null) },
    false,
    { ctx, aggregator, sink: (_record, _recognition, event) => events.push(event), maxLineBytes: options.maxLineBytes ?? 4 * 1024 * 1024, idleFlushMs: 50 },
  );
  return { summary: aggregator.toSummary(), events, error };
}

/** An aggregator as a run with the built-in catalog and the default --samples makes. */
export function newAggregator(): Aggregator {
  return new Aggregator({ version: catalog.version, entries: catalog.size }, 5);
}

/** Cuts `bytes` at the given offsets (any order, duplicates and out-of-range ones ignored). */
export function cutAt(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const points = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of points) {
    chunks.push(bytes.subarray(from, point));
    from = point;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}
