import { isUtf8 } from 'node:buffer';

/**
 * Receives whole physical lines as byte ranges, never as strings: `block`
 * gets `buf[start, end)` holding one or more lines separated by "\n" (the
 * last one without its "\n"); each line may still end in "\r".
 */
export type BlockConsumer = (buf: Buffer, start: number, end: number) => void;

/**
 * Splits a byte stream into lines exactly as the line limiter and split2 do
 * together (src/lines/limit-line-length.ts): lines end at "\n"; a line longer
 * than `maxLineBytes` keeps its first `maxLineBytes` bytes and the rest of
 * the character the cut falls inside (at most 3 bytes more), and counts once
 * in `truncated`; a line whose kept bytes are not valid UTF-8 counts once in
 * `undecodable`; a final line without "\n" is passed on when it is not
 * empty. Lines are handed over in blocks that point into the chunks read (no
 * copy), except a line that straddles two chunks, which is joined once.
 * @example
 * const scanner = new LineScanner(4 << 20, (buf, start, end) => console.log(buf.toString('utf8', start, end)));
 * scanner.push(Buffer.from('a\nb')); scanner.push(Buffer.from('c\n')); scanner.end(); // "a", then "bc"
 */
export class LineScanner {
  /** Lines longer than `maxLineBytes`, cut to that length. */
  truncated = 0;
  /** Lines holding bytes that are not valid UTF-8 (in the part kept). */
  undecodable = 0;
  /** Bytes of the unfinished line carried over from earlier chunks. */
  private carry: Buffer[] = [];
  private carryBytes = 0;
  /** True while the rest of an over-long line is being skipped. */
  private cutting = false;
  /** Continuation bytes the cut line may still take from the next chunk, to end the character cut inside. */
  private finishing = 0;

  constructor(
    private readonly maxLineBytes: number,
    private readonly consumer: BlockConsumer,
  ) {}

  /** Takes the next chunk of input. */
  push(chunk: Buffer): void {
    let start = 0;
    if (this.carryBytes > 0 || this.cutting) {
      const nl = chunk.indexOf(0x0a);
      const end = nl < 0 ? chunk.length : nl;
      this.extendCarry(chunk, 0, end);
      if (nl < 0) return;
      this.emitCarry();
      start = nl + 1;
    }
    // From here on, `start` is the beginning of a line in this chunk.
    const lastNl = chunk.lastIndexOf(0x0a);
    if (lastNl >= start) this.emitWholeLines(chunk, start, lastNl);
    const tail = lastNl >= start ? lastNl + 1 : start;
    if (tail < chunk.length) this.extendCarry(chunk, tail, chunk.length);
  }

  /** Ends the input: the last line, if it has no "\n" and is not empty, is passed on. */
  end(): void {
    if (this.carryBytes > 0) this.emitCarry();
    this.cutting = false;
    this.finishing = 0;
  }

  /** Whether part of a line is waiting for its end. */
  get pending(): boolean {
    return this.carryBytes > 0;
  }

  /**
   * Passes on the lines in `chunk[start, lastNl)` (at least one, maybe empty):
   * runs of lines within the limit go as one block; an over-long line goes
   * alone, cut.
   */
  private emitWholeLines(chunk: Buffer, start: number, lastNl: number): void {
    const max = this.maxLineBytes;
    if (lastNl - start <= max) {
      this.emitBlock(chunk, start, lastNl);
      return;
    }
    let blockStart = start;
    let lineStart = start;
    while (lineStart <= lastNl) {
      const nl = chunk.indexOf(0x0a, lineStart);
      if (nl - lineStart > max) {
        if (lineStart > blockStart) this.emitBlock(chunk, blockStart, lineStart - 1);
        this.truncated++;
        const cut = lineStart + max;
        this.emitBlock(chunk, lineStart, cut + continuationBytes(chunk, cut, nl, 3));
        blockStart = nl + 1;
      }
      lineStart = nl + 1;
    }
    if (blockStart <= lastNl) this.emitBlock(chunk, blockStart, lastNl);
  }

  /** Adds `chunk[from, to)` to the unfinished line, cutting it at the limit (and the end of the character cut inside). */
  private extendCarry(chunk: Buffer, from: number, to: number): void {
    let take: number;
    if (this.cutting) {
      // Only the rest of the character the cut fell inside, when it goes on in this chunk.
      take = continuationBytes(chunk, from, to, this.finishing);
      this.finishing = from + take === chunk.length ? this.finishing - take : 0;
    } else {
      take = Math.min(to - from, this.maxLineBytes - this.carryBytes);
      if (take < to - from) {
        const extra = continuationBytes(chunk, from + take, to, 3);
        take += extra;
        this.finishing = from + take === chunk.length ? 3 - extra : 0;
        this.cutting = true;
        this.truncated++;
      }
    }
    if (take > 0) {
      this.carry.push(chunk.subarray(from, from + take));
      this.carryBytes += take;
    }
  }

  private emitCarry(): void {
    const line = this.carry.length === 1 ? this.carry[0]! : Buffer.concat(this.carry, this.carryBytes);
    this.carry = [];
    this.carryBytes = 0;
    this.cutting = false;
    this.finishing = 0;
    this.emitBlock(line, 0, line.length);
  }

  /** Counts the block's lines that are not valid UTF-8 (one check for the whole block when it is), then passes it on. */
  private emitBlock(buf: Buffer, start: number, end: number): void {
    if (!isUtf8(buf.subarray(start, end))) {
      for (let lineStart = start; lineStart <= end; ) {
        let nl = buf.indexOf(0x0a, lineStart);
        if (nl < 0 || nl > end) nl = end;
        if (!isUtf8(buf.subarray(lineStart, nl))) this.undecodable++;
        lineStart = nl + 1;
      }
    }
    this.consumer(buf, start, end);
  }
}

/** How many UTF-8 continuation bytes (10xxxxxx) start at `from`, at most `max`, before `end`. */
function continuationBytes(buf: Buffer, from: number, end: number, max: number): number {
  let n = 0;
  while (n < max && from + n < end && (buf[from + n]! & 0xc0) === 0x80) n++;
  return n;
}
