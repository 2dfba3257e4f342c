import { readSync } from 'node:fs';
import { BufferPool } from '../sources/buffer-pool.js';
import { embeddedIn } from '../sources/embedded-compression.js';
import type { ReadSurvey } from './range-sequencer.js';
import { surveyRange } from './survey-range.js';

/**
 * Reading a byte range of an open file, the same on every thread that
 * processes ranges (see RangeReader and segmentService): positional reads of
 * a file descriptor the main thread opened, which every thread of the
 * process shares.
 */

/** Bytes of a range processed at a time, and read at a time past its end. */
export const PIECE = 64 << 10;

/**
 * Buffers for ranges, handed back once a range is processed: ranges are of
 * much the same size (a segment's bytes and the rest of a line), so a
 * buffer with a little room to spare serves the next, and a thread keeps
 * only the few it has in hand.
 */
export function rangeBuffers(): BufferPool {
  return new BufferPool(2, (length) => length + PIECE);
}

/**
 * Reads `length` bytes of `fd` at `start` (fewer if the file ends first or
 * reading fails) into a buffer from `buffers`, and surveys them.
 */
export function readAndSurvey(fd: number, start: number, length: number, unwrap: boolean, buffers: BufferPool): { bytes: Buffer; survey: ReadSurvey } {
  const buf = buffers.allocate(length);
  let read = 0;
  let error: ReadSurvey['error'] = null;
  while (read < length) {
    let n: number;
    try {
      n = readSync(fd, buf, read, length - read, start + read);
    } catch (err) {
      error = readError(err);
      break;
    }
    if (n === 0) break;
    read += n;
  }
  const bytes = buf.subarray(0, read);
  const embedded = embeddedIn(bytes);
  return { bytes, survey: { ...surveyRange(bytes, unwrap), bytes: read, error, embedded: embedded && { ...embedded, offset: start + embedded.offset } } };
}

/**
 * The next piece of `fd` at `position`, read past a range's end: empty at
 * the end of the file. A fresh buffer each time, since a line's start may be
 * kept across pieces.
 */
export function readPiece(fd: number, position: number): { piece: Buffer; error: ReadSurvey['error'] } {
  const piece = Buffer.allocUnsafeSlow(PIECE);
  try {
    return { piece: piece.subarray(0, readSync(fd, piece, 0, PIECE, position)), error: null };
  } catch (err) {
    return { piece: piece.subarray(0, 0), error: readError(err) };
  }
}

/** A read error as a message can carry it: describeReadError reads its code. */
function readError(err: unknown): { message: string; code?: string } {
  const { message, code } = err as NodeJS.ErrnoException;
  return code === undefined ? { message } : { message, code };
}

/** Lets a thread's other messages and events in before its next piece of work. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
