import { Readable } from 'node:stream';
import { Aggregator } from '../../src/aggregation/aggregator.js';
import type { Summary } from '../../src/aggregation/summary.js';
import { LineLengthLimiter } from '../../src/lines/limit-line-length.js';
import { splitLines } from '../../src/lines/split-lines.js';
import { LineProcessor } from '../../src/pipeline/line-processor.js';
import type { TaggedEvent } from '../../src/types.js';
import { builtInContext, catalogSelection } from './context.js';

export interface InProcessResult {
  events: TaggedEvent[];
  summary: Summary;
}

/**
 * Runs bytes through the real streaming stack (line limiter → split2 →
 * records → recognition → catalog → aggregation), delivered in the given chunks.
 */
export async function scanChunks(chunks: Buffer[], source = 'test', maxLineBytes = 4 * 1024 * 1024): Promise<InProcessResult> {
  const ctx = builtInContext();
  const aggregator = new Aggregator({ version: ctx.catalog.version, entries: ctx.catalog.size }, 5, undefined, catalogSelection());
  const events: TaggedEvent[] = [];
  const processor = new LineProcessor(source, ctx, aggregator, (_r, _rec, event) => events.push(event));
  const limiter = new LineLengthLimiter(maxLineBytes);
  const lines = Readable.from(chunks, { objectMode: false }).pipe(limiter).pipe(splitLines());
  for await (const line of lines) processor.pushLine(line as string);
  processor.flush();
  // Lines are counted by the processor as they are read; truncations and bytes are the run's to add.
  aggregator.totals.truncated += limiter.stats.truncated;
  const stats = aggregator.source(source);
  stats.bytes = chunks.reduce((n, c) => n + c.length, 0);
  return { events, summary: aggregator.toSummary() };
}

/** The same, for a whole text in one chunk. */
export function scanString(text: string, source = 'test'): Promise<InProcessResult> {
  return scanChunks([Buffer.from(text, 'utf8')], source);
}
