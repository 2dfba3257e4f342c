/** Buffers handed back and kept for reuse, at most, by default: a worker's outputs wait for their segment's turn. */
const MAX_SPARE = 32;
/** The smallest buffer made; each is a power of two, so one handed back fits most later outputs of its size. */
const MIN_BYTES = 64 << 10;

/**
 * Buffers for output that is written and then handed back: a batch of
 * tagged lines is copied into one (see OutputBuffer.take), written, and its
 * memory reused for a later batch rather than allocated anew (fresh memory
 * costs the kernel a page fault per page touched). Sizes are powers of two,
 * so batches of similar sizes share buffers, and the biggest buffers are the
 * ones kept. Each buffer is its own memory, not a slice of a shared pool, so
 * a worker thread can transfer it.
 * @example const pool = new BufferPool(); const bytes = out.take(pool.allocate); stream.write(bytes, () => pool.recycle(bytes.buffer));
 */
export class BufferPool {
  private readonly spare: ArrayBuffer[] = [];

  /**
   * `sizeOf` gives the size of a buffer made for `length` bytes: by
   * default the next power of two, for outputs whose sizes vary widely.
   */
  constructor(
    private readonly maxSpare = MAX_SPARE,
    private readonly sizeOf: (length: number) => number = powerOfTwo,
  ) {}

  /** A buffer of `length` bytes, not zero-filled: reused when one handed back is big enough. */
  readonly allocate = (length: number): Buffer => {
    const at = this.spare.findIndex((b) => b.byteLength >= length);
    if (at >= 0) return Buffer.from(this.spare.splice(at, 1)[0]!, 0, length);
    return Buffer.allocUnsafeSlow(this.sizeOf(length)).subarray(0, length);
  };

  /** Hands back the memory of a buffer from `allocate` once it is written; past `maxSpare`, the smallest is let go. */
  recycle(memory: ArrayBuffer): void {
    this.spare.push(memory);
    if (this.spare.length <= this.maxSpare) return;
    let smallest = 0;
    for (let i = 1; i < this.spare.length; i++) if (this.spare[i]!.byteLength < this.spare[smallest]!.byteLength) smallest = i;
    this.spare.splice(smallest, 1);
  }
}

function powerOfTwo(length: number): number {
  let size = MIN_BYTES;
  while (size < length) size *= 2;
  return size;
}
