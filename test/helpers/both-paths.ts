import { Readable } from 'node:stream';
import { expect } from 'vitest';
import { Aggregator } from '../../src/aggregation/aggregator.js';
import type { Summary } from '../../src/aggregation/summary.js';
import { LineLengthLimiter } from '../../src/lines/limit-line-length.js';
import { LineScanner } from '../../src/lines/line-scanner.js';
import { splitLines } from '../../src/lines/split-lines.js';
import { feedBlocks } from '../../src/pipeline/feed-blocks.js';
import { LineProcessor } from '../../src/pipeline/line-processor.js';
import { TagWriter } from '../../src/tagging/tag-writer.js';
import type { TaggedEvent } from '../../src/types.js';
import type { RecognitionContext } from '../../src/recognition/recognition-context.js';
import { builtInContext, catalogSelection } from './context.js';

export interface PathResult {
  events: TaggedEvent[];
  summary: Summary;
  /** What `mqerr tag` writes. */
  tag: string;
}

export interface PathOptions {
  source?: string;
  maxLineBytes?: number;
  unwrap?: boolean;
  /** The recognition context (the built-in catalog's unless given: one with a user catalog's shapes, say). */
  ctx?: RecognitionContext;
  /** False: the fast path's gate searches with its regular expression, not WebAssembly. */
  wasm?: boolean;
}

function setUp(options: PathOptions) {
  const ctx = options.ctx ?? builtInContext();
  const source = options.source ?? 'test';
  const aggregator = new Aggregator({ version: ctx.catalog.version, entries: ctx.catalog.size }, 5, undefined, catalogSelection());
  const events: TaggedEvent[] = [];
  const writer = new TagWriter({ errorsOnly: false, pretty: null });
  const processor = new LineProcessor(
    source,
    ctx,
    aggregator,
    (record, recognition, event) => {
      events.push(event);
      writer.record(record, recognition, event);
    },
    { unwrap: options.unwrap ?? true },
    (line, recognition, event) => {
      // A quiet record's event is refilled for the next one (QuietRecordSink): keep a copy.
      events.push({ ...event });
      writer.quiet(line, recognition, event);
    },
  );
  const finish = ({ truncated, undecodable }: { truncated: number; undecodable: number }, bytes: number): PathResult => {
    processor.flush();
    // Lines are counted by the processor as they are read; truncations and bytes are the run's to add.
    aggregator.totals.truncated += truncated;
    aggregator.totals.undecodable += undecodable;
    const stats = aggregator.source(source);
    stats.bytes = bytes;
    return { events, summary: aggregator.toSummary(), tag: writer.out.take().toString('utf8') };
  };
  return { processor, finish };
}

/** The full path, as before the fast path existed: line limiter → split2 → every line decoded and recognized. */
export async function scanFullPath(chunks: Buffer[], options: PathOptions = {}): Promise<PathResult> {
  const { processor, finish } = setUp(options);
  const limiter = new LineLengthLimiter(options.maxLineBytes ?? 4 * 1024 * 1024);
  const lines = Readable.from(chunks, { objectMode: false }).pipe(limiter).pipe(splitLines());
  for await (const line of lines) processor.pushLine(line as string);
  return finish(limiter.stats, chunks.reduce((n, c) => n + c.length, 0));
}

/** The fast path: bytes → LineScanner → quiet lines undecoded, the others through the full path. */
export function scanFastPath(chunks: Buffer[], options: PathOptions = {}): PathResult {
  const { processor, finish } = setUp(options);
  const scanner = new LineScanner(options.maxLineBytes ?? 4 * 1024 * 1024, feedBlocks(processor, { unwrap: options.unwrap ?? true, ctx: options.ctx ?? builtInContext(), wasm: options.wasm ?? true }));
  for (const chunk of chunks) scanner.push(chunk);
  scanner.end();
  return finish(scanner, chunks.reduce((n, c) => n + c.length, 0));
}

/** Cuts `bytes` into chunks of `size` bytes (the last may be shorter). */
export function chunksOf(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, Math.min(bytes.length, at + size)));
  return out;
}

/**
 * The full path's result for `text` cut into chunks of `chunkSize` bytes,
 * once the fast path has given the same summary and events for it.
 */
export async function scanBothPaths(text: string, chunkSize: number): Promise<PathResult> {
  const chunks = chunksOf(Buffer.from(text), chunkSize);
  const full = await scanFullPath(chunks);
  const fast = scanFastPath(chunks);
  expect(fast.summary).toEqual(full.summary);
  expect(fast.events).toEqual(full.events);
  return full;
}
