/**
 * Bytes of output gathered before one write: writing a chunk's worth of
 * records at once costs one system call instead of one per record.
 * @example const out = new OutputBuffer(); out.write('{"a":1}\n'); process.stdout.write(out.take());
 */
export class OutputBuffer {
  private buf: Buffer;
  private used = 0;

  constructor(initialBytes = 1 << 16) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  /** Bytes gathered so far. */
  get length(): number {
    return this.used;
  }

  /** Appends text as UTF-8. */
  write(text: string): void {
    this.reserve(text.length * 3);
    this.used += this.buf.write(text, this.used, 'utf8');
  }

  /** Appends text known to be ASCII (numbers, JSON punctuation). */
  writeAscii(text: string): void {
    this.reserve(text.length);
    this.used += this.buf.write(text, this.used, 'latin1');
  }

  /** Appends `src[start, end)`. */
  writeBytes(src: Buffer, start: number, end: number): void {
    this.reserve(end - start);
    this.used += src.copy(this.buf, this.used, start, end);
  }

  /** Appends bytes made once and written often (a JSON fragment every record repeats): no encoding, no view made. */
  writePrepared(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** Appends a non-negative integer in decimal, as String(n) writes it, without making the string. */
  writeUint(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) {
      this.writeAscii(String(n));
      return;
    }
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    this.reserve(digits);
    let rest = n;
    for (let at = this.used + digits - 1; at >= this.used; at--) {
      this.buf[at] = 0x30 + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.used += digits;
  }

  writeByte(byte: number): void {
    this.reserve(1);
    this.buf[this.used++] = byte;
  }

  /**
   * The bytes gathered, in a buffer of their own (from `allocate` when
   * given, to reuse memory); the buffer starts empty again.
   */
  take(allocate: (length: number) => Buffer = Buffer.allocUnsafeSlow): Buffer {
    const out = allocate(this.used);
    this.buf.copy(out, 0, 0, this.used);
    this.used = 0;
    return out;
  }

  private reserve(bytes: number): void {
    if (this.used + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.used + bytes));
    this.buf.copy(bigger, 0, 0, this.used);
    this.buf = bigger;
  }
}
