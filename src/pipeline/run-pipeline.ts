import type { Readable } from 'node:stream';
import type { Aggregator } from '../aggregation/aggregator.js';
import { splitLines } from '../lines/split-lines.js';
import { LineLengthLimiter } from '../lines/limit-line-length.js';
import { LineScanner } from '../lines/line-scanner.js';
import type { RecognitionContext } from '../recognition/recognition-context.js';
import { describeEmbeddedData, EmbeddedCompressionWatch } from '../sources/embedded-compression.js';
import { describeFsError, type InputSource } from '../sources/expand-inputs.js';
import { openInput, type OpenedInput } from '../sources/open-input.js';
import { isTarHeader, TarContents } from '../sources/tar-contents.js';
import type { DocumentReader } from '../records/document-reader.js';
import { advanceTimeReference } from '../time/time-reference.js';
import { documentReader, peekStart } from './detect-document.js';
import { feedBlocks } from './feed-blocks.js';
import { LineProcessor, type ProcessorCarry, type QuietRecordSink, type RecordSink } from './line-processor.js';

export interface PipelineOptions {
  inputs: InputSource[];
  ctx: RecognitionContext;
  aggregator: Aggregator;
  sink: RecordSink | null;
  /** Takes records that are one quiet line as bytes; without it they reach `sink` decoded. */
  quietSink?: QuietRecordSink | null;
  /**
   * Reads lines as bytes and lets lines with nothing to recognize skip
   * decoding and recognition (on by default); off, every line takes the
   * full path (line limiter → split2 → recognition). Both give the same results.
   */
  fastPath?: boolean;
  /** Called after each batch of records reached the sinks (a chunk read, an idle flush, a source's end). */
  onBatchEnd?: () => void;
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
  /** Lets a checkpoint see each source's processing (see SourceWatch); returns what to call when the source ends. */
  watchSource?: (name: string, watch: SourceWatch) => () => void;
  /** What a resumed source's processor starts with. */
  carryFor?: (name: string) => ProcessorCarry | undefined;
}

/** A source's processing, as a checkpoint sees it. */
export interface SourceWatch {
  /** Every byte handed to the source has been read and made into records, and no record is open. */
  settled(): boolean;
  carry(): ProcessorCarry;
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
  const processor = new LineProcessor(
    name,
    options.ctx,
    aggregator,
    options.sink,
    { unwrap: options.unwrap ?? true, redact: options.redact ?? true, carry: options.carryFor?.(name) },
    options.quietSink ?? null,
  );
  let peeked = await peekStart(opened.stream, live);
  // A tar archive (as a .tar.gz decompresses to) is read as its files' contents, one after another.
  if (isTarHeader(peeked.start)) peeked = await peekStart(peeked.stream.pipe(new TarContents()), live);
  const input: OpenedInput = peeked.stream === opened.stream ? opened : { ...opened, stream: peeked.stream };
  const document = documentReader(peeked.start, peeked.ended, (entry) => processor.pushEntry(entry));
  // Compressed data inside a source read as lines (see EmbeddedData); a document's reader breaks off at it itself.
  const embedded = new EmbeddedCompressionWatch();
  const reader = document ? readDocument(input, processor, document) : readLines(input, processor, options, embedded);
  const unwatch = options.watchSource?.(name, { settled: () => !reader.buffered() && !processor.pending, carry: () => processor.carry() });
  // Bytes and truncations follow the reading chunk by chunk, so a live view
  // or a metrics scrape mid-stream is current.
  const baseBytes = stats.bytes;
  const baseTruncated = aggregator.totals.truncated;
  const baseUndecodable = aggregator.totals.undecodable;
  const syncCounts = (): void => {
    stats.bytes = baseBytes + opened.bytesRead();
    aggregator.totals.truncated = baseTruncated + reader.counts().truncated;
    aggregator.totals.undecodable = baseUndecodable + reader.counts().undecodable;
  };
  let stopping = false;

  const error = await new Promise<string | null>((resolve) => {
    let settled = false;
    // A pipe's open record is closed once the pipe has been quiet for
    // idleFlushMs: the timer restarts on every chunk. Lines still buffered
    // behind a paused sink are not "quiet", so the check waits for them.
    const closeQuietRecord = (): void => {
      if (reader.buffered()) idle?.refresh();
      else if (processor.pending) {
        processor.flush();
        options.onBatchEnd?.();
      }
    };
    const idle = live ? setTimeout(closeQuietRecord, options.idleFlushMs) : null;
    // Each stream's record is closed once that stream has been quiet, whatever
    // the others write (kubectl logs -f --prefix of a busy deployment): a
    // sweep every half quiet period closes the records idle through it.
    // A live source's times written without a date are read against the moment they arrive, not the run's start.
    const sweep = live
      ? setInterval(() => {
          advanceTimeReference(Date.now());
          if (!reader.buffered() && processor.closeIdle() > 0) options.onBatchEnd?.();
        }, Math.max(1, Math.floor(options.idleFlushMs / 2)))
      : null;
    const finish = (message: string | null): void => {
      if (settled) return;
      settled = true;
      if (idle) clearTimeout(idle);
      if (sweep) clearInterval(sweep);
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
    if (flow) flow.current = { pause: () => reader.output.pause(), resume: () => reader.output.resume() };
    // A read error (a corrupt or cut gzip, an I/O error) ends the source, but
    // what was read before it still goes through: the lines already decoded
    // and the unterminated last one are counted like any others.
    let readError: string | null = null;
    // (A gzip stream cut short by stopping reports its truncation: no error then.)
    opened.stream.on('error', (err: Error) => {
      if (!stopping) readError ??= describeReadError(err, opened.gzip);
      reader.endAfterError();
    });
    reader.onLines(() => {
      syncCounts();
      idle?.refresh();
      options.onBatchEnd?.();
    });
    reader.onEnd(() => finish(readError));
    for (const s of reader.streams) if (s !== opened.stream) s.on('error', (err: Error) => finish(readError ?? describeReadError(err, opened.gzip)));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) onAbort();
  });

