import { logTimeZone } from '../time/parse-time.js';
import { timeReference } from '../time/time-reference.js';
import { Readable } from 'node:stream';
import type { Aggregator } from '../aggregation/aggregator.js';
import type { Catalog } from '../catalog/catalog.js';
import { duplicateOfField, type TagWriter } from '../tagging/tag-writer.js';
import { describeFsError, type InputSource } from '../sources/expand-inputs.js';
import { readChunks, type ChunkedInput } from '../sources/read-chunks.js';
import { describeEmbeddedData, EmbeddedCompressionWatch } from '../sources/embedded-compression.js';
import { isTarHeader } from '../sources/tar-contents.js';
import { checkWholeFileSync } from '../sources/open-input.js';
import { createRecognitionContext } from '../recognition/recognition-context.js';
import { isDocument, PEEK_BYTES } from './detect-document.js';
import type { TaggedEvent } from '../types.js';
import { RepeatWindow } from './repeat-window.js';
import { GatheredOutput } from './gathered-output.js';
import { describeReadError, describeRecordFailure, runOpenedSource } from './run-pipeline.js';
import type { SegmentSettings } from './segment-messages.js';
import { Segmenter } from './segmenter.js';
import { openRangeFile, RangeReader, type RangeFile } from './read-ranges.js';
import { WorkerFailure, WorkerPool } from './worker-pool.js';

/**
 * Segments are cut at the first record start after this many bytes, and
 * below four times this much input, starting workers costs more than it
 * saves. MQERR_SEGMENT_BYTES changes it, so tests can cut small inputs.
 */
const SEGMENT_BYTES = Number(process.env['MQERR_SEGMENT_BYTES']) || 2 << 20;
/** Bytes sent to the workers and not yet processed, at most (bounds memory). */
const MAX_QUEUED_BYTES = 2 * SEGMENT_BYTES;
const MIN_PARALLEL_BYTES = 4 * SEGMENT_BYTES;
/** Files smaller than this on average are read on one thread (see worthRunningInParallel). */
const MIN_PARALLEL_FILE_BYTES = SEGMENT_BYTES / 8;
/** Bytes read at a time: small pieces keep the memory in flight between threads small. */
const READ_CHUNK = 64 << 10;

export interface ParallelOptions {
  inputs: InputSource[];
  catalog: Catalog;
  aggregator: Aggregator;
  samples: number;
  maxLineBytes: number;
  unwrap: boolean;
  /** Redact credentials in events (`--no-redact` turns it off). */
  redact: boolean;
  /** Threads to process on, the main thread included (at least 2). */
  jobs: number;
  /** For `mqerr tag`: the writer for records the main thread renders, and where output goes. */
  tag: { errorsOnly: boolean; redactInput: boolean; writer: TagWriter; write(bytes: Buffer, written?: () => void): Promise<void> } | null;
  signal?: AbortSignal;
  onSourceError: (name: string, message: string) => void;
}

/**
 * Whether a run is worth spreading over worker threads: more than one job,
 * only regular files (a pipe or stdin is read as it comes, on the main
 * thread), and enough bytes to repay starting the workers.
 */
export function worthRunningInParallel(inputs: readonly InputSource[], jobs: number): boolean {
  if (jobs < 2) return false;
  let bytes = 0;
  for (const input of inputs) {
    if (input.kind === 'stdin' || (input.kind === 'file' && input.size === null)) return false;
    if (input.kind === 'file') bytes += input.size ?? 0;
  }
  // Many small files cost more to hand to threads, a segment each, than to read in turn.
  const files = inputs.filter((input) => input.kind === 'file').length;
  if (files > 0 && bytes / files < MIN_PARALLEL_FILE_BYTES) return false;
  return bytes >= MIN_PARALLEL_BYTES;
}

