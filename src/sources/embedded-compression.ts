import { isUtf8 } from 'node:buffer';
import { MAGIC_BYTES, detectCompression, type Compression } from './detect-compression.js';

/**
 * Compressed data inside a source read as text: a compressed file
 * concatenated with plain ones (`cat app.log app.log.1.gz | mqerr`). Only a
 * source's first bytes say it is compressed (see detectCompression); data
 * further on is read as lines of invalid UTF-8, and the logs inside it are
 * never seen, so the source says where it holds such data.
 */
export interface EmbeddedData {
  compression: Compression;
  /** The offset of the line it starts, in the source's text (its decompressed bytes, for a compressed source). */
  offset: number;
}

/**
 * The formats looked for: those whose magic numbers hold a byte UTF-8 never
 * allows there (gzip's 0x8b after 0x1f, zstd's 0xb5 after `(`, xz's 0xfd), so
 * that text never holds one and a chunk of text that ends in the middle of one
 * is followed by a chunk that is not UTF-8. bzip2's, lz4's and zip's are
 * ASCII, and logs rotated with those are rare.
 */
const EMBEDDED: ReadonlySet<Compression> = new Set(['gzip', 'zstd', 'xz']);
const MAGIC_FIRST = new Set([0x1f, 0x28, 0xfd]);

/**
 * Where in `buf[from, to)` the first line led by the magic number of gzip,
 * zstd or xz starts (each line after a newline, and the first one too when
 * `startsLine`), or -1. Bytes that are all valid UTF-8 hold none (see
 * EMBEDDED): a caller looks only in what isUtf8 rejects (see embeddedIn).
 * @example firstCompressedLine(Buffer.from('ok\n\x1f\x8b\x08\x00', 'latin1'), 0, 7, true) // 3
 */
export function firstCompressedLine(buf: Buffer, from: number, to: number, startsLine: boolean): number {
  for (let at = startsLine ? from : nextLine(buf, from, to); at >= 0 && at < to; at = nextLine(buf, at, to)) {
    if (MAGIC_FIRST.has(buf[at]!) && EMBEDDED.has(detectCompression(buf.subarray(at, Math.min(to, at + MAGIC_BYTES)))!)) return at;
  }
  return -1;
}

/** The start of the line after the one at `from`, or -1 when it ends at `to` or later. */
function nextLine(buf: Buffer, from: number, to: number): number {
  const nl = buf.indexOf(0x0a, from);
  return nl < 0 || nl >= to ? -1 : nl + 1;
}

/**
 * The compressed data a range of whole lines holds (see
 * firstCompressedLine), as an offset within it; null for none, or where
 * the range is valid UTF-8.
 */
export function embeddedIn(buf: Buffer): EmbeddedData | null {
  if (isUtf8(buf)) return null;
  const at = firstCompressedLine(buf, 0, buf.length, true);
  return at < 0 ? null : { compression: detectCompression(buf.subarray(at, at + MAGIC_BYTES))!, offset: at };
}

/**
 * Watches a source's text as it is read, chunk by chunk, for the first
 * compressed data inside it (see EmbeddedData), at the offset embeddedIn
 * gives for all of it. A chunk of valid UTF-8 costs one isUtf8 check; a
 * magic number cut by a chunk's end is found with the chunks after it.
 */
export class EmbeddedCompressionWatch {
  found: EmbeddedData | null = null;
  /** Bytes seen before the chunk being fed. */
  private seen = 0;
  /** The last bytes seen, up to a magic number's length. */
  private tail: Buffer = Buffer.alloc(0);
  /** Whether the tail starts a line (the source's start, or a newline just before it). */
  private tailStartsLine = true;
  /** Bytes of valid UTF-8 fed since the last chunk that was not. */
  private sinceInvalid = Infinity;

  feed(chunk: Buffer): void {
    if (this.found !== null || chunk.length === 0) return;
    // A magic number a chunk not valid UTF-8 ended in the middle of goes on in the next bytes, which may be valid.
    const invalid = !isUtf8(chunk);
    if (invalid || this.sinceInvalid < MAGIC_BYTES) {
      const bytes = this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk;
      const at = firstCompressedLine(bytes, 0, bytes.length, this.tailStartsLine);
      if (at >= 0) {
        this.found = { compression: detectCompression(bytes.subarray(at, at + MAGIC_BYTES))!, offset: this.seen - this.tail.length + at };
        return;
      }
    }
    this.sinceInvalid = invalid ? 0 : this.sinceInvalid + chunk.length;
    this.seen += chunk.length;
    // The last bytes seen, with the byte before them when there is one.
    const last = chunk.length > MAGIC_BYTES ? chunk.subarray(chunk.length - MAGIC_BYTES - 1) : Buffer.concat([this.tail, chunk]);
    if (last.length > MAGIC_BYTES) this.tailStartsLine = last[last.length - MAGIC_BYTES - 1] === 0x0a;
    this.tail = Buffer.from(last.subarray(Math.max(0, last.length - MAGIC_BYTES)));
  }
}

/**
 * Why a source's logs are not all read, when it holds compressed data
 * after its start: one line, saying where, and what reads them.
 * @example describeEmbeddedData({ compression: 'gzip', offset: 4000155 })
 */
export function describeEmbeddedData({ compression, offset }: EmbeddedData): string {
  return `${compression} data from byte ${offset} on (a compressed file concatenated with others?) is not decompressed: its lines are counted as invalid UTF-8 and the logs in it are not read; give the files to mqerr as arguments, which decompresses each`;
}
