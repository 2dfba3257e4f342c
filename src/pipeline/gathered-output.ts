/** Writes bytes, calling `written` once they are written; resolves when the writer can take more. */
export type WriteBytes = (bytes: Buffer, written?: () => void) => Promise<void>;

interface Piece {
  bytes: Buffer;
  /** What to call once the piece is written: each joined piece's callback. */
  written: (() => void)[];
}

/**
 * The tagged output of the segments, gathered in order and written a batch
 * at a time. A segment's output arrives in pieces of one buffer, cut
 * wherever the main thread may finish a record in its place (a repeat's
 * `duplicateOf`, a record waiting for an earlier time); most such places add
 * nothing (most errors repeat no RequestId), and one write per piece cost a
 * system call per error (on the 100 MB benchmark corpus, 479 ms of the main
 * thread writing to /dev/null). Pieces that follow each other in the same
 * memory are joined back into one, without copying, and each run is written
 * once.
 * @example const out = new GatheredOutput(writeOut); out.add(head, noop); out.add(tail, recycle); out.flush(); // one write
 */
export class GatheredOutput {
  private readonly pieces: Piece[] = [];
  /** The last write's promise: resolves when the writer can take more. */
  writing: Promise<void> = Promise.resolve();

  constructor(private readonly write: WriteBytes) {}

  /** Adds a piece after the others; `written` is called once its bytes are written. */
  add(bytes: Buffer, written?: () => void): void {
    const last = this.pieces[this.pieces.length - 1];
    if (last && last.bytes.buffer === bytes.buffer && last.bytes.byteOffset + last.bytes.length === bytes.byteOffset) {
      last.bytes = Buffer.from(bytes.buffer, last.bytes.byteOffset, last.bytes.length + bytes.length);
      if (written) last.written.push(written);
      return;
    }
    this.pieces.push({ bytes, written: written ? [written] : [] });
  }

  /** Writes what was added since the last flush, in order: one write per run of joined pieces. */
  flush(): Promise<void> {
    for (const { bytes, written } of this.pieces) {
      this.writing = this.write(bytes, written.length === 0 ? undefined : () => written.forEach((callback) => callback()));
    }
    this.pieces.length = 0;
    return this.writing;
  }
}