interface SourceState {
  /** The last time seen in the source's segments merged so far. */
  lastTime: number | null;
  /** The source's recent RequestIds, as the sequential path remembers them. */
  repeats: RepeatWindow;
  /** The source's first record that could not be processed, in a worker or here. */
  failure: { line: number; message: string } | null;
  /** For a file read by byte ranges: its reader, which the ranges' surveys and results go back to. */
  reader: RangeReader<SourceState> | null;
}

function noteFailure(source: SourceState, failure: { line: number; message: string } | null): void {
  if (failure && (!source.failure || failure.line < source.failure.line)) source.failure = failure;
}

interface Peeked {
  /** The input's first bytes (PEEK_BYTES, or all of a shorter input), copied. */
  start: Buffer;
  ended: boolean;
  error: Error | null;
}

/** Reads an input's first bytes, as the sequential path peeks at a file's, to settle whether it is a JSON document. */
async function peekChunks(chunks: AsyncIterator<Buffer>): Promise<Peeked> {
  const seen: Buffer[] = [];
  let bytes = 0;
  try {
    while (bytes < PEEK_BYTES) {
      const next = await chunks.next();
      if (next.done) return { start: Buffer.concat(seen, bytes), ended: true, error: null };
      // Copied: a plain file's reader reuses its buffer.
      seen.push(Buffer.from(next.value));
      bytes += next.value.length;
    }
  } catch (err) {
    return { start: Buffer.concat(seen, bytes), ended: true, error: err as Error };
  }
  return { start: Buffer.concat(seen, bytes), ended: false, error: null };
}

