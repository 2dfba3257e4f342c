import { Transform, type TransformCallback } from 'node:stream';

/** A tar archive is made of 512-byte blocks: a header before each member, its data padded to a whole block. */
const BLOCK = 512;

/**
 * Whether `bytes` start with a tar header (POSIX ustar, GNU or pax, as
 * `tar -c` writes them): `ustar` at offset 257 and a checksum that adds up
 * (the header's bytes summed, its own checksum field counted as spaces).
 * @example isTarHeader(Buffer.alloc(512)) // false
 */
export function isTarHeader(bytes: Buffer): boolean {
  if (bytes.length < BLOCK || bytes.toString('latin1', 257, 262) !== 'ustar') return false;
  const stored = octal(bytes, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : bytes[i]!;
  return stored === sum;
}

/**
 * A number tar writes in octal digits, `length` bytes at `at`, leading
 * blanks and a NUL or blank after; GNU's base-256 form for sizes past 8 GiB
 * (the first byte's high bit set). NaN for a field that is neither.
 */
function octal(bytes: Buffer, at: number, length: number): number {
  if (bytes[at]! & 0x80) {
    let value = bytes[at]! & 0x7f;
    for (let i = at + 1; i < at + length; i++) value = value * 256 + bytes[i]!;
    return value;
  }
  const end = at + length;
  let i = at;
  while (i < end && bytes[i] === 0x20) i++;
  let value = 0;
  const first = i;
  for (; i < end && bytes[i]! >= 0x30 && bytes[i]! <= 0x37; i++) value = value * 8 + bytes[i]! - 0x30;
  if (i === first) return NaN;
  for (; i < end; i++) if (bytes[i] !== 0 && bytes[i] !== 0x20) return NaN;
  return value;
}

/** Member types whose data is a file's bytes: regular files (`0`, and NUL of old tars) and contiguous ones (`7`). */
const FILE_TYPES = new Set([0x30, 0x00, 0x37]);

/**
 * A tar archive's files, one after another, as `tar -xOf` writes them: the
 * data of each regular file, a newline after any that does not end with
 * one (so that the next file's first line starts a line of its own);
 * headers, padding, directories, links and the archive's own metadata
 * (pax and GNU long-name records) left out. Bytes after the two zero blocks
 * that end the archive are ignored; a block where a header should be that is
 * none ends the stream with an error that says at which byte.
 * @example Readable.from([tarBytes]).pipe(new TarContents()) // the files' lines
 */
export class TarContents extends Transform {
  /** Bytes of the header being gathered. */
  private header = Buffer.alloc(BLOCK);
  private headerBytes = 0;
  /** Data bytes of the current member still to come, and whether they are passed on. */
  private dataLeft = 0;
  private passing = false;
  /** Padding bytes after the current member's data still to skip. */
  private padLeft = 0;
  /** The last byte passed on of the current member, to end it with a newline. */
  private lastByte = 0x0a;
  /** Bytes of the archive taken so far. */
  private offset = 0;
  private ended = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let at = 0;
    while (at < chunk.length && !this.ended) {
      if (this.dataLeft > 0) {
        const take = Math.min(this.dataLeft, chunk.length - at);
        if (this.passing) {
          this.push(chunk.subarray(at, at + take));
          this.lastByte = chunk[at + take - 1]!;
        }
        this.dataLeft -= take;
        at += take;
        this.offset += take;
        if (this.dataLeft === 0) this.endMember();
      } else if (this.padLeft > 0) {
        const skip = Math.min(this.padLeft, chunk.length - at);
        this.padLeft -= skip;
        at += skip;
        this.offset += skip;
      } else {
        const take = Math.min(BLOCK - this.headerBytes, chunk.length - at);
        chunk.copy(this.header, this.headerBytes, at, at + take);
        this.headerBytes += take;
        at += take;
        this.offset += take;
        if (this.headerBytes === BLOCK) {
          const error = this.takeHeader();
          if (error) return done(error);
        }
      }
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    if (!this.ended && (this.dataLeft > 0 || this.headerBytes > 0)) return done(new Error(`the tar archive ends inside a member, at byte ${this.offset}`));
    done();
  }

  /** Reads the header gathered: a member's size and type, or the end of the archive. */
  private takeHeader(): Error | null {
    const header = this.header;
    this.headerBytes = 0;
    const at = this.offset - BLOCK;
    if (header.every((b) => b === 0)) {
      this.ended = true;
      return null;
    }
    if (!isTarHeader(header)) return new Error(`corrupt tar archive: no member header at byte ${at}`);
    const size = octal(header, 124, 12);
    if (!Number.isFinite(size)) return new Error(`corrupt tar archive: a member's size is no number, at byte ${at}`);
    this.dataLeft = size;
    this.padLeft = (BLOCK - (size % BLOCK)) % BLOCK;
    this.passing = FILE_TYPES.has(header[156]!);
    this.lastByte = 0x0a;
    if (size === 0) this.endMember();
    return null;
  }

  /** A member's data has all been passed on: its last line gets its newline. */
  private endMember(): void {
    if (this.passing && this.lastByte !== 0x0a) this.push(Buffer.from('\n'));
    this.passing = false;
  }
}
