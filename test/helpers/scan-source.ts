import { Readable } from 'node:stream';
import { Aggregator } from '../../src/aggregation/aggregator.js';
import { runOpenedSource } from '../../src/pipeline/run-pipeline.js';
import type { TaggedEvent } from '../../src/types.js';
import { builtInContext } from './context.js';
import type { InProcessResult } from './scan-in-process.js';

/**
 * Runs bytes, delivered in the given chunks, through the sequential
 * pipeline exactly as a file is run (runOpenedSource): the byte-level fast
 * path or the full one, JSON documents read as their entries.
 */
export async function scanSource(chunks: Buffer[], source = 'test', fastPath = true): Promise<InProcessResult & { error: string | null }> {
  const ctx = builtInContext();
  const aggregator = new Aggregator({ version: ctx.catalog.version, entries: ctx.catalog.size }, 5);
  const events: TaggedEvent[] = [];
  let read = 0;
  async function* bytes(): AsyncGenerator<Buffer> {
    for (const chunk of chunks) {
      read += chunk.length;
      yield chunk;
    }
  }
  const opened = {
    stream: Readable.from(bytes(), { objectMode: false }),
    bytesRead: () => read,
    gzip: false,
    stop: () => {},
    checkComplete: () => Promise.resolve(null),
  };
  const error = await runOpenedSource(source, opened, false, {
    ctx,
    aggregator,
    sink: (_r, _rec, event) => events.push({ ...event }),
    quietSink: null,
    fastPath,
    maxLineBytes: 4 * 1024 * 1024,
    idleFlushMs: 50,
  });
  return { events, summary: aggregator.toSummary(), error };
}
