import { isUtf8 } from 'node:buffer';

/**
 * Counts the lines that hold bytes which are not valid UTF-8, looking at the
 * bytes before they are decoded: a line that legitimately contains U+FFFD
 * (EF BF BD) is valid, and a character split across two read chunks is
 * checked whole. Fed the pieces of the stream in order, newlines included.
 * A whole chunk is checked at once (simdutf speed); only a chunk that fails
 * is looked at line by line.
 * @example
 * const checker = new Utf8LineChecker();
 * checker.feed(Buffer.from('ok\nbad \xff\n', 'latin1'));
 * checker.finish();
 * checker.invalidLines; // 1
 */
export class Utf8LineChecker {
  /** Lines seen so far that hold invalid bytes. */
  invalidLines = 0;
  /** The start of a character the last piece ended in the middle of (at most 3 bytes). */
  private carry: Buffer | null = null;
  /** The current (unterminated) line already holds invalid bytes. */
  private lineInvalid = false;

  feed(piece: Buffer): void {
    let bytes = this.carry ? Buffer.concat([this.carry, piece]) : piece;
    this.carry = null;
    const complete = completeLength(bytes);
    if (complete < bytes.length) {
      this.carry = Buffer.from(bytes.subarray(complete));
      bytes = bytes.subarray(0, complete);
    }
    if (isUtf8(bytes)) {
      if (this.lineInvalid && bytes.includes(0x0a)) this.endLine();
      return;
    }
    let start = 0;
    for (;;) {
      const nl = bytes.indexOf(0x0a, start);
      const end = nl < 0 ? bytes.length : nl;
      if (!this.lineInvalid && !isUtf8(bytes.subarray(start, end))) this.lineInvalid = true;
      if (nl < 0) return;
      this.endLine();
      start = nl + 1;
    }
  }

  /** End of input: a character left incomplete belongs to the last, unterminated line. */
  finish(): void {
    if (this.carry) this.lineInvalid = true;
    this.carry = null;
    if (this.lineInvalid) this.endLine();
  }

  private endLine(): void {
    if (this.lineInvalid) this.invalidLines++;
    this.lineInvalid = false;
  }
}

/**
 * The length of `bytes` without a multi-byte character that starts in its
 * last three bytes but does not end in them (it may end in the next chunk).
 */
export function completeLength(bytes: Buffer): number {
  const n = bytes.length;
  for (let i = n - 1; i >= Math.max(0, n - 3); i--) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf5 ? 0 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 ? 2 : 0;
    return need > n - i ? i : n;
  }
  return n;
}
