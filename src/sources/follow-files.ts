import { open, type FileHandle } from 'node:fs/promises';
import { describeFsError, expandInputs } from './expand-inputs.js';
import type { OpenedInput } from './open-input.js';
import { identity, readHead, sameStart, TailFile, type FilePosition } from './tail-file.js';

export { FINGERPRINT_BYTES, type FilePosition } from './tail-file.js';

/** How often files are checked for new data, rotation, truncation, and new files under the patterns. */
export const FOLLOW_POLL_MS = 250;

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
  private readonly tails = new Map<string, TailFile>();
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
    const tail = new TailFile(path, handle, info.dev, info.ino, offset, head, {
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
