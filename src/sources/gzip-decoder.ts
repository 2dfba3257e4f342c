import { Transform, type TransformCallback } from 'node:stream';
import { createInflateRaw, crc32, type InflateRaw } from 'node:zlib';

/** Output chunks of the inflater: a corrupt deflate stream loses at most the output of the call that failed, this much. */
export const GZIP_OUTPUT_CHUNK = 128 * 1024;
/** A header's optional name, comment or extra field longer than this is taken as corrupt. */
const MAX_HEADER_BYTES = 64 * 1024;

const FLAG_HCRC = 0x02;
const FLAG_EXTRA = 0x04;
const FLAG_NAME = 0x08;
const FLAG_COMMENT = 0x10;

type State = 'header' | 'body' | 'trailer' | 'done';

/**
 * Gunzip that never throws away what it inflated. zlib's own gunzip drops the
 * output of the call in which it meets an error, so a member followed by
 * garbage, or with a bad CRC, loses up to a whole chunk of lines (all of them
 * for a small file). Here the gzip framing — headers, CRC-32 and size
 * trailers, members one after another, zero padding — is read in JavaScript
 * and only the deflate data goes to zlib, so every byte inflated before a
 * problem is passed on, then the stream ends normally and `failure` says
 * what was wrong (`corrupt gzip data (…)`, `truncated gzip data (…)`).
 * @example fs.createReadStream('app.log.gz').pipe(new GzipDecoder()).on('end', function () { console.log(this.failure) })
 */
export class GzipDecoder extends Transform {
  /** Why the data ended before its end, once the stream has ended; null when it was whole. */
  failure: string | null = null;
  private state: State = 'header';
  private pending: Buffer = Buffer.alloc(0);
  private inflater: InflateRaw | null = null;
  private crc = 0;
  private size = 0;
  private members = 0;
  /** The callback of the input (or the end) being read, called once its bytes are taken in. */
  private waiting: (() => void) | null = null;

  constructor() {
    super({ readableHighWaterMark: 1 << 20 });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.state === 'done') return done();
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    this.waiting = done;
    this.advance();
  }

  override _flush(done: TransformCallback): void {
    if (this.state === 'body' && this.inflater) {
      // The deflate data may be complete with nothing after it: ending the inflater says.
      const inflater = this.inflater;
      this.waiting = () => {
        if (this.state !== 'done' && this.state !== 'header') this.fail('truncated gzip data (unexpected end of file)');
        done();
      };
      inflater.once('end', () => {
        if (this.inflater !== inflater) return;
        this.state = 'trailer';
        this.advance();
      });
      inflater.end();
      return;
    }
    if (this.state === 'trailer' || (this.state === 'header' && (this.members === 0 || this.pending.length > 0))) {
      this.fail('truncated gzip data (unexpected end of file)');
    }
    done();
  }

  override _read(size: number): void {
    if (this.inflater?.isPaused()) this.inflater.resume();
    super._read(size);
  }

  private fail(message: string): void {
    this.failure ??= message;
    this.state = 'done';
    this.pending = Buffer.alloc(0);
    const inflater = this.inflater;
    this.inflater = null;
    inflater?.destroy();
  }

  /** Calls back the input waiting on the bytes read so far, once. */
  private settle(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }

  /** Reads as far as the pending bytes go, then lets the next input come. */
  private advance(): void {
    for (;;) {
      if (this.state === 'header') {
        if (this.pending.length === 0) return this.settle();
        if (this.members > 0 && this.pending[0] !== 0x1f) {
          // Zero bytes after a member are padding (tape blocks); anything else is garbage.
          if (this.pending.every((b) => b === 0)) this.pending = Buffer.alloc(0);
          else this.fail('corrupt gzip data (trailing garbage after the end of the gzip data)');
          return this.settle();
        }
        const length = headerLength(this.pending);
        if (length === null) return this.settle();
        if (typeof length === 'string') {
          this.fail(`corrupt gzip data (${length})`);
          return this.settle();
        }
        this.pending = this.pending.subarray(length);
        this.startMember();
        continue;
      }
      if (this.state === 'body') {
        if (this.pending.length === 0) return this.settle();
        const inflater = this.inflater!;
        const input = this.pending;
        const before = inflater.bytesWritten;
        inflater.write(input, () => {
          if (this.inflater !== inflater) return; // it failed: settled there
          const consumed = inflater.bytesWritten - before;
          this.pending = input.subarray(consumed);
          if (consumed === input.length) return this.settle();
          // The deflate data ended inside this input: once all its output is out, the trailer follows.
          const onEnd = (): void => {
            if (this.inflater !== inflater) return;
            this.state = 'trailer';
            this.advance();
          };
          if (inflater.readableEnded) onEnd();
          else inflater.once('end', onEnd);
        });
        return;
      }
      if (this.state === 'trailer') {
        if (this.pending.length < 8) return this.settle();
        const crc = this.pending.readUInt32LE(0);
        const size = this.pending.readUInt32LE(4);
        if (crc !== this.crc >>> 0) {
          this.fail('corrupt gzip data (CRC-32 mismatch: the data decompressed is not the data compressed)');
          return this.settle();
        }
        if (size !== this.size % 2 ** 32) {
          this.fail('corrupt gzip data (length mismatch: the data decompressed is not as long as the trailer says)');
          return this.settle();
        }
        this.pending = this.pending.subarray(8);
        this.inflater = null;
        this.state = 'header';
        continue;
      }
      return this.settle();
    }
  }

  private startMember(): void {
    this.members++;
    this.crc = 0;
    this.size = 0;
    this.state = 'body';
    const inflater = createInflateRaw({ chunkSize: GZIP_OUTPUT_CHUNK });
    this.inflater = inflater;
    inflater.on('data', (data: Buffer) => {
      this.crc = crc32(data, this.crc);
      this.size += data.length;
      if (!this.push(data)) inflater.pause();
    });
    inflater.on('error', (err: Error) => {
      if (this.inflater !== inflater) return;
      const truncated = /unexpected end/i.test(err.message);
      this.fail(truncated ? 'truncated gzip data (unexpected end of file)' : `corrupt gzip data (${err.message})`);
      // The write waiting on the inflater may never call back: the input is let go here.
      this.settle();
    });
  }
}

/**
 * The length of the gzip member header at the start of `bytes`, null when
 * more bytes are needed, or what is wrong with it.
 */
function headerLength(bytes: Buffer): number | null | string {
  if (bytes.length < 10) return bytes.length >= 2 && (bytes[0] !== 0x1f || bytes[1] !== 0x8b) ? 'incorrect header check' : null;
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return 'incorrect header check';
  if (bytes[2] !== 8) return 'unknown compression method';
  const flags = bytes[3]!;
  let at = 10;
  if (flags & FLAG_EXTRA) {
    if (bytes.length < at + 2) return null;
    at += 2 + bytes.readUInt16LE(at);
  }
  for (const flag of [FLAG_NAME, FLAG_COMMENT]) {
    if (!(flags & flag)) continue;
    const end = bytes.indexOf(0, at);
    if (end < 0) return bytes.length - at > MAX_HEADER_BYTES ? 'header field too long' : null;
    at = end + 1;
  }
  if (flags & FLAG_HCRC) at += 2;
  return bytes.length < at ? null : at;
}
