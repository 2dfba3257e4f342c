import type { Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { utf16FromBom } from '../sources/decode-utf16.js';
import { inputEncoding } from '../sources/input-encoding.js';
import { detectCompression, MAGIC_BYTES } from '../sources/detect-compression.js';
import { EmbeddedCompressionWatch, type EmbeddedData } from '../sources/embedded-compression.js';
import { isTarHeader } from '../sources/tar-contents.js';
import { ENVELOPE_SAMPLE_LINES, forbidsCuts } from './cut-rules.js';
import { isDocument, PEEK_BYTES } from './detect-document.js';
import { nextCut, type ReadAt } from './next-cut.js';
import { RangeSequencer, type PlannedRange, type ReadSurvey } from './range-sequencer.js';
import { nextTurn, PIECE, rangeBuffers, readAndSurvey, readPiece } from './range-reading.js';
import type { ReadOn } from './segment-messages.js';
import type { WorkerPool } from './worker-pool.js';

/** A plain file opened to be read by byte ranges. */
export interface RangeFile {
  handle: FileHandle;
  /** The file as opened: its size plans the ranges, and settles at the end whether it shrank or was replaced. */
  stat: Stats;
}

/**
 * Opens a file to be read by byte ranges, each read by the thread that
 * processes it; or, closing it again, answers null for a file read as a
 * stream: not a regular file, compressed or UTF-16 (it must be decoded
 * from its start), one JSON document (read as its entries), or a source
 * whose first lines forbid cuts (container wrappers, envelopes: see
 * forbidsCuts), or whose first lines are too long to sample.
 */
export async function openRangeFile(path: string, unwrap: boolean): Promise<RangeFile | null> {
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return close(handle);
    const head = Buffer.allocUnsafe(PEEK_BYTES);
    const { bytesRead } = await handle.read(head, 0, PEEK_BYTES, 0);
    const start = head.subarray(0, bytesRead);
    const magic = start.subarray(0, MAGIC_BYTES);
    if (detectCompression(magic) !== null || utf16FromBom(magic) || inputEncoding() !== null || isDocument(start, bytesRead < PEEK_BYTES) || isTarHeader(start)) return close(handle);
    if (unwrap && !sampleAllowsCuts(start, bytesRead < PEEK_BYTES)) return close(handle);
    return { handle, stat };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

async function close(handle: FileHandle): Promise<null> {
  await handle.close();
  return null;
}

/** Whether none of a source's first lines forbids cuts, as the Segmenter samples them; false when they do not fit in `start`. */
function sampleAllowsCuts(start: Buffer, whole: boolean): boolean {
  let at = 0;
  for (let line = 0; line < ENVELOPE_SAMPLE_LINES && at < start.length; line++) {
    const nl = start.indexOf(0x0a, at);
    if (nl < 0 && !whole) return false;
    const end = nl < 0 ? start.length : nl;
    if (forbidsCuts(start, at, end, true)) return false;
    at = end + 1;
  }
  return true;
}

/**
 * Reads one plain file by byte ranges (see RangeFile) through a worker
 * pool, so that this thread no longer reads, cuts and copies every byte:
 * it plans cuts a window of bytes at a time (nextCut), sends each range to
 * the least busy worker thread, which reads and surveys it itself, and
 * settles the ranges in order as their surveys come in (RangeSequencer):
 * each learns its first line's number, a range whose lines forbid cuts
 * reads on to the end of the file. When every worker has enough to do, this
 * thread takes a range itself, as WorkerPool's own share.
 * @example
 * const reader = new RangeReader(pool, source, name, file, true, onBytes);
 * await reader.run(2 << 20, signal); // results arrive through the pool's sink (surveyed, result)
 */
export class RangeReader<Tag> {
  /** Bytes of the file read so far. */
  bytes = 0;
  /** Why reading stopped early, or null. */
  error: ReadSurvey['error'] = null;
  /** The first compressed data the file holds after its start (see EmbeddedData), or null. */
  embedded: EmbeddedData | null = null;
  private readonly sequencer: RangeSequencer;
  private readonly planned = new Map<number, PlannedRange>();
  /** This thread's own ranges, each waiting for what the sequencer makes of it. */
  private readonly own = new Map<number, (go: { firstLine: number; toEnd: boolean } | null) => void>();
  private readonly readAt: ReadAt;
  private readonly buffers = rangeBuffers();

  constructor(
    private readonly pool: WorkerPool<Tag>,
    private readonly tag: Tag,
    private readonly name: string,
    private readonly file: RangeFile,
    private readonly unwrap: boolean,
    /** Called as the bytes read grow, for a progress display. */
    private readonly onBytes: () => void,
    /**
     * Resolves when the run's output can take more (`tag` writing to a pipe
     * read more slowly than the threads tag): no range is sent before, so
     * what waits to be written stays bounded.
     */
    private readonly outputReady: () => Promise<void> = () => Promise.resolve(),
  ) {
    this.readAt = async (position, length) => {
      const buf = Buffer.allocUnsafe(length);
      const { bytesRead } = await file.handle.read(buf, 0, length, position);
      return buf.subarray(0, bytesRead);
    };
    this.sequencer = new RangeSequencer({
      go: (range, firstLine, toEnd) => {
        this.count(range.survey!.bytes, range.survey!.error, range.survey!.embedded);
        const mine = this.own.get(range.id);
        if (mine) mine({ firstLine, toEnd });
        else pool.go(range.id, firstLine, toEnd);
      },
      drop: (range) => {
        const mine = this.own.get(range.id);
        if (mine) mine(null);
        else pool.drop(range.id);
      },
    });
  }

  /** A survey from a worker thread (see WorkerPool's `surveyed`). */
  surveyed(id: number, survey: ReadSurvey): void {
    this.sequencer.surveyed(this.planned.get(id)!, survey);
  }

  /** What a range that read on to the end of the file read past its end (see WorkerPool's `result`). */
  readOn(readOn: ReadOn): void {
    this.count(readOn.bytes, readOn.error, readOn.embedded);
  }

  /**
   * Plans and sends the file's ranges of about `segmentBytes`, until the
   * last or a stop. While this thread processes a range of its own, it goes
   * on planning, and sends the next range to the first worker thread to
   * have room, so that no worker waits for this thread's range to end.
   */
  async run(segmentBytes: number, signal?: AbortSignal): Promise<void> {
    const size = this.file.stat.size;
    let mine: Promise<void> | null = null;
    /** Why this thread's own range failed (a worker failure), to be thrown here. */
    let failure: { error: unknown } | null = null;
    for (let start = 0; !this.sequencer.stopped && !signal?.aborted && !failure; ) {
      const cut = start + segmentBytes < size ? await nextCut(this.readAt, start + segmentBytes, this.unwrap) : null;
      const end = Math.max(cut ?? size, start);
      const last = cut === null;
      await this.pool.ready();
      await this.outputReady();
      while (mine !== null && !this.pool.hasRoom()) {
        await Promise.race([mine, this.pool.whenRoom()]);
        // A worker that failed fails the run here.
        await this.pool.ready();
      }
      if (this.pool.hasRoom()) {
        const id = this.pool.range(this.tag, this.name, this.file.handle.fd, start, end - start);
        this.plan({ id, start, end, last, survey: null });
      } else {
        const settle = (): void => {
          if (mine === running) mine = null;
        };
        const running: Promise<void> = this.runHere(start, end, last).then(settle, (error: unknown) => {
          failure = { error };
          settle();
        });
        mine = running;
      }
      if (cut === null) break;
      start = cut;
    }
    await mine;
    if (failure) throw (failure as { error: unknown }).error;
  }

  private plan(range: PlannedRange): void {
    this.planned.set(range.id, range);
    this.sequencer.add(range);
  }

  private count(bytes: number, error: ReadSurvey['error'], embedded: EmbeddedData | null): void {
    this.bytes += bytes;
    this.error ??= error;
    this.embedded ??= embedded;
    this.onBytes();
  }

  /** Reads, surveys and processes a range on this thread, in its place in the order. */
  private async runHere(start: number, end: number, last: boolean): Promise<void> {
    const range: PlannedRange = { id: this.pool.reserve(), start, end, last, survey: null };
    this.plan(range);
    const { bytes, survey } = readAndSurvey(this.file.handle.fd, start, end - start, this.unwrap, this.buffers);
    const decided = new Promise<{ firstLine: number; toEnd: boolean } | null>((resolve) => this.own.set(range.id, resolve));
    this.sequencer.surveyed(range, survey);
    const go = await decided;
    this.own.delete(range.id);
    if (!go) {
      this.buffers.recycle(bytes.buffer as ArrayBuffer);
      this.pool.skip(range.id);
      return;
    }
    this.pool.begin(this.tag, this.name, go.firstLine, range.id);
    // The pieces go to this thread's runner uncopied: the range's buffer is reused only once its segment has ended.
    for (let at = 0; at < bytes.length; at += PIECE) {
      this.pool.dataUntilEnd(bytes.subarray(at, at + PIECE));
      // The workers' surveys and output come in between pieces.
      await nextTurn();
      await this.pool.ready();
    }
    if (go.toEnd) {
      const embedded = new EmbeddedCompressionWatch();
      for (let position = start + bytes.length; ; ) {
        const { piece, error } = readPiece(this.file.handle.fd, position);
        embedded.feed(piece);
        const found = embedded.found && { ...embedded.found, offset: start + bytes.length + embedded.found.offset };
        this.count(piece.length, error, found);
        if (piece.length === 0) break;
        position += piece.length;
        this.pool.dataUntilEnd(piece);
        await nextTurn();
        await this.pool.ready();
      }
    }
    this.pool.end();
    this.buffers.recycle(bytes.buffer as ArrayBuffer);
  }
}