/** The chunks of an input whose first bytes were peeked at, then the rest (or the read error). */
async function* withFirst(first: Peeked, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  if (first.start.length > 0) yield first.start;
  if (first.error) throw first.error;
  if (first.ended) return;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/**
 * Reads a source that is one JSON document on the main thread, through the
 * sequential pipeline (its entries are records of streams, which segments
 * cannot cut); `start` is its first chunk, copied (the reader reuses its buffer).
 */
async function readDocumentHere(
  name: string,
  opened: ChunkedInput,
  first: Peeked,
  rest: AsyncIterator<Buffer>,
  options: ParallelOptions,
  writing: () => Promise<void>,
): Promise<string | null> {
  const { tag } = options;
  async function* bytes(): AsyncGenerator<Buffer> {
    yield first.start;
    if (first.ended) return;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield Buffer.from(next.value);
  }
  let pending = writing();
  const error = await runOpenedSource(
    name,
    { stream: Readable.from(bytes(), { objectMode: false }), bytesRead: opened.bytesRead, gzip: opened.gzip, stop: () => {}, checkComplete: opened.checkComplete },
    false,
    {
      ctx: createRecognitionContext(options.catalog),
      aggregator: options.aggregator,
      sink: tag ? (record, recognition, event, further) => tag.writer.record(record, recognition, event, further) : null,
      onBatchEnd: () => {
        if (tag) pending = pending.then(() => tag.write(tag.writer.out.take()));
      },
      maxLineBytes: options.maxLineBytes,
      idleFlushMs: 50,
      signal: options.signal,
      unwrap: options.unwrap,
      redact: options.redact,
    },
  );
  await pending;
  return error;
}

/**
 * Runs every input through worker threads, with the same results as
 * runPipeline: each source is cut into segments (see Segmenter), workers
 * process them side by side, and the main thread merges them in order —
 * counts through Aggregator.absorb, which is exact; the records whose outcome
 * depends on earlier segments (a time to inherit, a RequestId already
 * reported) finished in order with the source's state; tagged output in
 * input order.
 */
export async function runParallel(options: ParallelOptions): Promise<{ failed: boolean }> {
  const { aggregator, tag } = options;
  let writing: Promise<void> = Promise.resolve();
  // Tagged output comes in pieces (see GatheredOutput): a batch of them goes out as one write.
  const gathered = tag ? new GatheredOutput((bytes, written) => tag.write(bytes, written)) : null;
  const { window, series } = aggregator.time;
  const settings: SegmentSettings = {
    catalog: { vendors: [...options.catalog.vendors.values()], version: options.catalog.version, shapes: [...options.catalog.shapes] },
    samples: options.samples,
    maxKeys: options.aggregator.maxKeys,
    maxLineBytes: options.maxLineBytes,
    unwrap: options.unwrap,
    redact: options.redact,
    // An adaptive series (for displays) is kept at its finest size in segments and coarsened once merged.
    time: { since: window.since, until: window.until, series: series && { ...series, maxBuckets: null } },
    countedProducts: aggregator.selection.toJson(),
    catalogProducts: [...options.catalog.vendors.values()].map((vc) => vc.product.toLowerCase()),
    crossTabs: aggregator.crossTabs.specs,
    logTimeZone: logTimeZone().name,
    timeReference: timeReference(),
    // With several inputs, every error with a RequestId comes here: one counted from another input counts once.
    settleRepeats: options.inputs.length === 1,
    tag: tag ? { errorsOnly: tag.errorsOnly, redactInput: tag.redactInput } : null,
  };
  const pool = await WorkerPool.start<SourceState>(options.jobs, settings, { maxQueuedBytes: MAX_QUEUED_BYTES, inlineAfterBytes: SEGMENT_BYTES }, {
    deferred: (source, { record, recognition, event, further }) => {
      const finished: TaggedEvent = event.time === null ? { ...event, time: source.lastTime } : event;
      if (finished.event === 'error' && finished.requestId) finished.duplicateOf = source.repeats.check(finished.requestId, finished.code, record.line);
      if (!aggregator.add(finished, record.text, !further) || !tag || further) return;
      try {
        tag.writer.record(record, recognition, finished);
      } catch (err) {
        noteFailure(source, { line: record.line, message: err instanceof Error ? err.message : String(err) });
      }
      gathered!.add(tag.writer.out.take());
    },
    repeat: (source, { repeat: event, text, recommend, written, further }) => {
      event.duplicateOf = source.repeats.check(event.requestId!, event.code, event.line);
      aggregator.add(event, text ?? '', !further, recommend);
      if (written && event.duplicateOf !== null) gathered?.add(Buffer.from(duplicateOfField(event.duplicateOf), 'latin1'));
    },
    output: (bytes, written) => {
      if (gathered) gathered.add(bytes, written);
      else written();
    },
    flush: () => {
      if (gathered) writing = gathered.flush();
    },
    surveyed: (source, id, survey) => source.reader!.surveyed(id, survey),
    result: (source, result, readOn) => {
      if (readOn) source.reader!.readOn(readOn);
      aggregator.absorb(result.summary);
      if (result.series) aggregator.absorbSeries(result.series);
      source.lastTime = result.lastTime ?? source.lastTime;
      for (const [id, line, code] of result.repeatTail) source.repeats.push(id, line, code);
      noteFailure(source, result.failure);
    },
  });

  let failed = false;
  /**
   * A source's problem is reported once its segments are merged, in input
   * order, as the sequential path reports it when the source ends.
   */
  const report = (name: string, problem: () => string | null): void =>
    pool.after(() => {
      const error = problem();
      if (!error) return;
      aggregator.source(name).error = error;
      options.onSourceError(name, error);
      failed = true;
    });
  try {
    for (const input of options.inputs) {
      if (options.signal?.aborted) break;
      const stats = aggregator.source(input.name);
      if (input.kind === 'failed') {
        report(input.name, () => input.error);
        continue;
      }
      if (input.kind === 'stdin') throw new Error('runParallel reads files only (see worthRunningInParallel)');
      let rangeFile: RangeFile | null;
      try {
        rangeFile = await openRangeFile(input.path, options.unwrap);
      } catch (err) {
        const error = describeFsError(err);
        report(input.name, () => error);
        continue;
      }
      if (rangeFile) {
        await readByRanges(input.name, input.path, rangeFile, stats, pool, options.unwrap, options.signal, report, () => writing);
        continue;
      }
      let opened;
      try {
        opened = await readChunks(input, READ_CHUNK);
      } catch (err) {
        const error = describeFsError(err);
        report(input.name, () => error);
        continue;
      }
      const iterator = opened.chunks[Symbol.asyncIterator]();
      const first = await peekChunks(iterator);
      if (!first.error && (isDocument(first.start, first.ended) || isTarHeader(first.start))) {
        // A document is read as its entries, a tar archive as its files' contents, on this thread, after the segments before it.
        await pool.finish();
        await writing;
        const error = await readDocumentHere(input.name, opened, first, iterator, options, () => writing);
        if (error) report(input.name, () => error);
        continue;
      }
      const chunks: AsyncIterable<Buffer> = { [Symbol.asyncIterator]: () => withFirst(first, iterator) };
      const source: SourceState = { lastTime: null, repeats: new RepeatWindow(), failure: null, reader: null };
      const segmenter = new Segmenter(SEGMENT_BYTES, options.unwrap, {
        begin: (firstLine) => pool.begin(source, input.name, firstLine),
        data: (bytes) => pool.data(bytes),
        end: () => pool.end(),
      });
      let error: string | null = null;
      const embedded = new EmbeddedCompressionWatch();
      // Bytes follow the reading, so a progress bar or a snapshot mid-run is current.
      const baseBytes = stats.bytes;
      try {
        for await (const chunk of chunks) {
          embedded.feed(chunk);
          segmenter.push(chunk);
          stats.bytes = baseBytes + opened.bytesRead();
          if (options.signal?.aborted) break;
          await pool.ready();
          await writing;
        }
      } catch (err) {
        if (err instanceof WorkerFailure) throw err;
        error = describeReadError(err as Error, opened.gzip);
      }
      // As on the sequential path, what was read before a stop or a read error counts, its last line too.
      segmenter.end();
      stats.bytes = baseBytes + opened.bytesRead();
      // A file cut or replaced while it was read is reported as on the sequential path, after a record that failed.
      const complete = error || options.signal?.aborted ? null : await opened.checkComplete();
      report(input.name, () => {
        const { failure } = source;
        if (error) return error;
        if (failure) return describeRecordFailure(failure);
        if (embedded.found) return describeEmbeddedData(embedded.found);
        return complete;
      });
    }
    await pool.finish();
    await writing;
  } finally {
    await pool.close();
  }
  return { failed };
}

/**
 * Reads a plain file by byte ranges (see RangeReader): planned and settled
 * here, read and processed by the threads that take them. Its problem is
 * reported once its ranges are merged, as the sequential path reports it
 * at its end: a read error, a record that failed, or a file that shrank or
 * was replaced while read.
 */
async function readByRanges(
  name: string,
  path: string,
  file: RangeFile,
  stats: { bytes: number },
  pool: WorkerPool<SourceState>,
  unwrap: boolean,
  signal: AbortSignal | undefined,
  report: (name: string, problem: () => string | null) => void,
  writing: () => Promise<void>,
): Promise<void> {
  const source: SourceState = { lastTime: null, repeats: new RepeatWindow(), failure: null, reader: null };
  const baseBytes = stats.bytes;
  const reader = new RangeReader(pool, source, name, file, unwrap, () => (stats.bytes = baseBytes + reader.bytes), writing);
  source.reader = reader;
  try {
    await reader.run(SEGMENT_BYTES, signal);
  } finally {
    // Closed once every range has been read, and the file checked.
    const stopped = signal?.aborted ?? false;
    report(name, () => {
      if (reader.error) return describeReadError(Object.assign(new Error(reader.error.message), { code: reader.error.code }), false);
      if (source.failure) return describeRecordFailure(source.failure);
      if (reader.embedded) return describeEmbeddedData(reader.embedded);
      return stopped ? null : checkWholeFileSync(path, file.stat, reader.bytes);
    });
    pool.after(() => void file.handle.close());
  }
}
