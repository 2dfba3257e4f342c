const NOTHING = Buffer.alloc(0);

/**
 * The bytes of a stream from a chosen offset on, across chunks, addressed by
 * absolute offset. Only what is still wanted is kept, and it is copied, since
 * a reader may refill the buffer of a chunk once it has been handed over
 * (src/sources/read-chunks.ts does).
 * @example
 * const window = new ByteWindow();
 * window.enter(Buffer.from('ab{"x"'), 0);
 * window.leave(2); // keeps '{"x"'
 * window.enter(Buffer.from(':1}'), 6);
 * window.slice(2, 9).toString(); // '{"x":1}'
 */
export class ByteWindow {
  /** Copies of earlier chunks' kept bytes, one after another, the first from `keptStart`. */
  private kept: Buffer[] = [];
  private keptStart = 0;
  private chunk: Buffer = NOTHING;
  private chunkStart = 0;

  /** Makes `chunk`, which starts at absolute offset `at`, the current chunk. */
  enter(chunk: Buffer, at: number): void {
    this.chunk = chunk;
    this.chunkStart = at;
  }

  /**
   * The bytes `[start, end)`: a view into the current chunk when they are all
   * in it, else a copy. `start` must not be before what was kept.
   */
  slice(start: number, end: number): Buffer {
    const chunkStart = this.chunkStart;
    if (start >= chunkStart) return this.chunk.subarray(start - chunkStart, end - chunkStart);
    const parts: Buffer[] = [];
    let at = this.keptStart;
    for (const part of this.kept) {
      const partEnd = at + part.length;
      if (partEnd > start && at < end) parts.push(part.subarray(Math.max(0, start - at), Math.min(part.length, end - at)));
      at = partEnd;
    }
    if (end > chunkStart) parts.push(this.chunk.subarray(0, end - chunkStart));
    return Buffer.concat(parts, end - start);
  }

  /**
   * Ends the current chunk, keeping a copy of the bytes from `start` (an
   * absolute offset, at most the chunk's end) for later slices; -1 keeps
   * nothing.
   */
  leave(start: number): void {
    const chunkStart = this.chunkStart;
    if (start < 0 || start >= chunkStart + this.chunk.length) {
      this.kept = [];
      this.keptStart = chunkStart + this.chunk.length;
    } else {
      if (start >= chunkStart) {
        this.kept = [];
        this.keptStart = start;
      } else {
        this.dropBefore(start);
      }
      this.kept.push(Buffer.from(this.chunk.subarray(Math.max(0, start - chunkStart))));
    }
    this.chunk = NOTHING;
  }

  /** How many bytes are kept between chunks. */
  get keptBytes(): number {
    let bytes = 0;
    for (const part of this.kept) bytes += part.length;
    return bytes;
  }

  /** Drops the kept bytes before `start` (which is inside what is kept). */
  private dropBefore(start: number): void {
    while (this.kept.length > 0 && this.keptStart + this.kept[0]!.length <= start) {
      this.keptStart += this.kept[0]!.length;
      this.kept.shift();
    }
    const first = this.kept[0];
    if (first && start > this.keptStart) {
      // A copy, so the dropped head does not stay reachable through a view.
      this.kept[0] = Buffer.from(first.subarray(start - this.keptStart));
      this.keptStart = start;
    }
  }
}
