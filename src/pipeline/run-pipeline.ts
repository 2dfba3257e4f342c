import type { Readable } from 'node:stream';
import type { Aggregator } from '../aggregation/aggregator.js';
import { splitLines } from '../lines/split-lines.js';
import { LineLengthLimiter } from '../lines/limit-line-length.js';
import type { RecognitionContext } from '../recognition/recognition-context.js';
import { describeFsError, type InputSource } from '../sources/expand-inputs.js';
import { openInput } from '../sources/open-input.js';
import { LineProcessor, type RecordSink } from './line-processor.js';

export interface PipelineOptions {
  inputs: InputSource[];
  ctx: RecognitionContext;
  aggregator: Aggregator;
  sink: RecordSink | null;
  maxLineBytes: number;
  /** A pipe's open record is closed after this many quiet milliseconds. */
  idleFlushMs: number;
  /** Stops reading; what was read so far is still counted. */
  signal?: AbortSignal;
  /** Reports a source that could not be read, as one line. */
  onSourceError: (name: string, message: string) => void;
  unwrap?: boolean;
}

/** Lets a slow sink hold the reading back (backpressure). */
export interface FlowControl {
  pause(): void;
  resume(): void;
}

/**
 * Runs every input through the pipeline, one after another, and resolves
 * with whether any input failed. Never rejects for bad input.
 */
export async function runPipeline(options: PipelineOptions, flow?: { current: FlowControl | null }): Promise<{ failed: boolean }> {
  let failed = false;
  for (const input of options.inputs) {
    if (options.signal?.aborted) break;
    const stats = options.aggregator.source(input.name);
    if (input.kind === 'failed') {
      stats.error = input.error;
      options.onSourceError(input.name, input.error);
      failed = true;
      continue;
    }
    const error = await runSource(input, options, flow);
    if (error) {
      stats.error = error;
      options.onSourceError(input.name, error);
      failed = true;
    }
  }
  return { failed };
}

async function runSource(
  input: Exclude<InputSource, { kind: 'failed' }>,
  options: PipelineOptions,
  flow?: { current: FlowControl | null },
): Promise<string | null> {
  const { aggregator } = options;
  const stats = aggregator.source(input.name);
  const processor = new LineProcessor(input.name, options.ctx, aggregator, options.sink, { unwrap: options.unwrap ?? true });
  let opened;
  try {
    opened = await openInput(input);
  } catch (err) {
    return describeFsError(err);
  }
  const limiter = new LineLengthLimiter(options.maxLineBytes);
  const lines = opened.stream.pipe(limiter).pipe(splitLines());
  const live = input.kind === 'stdin' || input.size === null;
  const streams: Readable[] = [opened.stream, limiter, lines];

  const error = await new Promise<string | null>((resolve) => {
    let settled = false;
    let seenAtLastTick = 0;
    const timer = live
      ? setInterval(() => {
          if (processor.lines === seenAtLastTick && processor.pending) processor.flush();
          seenAtLastTick = processor.lines;
        }, options.idleFlushMs)
      : null;
    const finish = (message: string | null): void => {
      if (settled) return;
      settled = true;
      if (timer) clearInterval(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (flow) flow.current = null;
      resolve(message);
    };
    const onAbort = (): void => {
      for (const s of streams) s.pause();
      finish(null);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (flow) flow.current = { pause: () => lines.pause(), resume: () => lines.resume() };
    lines.on('data', (line: string) => processor.pushLine(line));
    lines.on('end', () => finish(null));
    for (const s of streams) s.on('error', (err: Error) => finish(describeReadError(err, opened.gzip)));
  });

  processor.flush();
  stats.lines += processor.lines;
  stats.bytes += opened.bytesRead();
  aggregator.totals.lines += processor.lines;
  aggregator.totals.truncated += limiter.stats.truncated;
  if (error || options.signal?.aborted) for (const s of streams) s.destroy();
  return error;
}

function describeReadError(err: Error, gzip: boolean): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (gzip && (code === 'Z_BUF_ERROR' || /unexpected end/i.test(err.message))) return 'truncated gzip data (unexpected end of file)';
  if (gzip && code?.startsWith('Z_')) return `corrupt gzip data (${err.message})`;
  return describeFsError(err);
}
