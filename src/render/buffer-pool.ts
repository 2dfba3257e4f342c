/** Buffers handed back and kept for reuse, at most. */
const MAX_SPARE = 8;
/** New buffers are sized up to a multiple of this, so that they fit the next outputs too. */
const ROUNDING = 64 << 10;

/**
 * Buffers for output that is written and then handed back: a batch of
 * tagged lines is copied into one (see OutputBuffer.take), written, and its
 * memory reused for a later batch rather than allocated anew (fresh memory
 * costs the kernel a page fault per page touched). Each buffer is its own
 * memory, not a slice of a shared pool, so a worker thread can transfer it.
 * @example const pool = new BufferPool(); const bytes = out.take(pool.allocate); stream.write(bytes, () => pool.recycle(bytes.buffer));
 */
export class BufferPool {
  private readonly spare: ArrayBuffer[] = [];

  /** A buffer of `length` bytes, not zero-filled: reused when one handed back is big enough. */
  readonly allocate = (length: number): Buffer => {
    const at = this.spare.findIndex((b) => b.byteLength >= length);
    if (at >= 0) return Buffer.from(this.spare.splice(at, 1)[0]!, 0, length);
    return Buffer.allocUnsafeSlow(Math.ceil(Math.max(length, 1) / ROUNDING) * ROUNDING).subarray(0, length);
  };

  /** Hands back the memory of a buffer from `allocate` once it is written. */
  recycle(memory: ArrayBuffer): void {
    if (this.spare.length < MAX_SPARE) this.spare.push(memory);
  }
}