  processor.flush();
  options.onBatchEnd?.();
  syncCounts();
  unwatch?.();
  const failure = processor.failure;
  if (error || stopping) for (const s of reader.streams) s.destroy();
  if (error) return error;
  if (document?.error) return describeDocumentError(document.error, document.kind, document.readsOn === true);
  if (failure) return describeRecordFailure(failure);
  if (embedded.found) return describeEmbeddedData(embedded.found);
  return stopping ? null : opened.checkComplete();
}

/** How a source's bytes become lines for its processor, on the fast path or the full one. */
interface LineReader {
  /** Every stream involved, for clean-up. */
  streams: Readable[];
  /** The stream that pause/resume hold back. */
  output: Readable;
  /** Starts reading; `listener` runs after each chunk's lines went to the processor. */
  onLines(listener: () => void): void;
  /** `listener` runs once every line read has gone to the processor, at the end or after an error. */
  onEnd(listener: () => void): void;
  /** The input failed: what was read goes through, the unterminated last line too, then the end. */
  endAfterError(): void;
  /** Whether lines read are still waiting behind a paused sink. */
  buffered(): boolean;
  counts(): { truncated: number; undecodable: number };
}

function readLines(opened: OpenedInput, processor: LineProcessor, options: Omit<PipelineOptions, 'inputs' | 'onSourceError'>, embedded: EmbeddedCompressionWatch): LineReader {
  const bytes = opened.stream;
  if (options.fastPath ?? true) {
    const scanner = new LineScanner(options.maxLineBytes, feedBlocks(processor, { unwrap: options.unwrap ?? true, ctx: options.ctx }));
    return chunkReader(
      bytes,
      (chunk) => {
        embedded.feed(chunk);
        scanner.push(chunk);
      },
      () => scanner.end(),
      () => scanner,
    );
  }
  const limiter = new LineLengthLimiter(options.maxLineBytes);
  const lines = bytes.pipe(limiter).pipe(splitLines());
  // Beside the pipe, attached in the same turn: every chunk, as it reaches the limiter.
  bytes.on('data', (chunk: Buffer) => embedded.feed(chunk));
  return {
    streams: [bytes, limiter, lines],
    output: lines,
    onLines: (listener) => {
      lines.on('data', (line: string) => processor.pushLine(line));
      limiter.on('data', listener);
    },
    onEnd: (listener) => lines.on('end', listener),
    endAfterError: () => {
      bytes.unpipe(limiter);
      limiter.end();
    },
    buffered: () => lines.readableLength > 0 || limiter.readableLength > 0,
    counts: () => limiter.stats,
  };
}

/** A source that is one document: its bytes go to the document reader, whose entries go to the processor. */
function readDocument(opened: OpenedInput, processor: LineProcessor, document: DocumentReader): LineReader {
  const finish = (): void => {
    document.end();
    processor.countLinesTo(document.lines);
  };
  return chunkReader(opened.stream, (chunk) => document.write(chunk), finish, () => ({ truncated: document.skipped, undecodable: document.undecodable }));
}

/**
 * A reader that hands each chunk of `bytes` to `push` as it arrives and
 * calls `finish` once, at the end or after a read error, before the end listener.
 */
function chunkReader(bytes: Readable, push: (chunk: Buffer) => void, finish: () => void, counts: LineReader['counts']): LineReader {
  let ended = (): void => {};
  let done = false;
  const end = (): void => {
    if (done) return;
    done = true;
    finish();
    ended();
  };
  return {
    streams: [bytes],
    output: bytes,
    onLines: (listener) =>
      bytes.on('data', (chunk: Buffer) => {
        if (done) return;
        push(chunk);
        listener();
      }),
    onEnd: (listener) => {
      ended = listener;
      bytes.on('end', end);
    },
    endAfterError: end,
    buffered: () => bytes.readableLength > 0,
    counts,
  };
}

/**
 * A document that breaks off: what came before is counted, every line too,
 * and the source says where it broke; or, for a reader that reads on past
 * damage (`readsOn`), which of its documents was skipped.
 */
export function describeDocumentError(error: { line: number; message: string }, kind: string, readsOn = false): string {
  if (readsOn) return `line ${error.line}: the ${kind} holds ${error.message}, skipped; the documents around it are counted`;
  return `line ${error.line}: the ${kind} breaks off (${error.message}); the entries before it are counted, the rest is not recognized`;
}

/** What a source reports about its first record that could not be processed (see LineProcessor.failure). */
export function describeRecordFailure(failure: { line: number; message: string }): string {
  return `line ${failure.line}: a record could not be processed (${failure.message}); it is counted, unrecognized`;
}

/** A read error as one line: truncated or corrupt gzip data, or the file system's reason. */
export function describeReadError(err: Error, gzip: boolean): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (gzip && (code === 'Z_BUF_ERROR' || /unexpected end/i.test(err.message))) return 'truncated gzip data (unexpected end of file)';
  if (gzip && code?.startsWith('Z_')) return `corrupt gzip data (${err.message})`;
  return describeFsError(err);
}
