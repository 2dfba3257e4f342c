import { Transform, type TransformCallback } from 'node:stream';
import { Utf8LineChecker } from './utf8-line-checker.js';

/** Counts kept by the limiter, read after the source ends. */
export interface LimiterStats {
  /** Lines longer than the limit, cut to it. */
  truncated: number;
  /** Lines holding bytes that are not valid UTF-8 (in the part kept). */
  undecodable: number;
}

/**
 * Cuts every line to at most `maxLineBytes` bytes before it is decoded, so a
 * single 100 MB line with no newline holds bounded memory. The cut line is
 * still passed on (its head and its newline) and counted in `stats.truncated`;
 * the cut moves to the end of the character it falls inside (at most 3
 * bytes more), so the head decodes cleanly and is the same however the
 * input was chunked.
 * Works on bytes with memchr-speed `indexOf`, whatever the chunking. On the
 * way it counts the lines with invalid UTF-8 (`stats.undecodable`), on the
 * bytes themselves, so a U+FFFD written in the log is not mistaken for one.
 */
export class LineLengthLimiter extends Transform {
  /** Bytes of the current line passed on so far. */
  private lineBytes = 0;
  private cutting = false;
  /** Continuation bytes the cut line may still take in the next chunk, to end the character cut inside. */
  private finishing = 0;
  private readonly utf8 = new Utf8LineChecker();

  constructor(
    private readonly maxLineBytes: number,
    readonly stats: LimiterStats = { truncated: 0, undecodable: 0 },
  ) {
    super({ highWaterMark: 1 << 20 });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl < 0 ? chunk.length : nl;
      let take: number;
      if (this.cutting) {
        // Only the rest of the character the cut fell inside, when it goes on in this chunk.
        take = continuationBytes(chunk, start, end, this.finishing);
        this.finishing = start + take === chunk.length ? this.finishing - take : 0;
      } else {
        take = Math.min(end - start, this.maxLineBytes - this.lineBytes);
        if (take < end - start) {
          // The cut moves past the character it falls inside (at most 3 bytes), here or in the next chunk.
          const extra = continuationBytes(chunk, start + take, end, 3);
          take += extra;
          this.finishing = start + take === chunk.length ? 3 - extra : 0;
          this.cutting = true;
          this.stats.truncated++;
        }
      }
      if (nl < 0) {
        if (start === 0 && take === chunk.length) this.pass(chunk);
        else if (take > 0) this.pass(chunk.subarray(start, start + take));
        this.lineBytes += take;
        break;
      }
      if (start === 0 && !this.cutting && take === end) {
        // Fast path: the chunk up to this newline is whole; look for further cuts.
        const next = this.findLongLine(chunk, nl + 1);
        if (next < 0) {
          this.pass(chunk);
          this.lineBytes = chunk.length - chunk.lastIndexOf(0x0a) - 1;
          break;
        }
        this.pass(chunk.subarray(0, next));
        start = next;
        this.lineBytes = 0;
        continue;
      }
      if (take > 0) this.pass(chunk.subarray(start, start + take));
      this.pass(NEWLINE);
      this.lineBytes = 0;
      this.cutting = false;
      this.finishing = 0;
      start = nl + 1;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    this.utf8.finish();
    this.stats.undecodable = this.utf8.invalidLines;
    done();
  }

  private pass(piece: Buffer): void {
    this.utf8.feed(piece);
    this.stats.undecodable = this.utf8.invalidLines;
    this.push(piece);
  }

  /** The start of the first line from `from` that would need cutting, or -1. */
  private findLongLine(chunk: Buffer, from: number): number {
    let start = from;
    while (start < chunk.length) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl < 0 ? chunk.length : nl;
      if (end - start > this.maxLineBytes) return start;
      if (nl < 0) return -1;
      start = nl + 1;
    }
    return -1;
  }
}

/** How many UTF-8 continuation bytes (10xxxxxx) start at `from`, at most `max`, before `end`. */
function continuationBytes(chunk: Buffer, from: number, end: number, max: number): number {
  let n = 0;
  while (n < max && from + n < end && (chunk[from + n]! & 0xc0) === 0x80) n++;
  return n;
}

const NEWLINE = Buffer.from('\n');
