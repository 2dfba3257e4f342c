import { Transform, type TransformCallback } from 'node:stream';

/** Counts kept by the limiter, read after the source ends. */
export interface LimiterStats {
  truncated: number;
}

/**
 * Cuts every line to at most `maxLineBytes` bytes before it is decoded, so a
 * single 100 MB line with no newline holds bounded memory. The cut line is
 * still passed on (its head and its newline) and counted in `stats.truncated`.
 * Works on bytes with memchr-speed `indexOf`, whatever the chunking.
 */
export class LineLengthLimiter extends Transform {
  /** Bytes of the current line passed on so far. */
  private lineBytes = 0;
  private cutting = false;

  constructor(
    private readonly maxLineBytes: number,
    readonly stats: LimiterStats = { truncated: 0 },
  ) {
    super({ highWaterMark: 1 << 20 });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl < 0 ? chunk.length : nl;
      const room = this.maxLineBytes - this.lineBytes;
      const take = Math.min(end - start, Math.max(room, 0));
      if (take < end - start && !this.cutting) {
        this.cutting = true;
        this.stats.truncated++;
      }
      if (nl < 0) {
        if (start === 0 && take === chunk.length) this.push(chunk);
        else if (take > 0) this.push(chunk.subarray(start, start + take));
        this.lineBytes += take;
        break;
      }
      if (start === 0 && !this.cutting && take === end) {
        // Fast path: the chunk up to this newline is whole; look for further cuts.
        const next = this.findLongLine(chunk, nl + 1);
        if (next < 0) {
          this.push(chunk);
          this.lineBytes = chunk.length - chunk.lastIndexOf(0x0a) - 1;
          break;
        }
        this.push(chunk.subarray(0, next));
        start = next;
        this.lineBytes = 0;
        continue;
      }
      this.push(chunk.subarray(start, start + take));
      this.push(NEWLINE);
      this.lineBytes = 0;
      this.cutting = false;
      start = nl + 1;
    }
    done();
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

const NEWLINE = Buffer.from('\n');
