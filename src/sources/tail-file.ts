import { createHash } from 'node:crypto';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { inputEncoding } from './input-encoding.js';
import type { OpenedInput } from './open-input.js';

/** How many first bytes of a file tell it from another file that reuses its inode. */
export const FINGERPRINT_BYTES = 256;

const READ_CHUNK = 1 << 20;
/** An unterminated line longer than this is passed on without waiting for its end. */
const MAX_HELD_BYTES = 8 << 20;

/**
 * Where a file was read up to: its identity (device, inode, and a hash of
 * its first bytes, so a reused inode is not mistaken for it) and the offset.
 */
export interface FilePosition {
  path: string;
  dev: number;
  ino: number;
  offset: number;
  /** How many first bytes `fingerprint` hashes (fewer while the file was shorter). */
  fingerprintBytes: number;
  fingerprint: string;
}

/** One followed path: the file at it now, read from `offset`, its complete lines passed on to `opened.stream`. */
export class TailFile {
  readonly opened: OpenedInput;
  /** Read no more: stopped, failed or deleted. */
  done = false;
  /** Deleted, read to its end and closed: nothing of it is left to remember. */
  released = false;
  private readonly out = new PassThrough({ highWaterMark: READ_CHUNK });
  private readonly decoder = inputEncoding() === null ? null : new TextDecoder(inputEncoding()!);
  /** Bytes passed on to `out` (over every file at this path). */
  private passed = 0;
  /** Read, but not passed on yet: the unterminated last line. */
  private held: Buffer = Buffer.alloc(0);
  private stopped = false;
  private reading: Promise<void> | null = null;

  constructor(
    readonly path: string,
    private handle: FileHandle,
    private dev: number,
    private ino: number,
    /** Where the next read starts. */
    private offset: number,
    private head: Buffer,
    private readonly options: {
      /** Takes the position of a file rotated away from this path. */
      leave: (position: FilePosition) => void;
      keepPartialLines: boolean;
    },
  ) {
    this.opened = {
      stream: this.out,
      bytesRead: () => this.passed,
      gzip: false,
      stop: () => {
        this.stopped = true;
        if (!options.keepPartialLines) this.passOn(this.takeHeld());
        void this.close();
      },
      checkComplete: () => Promise.resolve(null),
    };
  }

  get identity(): string {
    return identity(this.dev, this.ino);
  }

  /** Where this file was passed on up to: the lines still held are read again by the next run. */
  position(): FilePosition {
    const fingerprintBytes = Math.min(this.head.length, FINGERPRINT_BYTES);
    const offset = this.offset - this.held.length;
    return { path: this.path, dev: this.dev, ino: this.ino, offset, fingerprintBytes, fingerprint: hash(this.head.subarray(0, fingerprintBytes)) };
  }

  flow(): { path: string; passedOn: number; waiting: boolean } {
    return { path: this.path, passedOn: this.passed, waiting: this.out.readableLength > 0 || this.out.writableLength > 0 };
  }

  /** Reads what was written since the last poll, and follows a rotation, truncation or deletion. */
  poll(): Promise<void> {
    this.reading ??= this.check().finally(() => (this.reading = null));
    return this.reading;
  }

