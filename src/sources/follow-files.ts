import { createHash } from 'node:crypto';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { describeFsError, expandInputs } from './expand-inputs.js';
import type { OpenedInput } from './open-input.js';

/** How often files are checked for new data, rotation, truncation, and new files under the patterns. */
export const FOLLOW_POLL_MS = 250;

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

export interface FollowOptions {
  pollMs?: number;
  signal: AbortSignal;
  /** A file to read: its bytes arrive on `opened.stream` as they are written, until it is deleted or the run stops. */
  onFile(name: string, opened: OpenedInput): void;
  /** A path that cannot be followed (permission denied…), said once per path. */
  onError(name: string, message: string): void;
  /** Positions from a checkpoint: a file found with the same identity continues from its offset. */
  positions?: readonly FilePosition[];
  /**
   * Leave an unterminated last line for the next run when stopped (with a
   * checkpoint), instead of passing it on as the end of the file.
   */
  keepPartialLines?: boolean;
  /** Files never followed, though a pattern matches them (mqerr's own state file under a followed directory). */
  ignore?: (path: string) => boolean;
  /** Runs between two polls, every file read to its end: where a checkpoint is taken. */
  betweenPolls?: () => Promise<void>;
}

/**
 * Follows files like `tail -F`, for files, directories (recursively) and
 * globs: a file present at start is read from its beginning, then as it
 * grows; a file renamed and recreated (logrotate's `create`) is read to its
 * end and the new file at the path followed; a file truncated in place
 * (`copytruncate`) is read again from its start; a file appearing later
 * under a pattern is read from its start; a deleted file is read to its end
 * and released. Gzip files (rotated archives) are not followed.
 * `run()` resolves once the signal stops the run and every file's stream has ended.
 * @example await new FileFollower(['/var/log/app/*.log'], { signal, onFile: (name, opened) => read(name, opened), onError }).run()
 */
export class FileFollower {
  private readonly tails = new Map<string, Tail>();
  /** Where files no longer followed under their path (rotated away) were left: by `dev:ino`. */
  private readonly known = new Map<string, FilePosition>();
  private readonly reported = new Set<string>();
  private readonly pollMs: number;

  constructor(
    private readonly paths: readonly string[],
    private readonly options: FollowOptions,
  ) {
    this.pollMs = options.pollMs ?? FOLLOW_POLL_MS;
    for (const p of options.positions ?? []) this.known.set(identity(p.dev, p.ino), p);
  }

  async run(): Promise<void> {
    const { signal } = this.options;
    while (!signal.aborted) {
      await this.discover();
      await Promise.all([...this.tails.values()].map((tail) => tail.poll()));
      for (const [path, tail] of this.tails) {
        if (tail.released) this.tails.delete(path);
      }
      if (signal.aborted) break;
      await this.options.betweenPolls?.();
      if (signal.aborted) break;
      await sleep(this.pollMs, signal);
    }
    for (const tail of this.tails.values()) await tail.close();
  }

  /** Finds the files the patterns match now and starts following those not followed yet. */
  private async discover(): Promise<void> {
    const found = await expandInputs(this.paths);
    for (const input of found) {
      if (input.kind === 'failed') {
        // A path or pattern with nothing there yet is waited for, as tail -F does.
        if (input.error === 'no such file or directory' || input.error === 'no file matches this pattern') continue;
        this.report(input.name, input.error);
        continue;
      }
      if (input.kind !== 'file' || input.size === null || this.tails.has(input.path) || this.options.ignore?.(input.path)) continue;
      await this.startTail(input.path);
    }
  }

  private async startTail(path: string): Promise<void> {
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.report(path, describeFsError(err));
      return;
    }
    const info = await handle.stat();
    const key = identity(info.dev, info.ino);
    // The same file under a second name (a rotated file still being read under its old one) is read once.
    for (const tail of this.tails.values()) {
      if (tail.identity === key) {
        await handle.close();
        return;
      }
    }
    const head = await readHead(handle, info.size);
    if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
      await handle.close();
      return;
    }
    const known = this.known.get(key);
    const offset = known && sameStart(known, head) && known.offset <= info.size ? known.offset : 0;
    this.known.delete(key);
    const tail = new Tail(path, handle, info.dev, info.ino, offset, head, {
      leave: (left) => this.known.set(identity(left.dev, left.ino), left),
      keepPartialLines: this.options.keepPartialLines ?? false,
    });
    this.tails.set(path, tail);
    this.options.onFile(path, tail.opened);
  }

  private report(name: string, message: string): void {
    if (this.reported.has(name)) return;
    this.reported.add(name);
    this.options.onError(name, message);
  }

  /** Every followed file's position (up to the last line passed on), and those of files rotated away. */
  positions(): FilePosition[] {
    return [...[...this.tails.values()].filter((t) => !t.released).map((t) => t.position()), ...this.known.values()];
  }

  /** The followed paths, each with whether all it passed on is still waiting in its stream. */
  streams(): { path: string; passedOn: number; waiting: boolean }[] {
    return [...this.tails.values()].filter((t) => !t.done).map((t) => t.flow());
  }
}

/** One followed path: the file at it now, read from `offset`, its complete lines passed on to `opened.stream`. */
class Tail {
  readonly opened: OpenedInput;
  /** Read no more: stopped, failed or deleted. */
  done = false;
  /** Deleted, read to its end and closed: nothing of it is left to remember. */
  released = false;
  private readonly out = new PassThrough({ highWaterMark: READ_CHUNK });
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
    return this.out.write(bytes);
  }

  /** Ends the stream (what was written to it still flows out) and releases the file. */
  async close(): Promise<void> {
    if (this.done) return;
    this.done = true;
    if (!this.out.writableEnded && !this.out.destroyed) this.out.end();
    await this.handle.close().catch(() => undefined);
  }
}

function identity(dev: number, ino: number): string {
  return `${dev}:${ino}`;
}

function hash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Whether `head`, a file's first bytes, starts the way the recorded file did. */
function sameStart(position: FilePosition, head: Buffer): boolean {
  return head.length >= position.fingerprintBytes && hash(head.subarray(0, position.fingerprintBytes)) === position.fingerprint;
}

async function readHead(handle: FileHandle, size: number): Promise<Buffer> {
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

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
