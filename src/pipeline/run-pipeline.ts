import type { Readable } from 'node:stream';
import type { Aggregator } from '../aggregation/aggregator.js';
import { splitLines } from '../lines/split-lines.js';
import { LineLengthLimiter } from '../lines/limit-line-length.js';
import type { RecognitionContext } from '../recognition/recognition-context.js';
import { describeFsError, type InputSource } from '../sources/expand-inputs.js';
import { openInput, type OpenedInput } from '../sources/open-input.js';
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
  /** Redact credentials in events (default true). */
  redact?: boolean;
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
  let opened;
  try {
    opened = await openInput(input, options.signal);
  } catch (err) {
    return describeFsError(err);
  }
  return runOpenedSource(input.name, opened, input.kind === 'stdin' || input.size === null, options, flow);
}

/**
 * Runs one opened source through lines → records → recognition → the
 * aggregator and sink; resolves with why the source is incomplete, or null.
 * `live` sources (pipes) close a quiet open record after `idleFlushMs`.
 */
export async function runOpenedSource(
  name: string,
  opened: OpenedInput,
  live: boolean,
  options: Omit<PipelineOptions, 'inputs' | 'onSourceError'>,
  flow?: { current: FlowControl | null },
): Promise<string | null> {
  const { aggregator } = options;
  const stats = aggregator.source(name);
  const processor = new LineProcessor(name, options.ctx, aggregator, options.sink, { unwrap: options.unwrap ?? true, redact: options.redact ?? true });
  const limiter = new LineLengthLimiter(options.maxLineBytes);
  const lines = opened.stream.pipe(limiter).pipe(splitLines());
  const streams: Readable[] = [opened.stream, limiter, lines];
  // Bytes and truncations follow the reading chunk by chunk, so a live view
  // or a metrics scrape mid-stream is current.
  const baseBytes = stats.bytes;
  const baseTruncated = aggregator.totals.truncated;
  const baseUndecodable = aggregator.totals.undecodable;
  const syncCounts = (): void => {
    stats.bytes = baseBytes + opened.bytesRead();
    aggregator.totals.truncated = baseTruncated + limiter.stats.truncated;
    aggregator.totals.undecodable = baseUndecodable + limiter.stats.undecodable;
  };
  let stopping = false;

  const error = await new Promise<string | null>((resolve) => {
    let settled = false;
    // A pipe's open record is closed once the pipe has been quiet for
    // idleFlushMs: the timer restarts on every chunk. Lines still buffered
    // behind a paused sink are not "quiet", so the check waits for them.
    const closeQuietRecord = (): void => {
      if (lines.readableLength > 0 || limiter.readableLength > 0) idle?.refresh();
      else if (processor.pending) processor.flush();
    };
    const idle = live ? setTimeout(closeQuietRecord, options.idleFlushMs) : null;
    const finish = (message: string | null): void => {
      if (settled) return;
      settled = true;
      if (idle) clearTimeout(idle);
      options.signal?.removeEventListener('abort', onAbort);
      if (flow) flow.current = null;
      resolve(message);
    };
    // Stopping ends the input where it is: what was read still flows
    // through and is counted, then 'end' settles the run as at EOF.
    const onAbort = (): void => {
      stopping = true;
      opened.stop();
    };
    if (flow) flow.current = { pause: () => lines.pause(), resume: () => lines.resume() };
    // A read error (a corrupt or cut gzip, an I/O error) ends the source, but
    // what was read before it still goes through: the lines already decoded
    // and the unterminated last one are counted like any others.
    let readError: string | null = null;
    // (A gzip stream cut short by stopping reports its truncation: no error then.)
    opened.stream.on('error', (err: Error) => {
      if (!stopping) readError ??= describeReadError(err, opened.gzip);
      opened.stream.unpipe(limiter);
      limiter.end();
    });
    lines.on('data', (line: string) => processor.pushLine(line));
    lines.on('end', () => finish(readError));
    limiter.on('data', () => {
      syncCounts();
      idle?.refresh();
    });
    for (const s of [limiter, lines]) s.on('error', (err: Error) => finish(readError ?? describeReadError(err, opened.gzip)));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) onAbort();
  });

  processor.flush();
  syncCounts();
  const failure = processor.failure;
  if (error || stopping) for (const s of streams) s.destroy();
  if (error) return error;
  if (failure) return `line ${failure.line}: a record could not be processed (${failure.message}); it is counted, unrecognized`;
  return stopping ? null : opened.checkComplete();
}

function describeReadError(err: Error, gzip: boolean): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (gzip && (code === 'Z_BUF_ERROR' || /unexpected end/i.test(err.message))) return 'truncated gzip data (unexpected end of file)';
  if (gzip && code?.startsWith('Z_')) return `corrupt gzip data (${err.message})`;
  return describeFsError(err);
}