  private async check(): Promise<void> {
    if (this.done) return;
    try {
      const size = (await this.handle.stat()).size;
      // Truncated in place (copytruncate): what is there now is new. A file
      // truncated and written past the old offset between two polls shows
      // by its first bytes, unless they are the same as before.
      if (size < this.offset || !(await this.startsAsBefore(size))) this.restart();
      await this.readToEnd();
      let now;
      try {
        now = await stat(this.path);
      } catch {
        // Deleted: the open file is read to its end (what was written after the read above too), then released.
        await this.readToEnd();
        this.passOn(this.takeHeld());
        this.released = true;
        return await this.close();
      }
      if (now.ino !== this.ino || now.dev !== this.dev) {
        // Renamed away and recreated (logrotate's create): finish the old file, then follow the new one.
        await this.readToEnd();
        if (this.done) return;
        this.passOn(this.takeHeld());
        this.options.leave(this.position());
        const next = await open(this.path, 'r');
        await this.handle.close();
        this.handle = next;
        const info = await next.stat();
        this.dev = info.dev;
        this.ino = info.ino;
        this.restart();
        await this.readToEnd();
      }
    } catch (err) {
      // Stopped while reading, or the file vanished between two steps: what was read stands.
      if (this.done) return;
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        this.released = true;
        return await this.close();
      }
      this.out.destroy(err as Error);
      await this.close();
    }
  }

  private async startsAsBefore(size: number): Promise<boolean> {
    if (this.head.length === 0) return true;
    const now = await readHead(this.handle, Math.min(size, this.head.length));
    return now.equals(this.head);
  }

  /** The file at the path is another one, or the same one emptied: read it from its start. */
  private restart(): void {
    this.offset = 0;
    this.head = Buffer.alloc(0);
    this.held = Buffer.alloc(0);
  }

  /** Reads from the offset to the current end, waiting for the reader when its buffer is full. */
  private async readToEnd(): Promise<void> {
    const buf = Buffer.allocUnsafe(READ_CHUNK);
    while (!this.stopped && !this.done) {
      const { bytesRead } = await this.handle.read(buf, 0, READ_CHUNK, this.offset);
      if (bytesRead === 0 || this.stopped || this.done) return;
      const chunk = Buffer.from(buf.subarray(0, bytesRead));
      if (this.head.length < FINGERPRINT_BYTES && this.offset <= this.head.length) {
        this.head = Buffer.concat([this.head, chunk.subarray(this.head.length - this.offset, FINGERPRINT_BYTES - this.offset)]);
      }
      this.offset += bytesRead;
      // Complete lines only: a line being written is passed on once it ends,
      // so a checkpoint never falls inside one (a huge one is passed on as it is).
      const data = this.held.length > 0 ? Buffer.concat([this.held, chunk]) : chunk;
      const end = data.lastIndexOf(0x0a) + 1;
      const cut = end === 0 && data.length >= MAX_HELD_BYTES ? data.length : end;
      this.held = data.subarray(cut);
      if (cut > 0 && !this.passOn(data.subarray(0, cut))) await waitForDrain(this.out);
    }
  }

  private takeHeld(): Buffer {
    const held = this.held;
    this.held = Buffer.alloc(0);
    return held;
  }

  /** Hands bytes to the reader; false when its buffer is full. */
  private passOn(bytes: Buffer): boolean {
    if (bytes.length === 0 || this.out.writableEnded || this.out.destroyed) return true;
    this.passed += bytes.length;
    // Whole lines are passed on: in another encoding (`--encoding`) they are re-encoded as UTF-8 one run at a time.
    return this.out.write(this.decoder === null ? bytes : Buffer.from(this.decoder.decode(bytes), 'utf8'));
  }

  /** Ends the stream (what was written to it still flows out) and releases the file. */
  async close(): Promise<void> {
    if (this.done) return;
    this.done = true;
    if (!this.out.writableEnded && !this.out.destroyed) this.out.end();
    await this.handle.close().catch(() => undefined);
  }
}

export function identity(dev: number, ino: number): string {
  return `${dev}:${ino}`;
}

function hash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Whether `head`, a file's first bytes, starts the way the recorded file did. */
export function sameStart(position: FilePosition, head: Buffer): boolean {
  return head.length >= position.fingerprintBytes && hash(head.subarray(0, position.fingerprintBytes)) === position.fingerprint;
}

export async function readHead(handle: FileHandle, size: number): Promise<Buffer> {
  const buf = Buffer.alloc(Math.min(size, FINGERPRINT_BYTES));
  const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
  return buf.subarray(0, bytesRead);
}

function waitForDrain(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
