import type { Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Utf16ToUtf8, utf16FromBom } from './decode-utf16.js';
import type { InputSource } from './expand-inputs.js';

/** An opened input: its bytes (decompressed when gzip), and how many raw bytes were read. */
export interface OpenedInput {
  stream: Readable;
  /** Raw bytes read so far from the file or pipe (compressed size for gzip). */
  bytesRead(): number;
  gzip: boolean;
  /**
   * Stops reading the file or pipe: bytes already read still flow out, then
   * the stream ends, so a run stopped by a signal counts everything it read.
   */
  stop(): void;
  /**
   * Once the stream has ended: why what was read is not the whole file, or
   * null. A regular file that shrank while it was read (truncated, as
   * logrotate's copytruncate does) lost the bytes past the cut; one that
   * was replaced by a new file (rotated) leaves the new file unread.
   */
  checkComplete(): Promise<string | null>;
}

const READ_CHUNK = 1 << 20;

/**
 * Opens a file or stdin. Gzip is recognized from its first two bytes, not
 * the name, so `app.log.1` that is gzip and `app.log.gz` that is not both work;
 * so is UTF-16 with a byte order mark, which is re-encoded as UTF-8.
 * Errors (unreadable file, corrupt gzip) surface as the stream's 'error'.
 */
export async function openInput(source: Exclude<InputSource, { kind: 'failed' }>, signal?: AbortSignal): Promise<OpenedInput> {
  let raw: Readable;
  let opened: Stats | null = null;
  if (source.kind === 'stdin') raw = process.stdin;
  else {
    // The file is opened by hand so its size and identity at opening are known.
    const handle = await openUnlessStopped(source.path, signal);
    if (!handle) return nothingRead();
    try {
      opened = await handle.stat();
    } catch (err) {
      await handle.close();
      throw err;
    }
    raw = handle.createReadStream({ highWaterMark: READ_CHUNK });
  }
  let bytes = 0;
  const first = await readFirstChunk(raw, signal);
  const gzip = first !== null && first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b;
  const utf16 = !gzip && first !== null ? utf16FromBom(first) : null;
  const out = gzip ? createGunzip({ chunkSize: READ_CHUNK }) : utf16 ? new Utf16ToUtf8(utf16) : new PassThrough({ highWaterMark: READ_CHUNK });
  raw.on('error', (err) => out.destroy(err));
  if (first !== null) {
    bytes += first.length;
    out.write(first);
  }
  if (first === null) out.end();
  else {
    raw.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    raw.pipe(out);
  }
  const stop = (): void => {
    if (!out.writableEnded) {
      raw.unpipe(out);
      raw.pause();
      // Chunks already taken from the OS but not yet passed on are passed on.
      for (let chunk = raw.read() as Buffer | null; chunk !== null; chunk = raw.read() as Buffer | null) out.write(chunk);
      out.end();
    }
    raw.destroy();
  };
  const path = source.kind === 'file' ? source.path : null;
  return {
    stream: out,
    bytesRead: () => bytes,
    gzip,
    stop,
    checkComplete: () => (path && opened?.isFile() ? checkWholeFile(path, opened, bytes) : Promise.resolve(null)),
  };
}

/**
 * Opens a file for reading, or resolves null if the run is stopped first
 * (opening a FIFO waits for a writer; a stop must not wait with it).
 */
function openUnlessStopped(path: string, signal?: AbortSignal): Promise<FileHandle | null> {
  const opening = open(path, 'r');
  if (!signal) return opening;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      opening.then((handle) => handle.close(), () => undefined);
      resolve(null);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    opening.then(
      (handle) => {
        signal.removeEventListener('abort', onAbort);
        resolve(handle);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** An input stopped before it opened: it ends at once, having read nothing. */
function nothingRead(): OpenedInput {
  const stream = new PassThrough();
  stream.end();
  return { stream, bytesRead: () => 0, gzip: false, stop: () => undefined, checkComplete: () => Promise.resolve(null) };
}

/**
 * Why the `bytesRead` bytes read from the file at `path` (as it was when
 * opened) are not the whole file, or null: see OpenedInput.checkComplete.
 */
export async function checkWholeFile(path: string, opened: Stats, bytesRead: number): Promise<string | null> {
  if (bytesRead < opened.size) {
    return `file shrank while being read: read ${bytesRead} of the ${opened.size} bytes it had when opened (truncated in place, as by copytruncate?)`;
  }
  let now: Stats;
  try {
    now = await stat(path);
  } catch {
    // Removed after it was opened: the open file was still read to its end.
    return null;
  }
  if (now.ino !== opened.ino || now.dev !== opened.dev) {
    return 'replaced while being read (rotated?): the file that was open was read to its end; the new file at this path was not read';
  }
  return null;
}

/**
 * Waits for the first chunk (null at once-empty input, or when the signal
 * stops the run before anything arrived), rejecting on a read error.
 */
function readFirstChunk(stream: Readable, signal?: AbortSignal): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
      signal?.removeEventListener('abort', onEnd);
    };
    const onReadable = (): void => {
      const chunk = stream.read() as Buffer | null;
      if (chunk === null) return;
      cleanup();
      resolve(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(null);
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    stream.on('readable', onReadable);
    stream.on('end', onEnd);
    stream.on('error', onError);
    if (signal?.aborted) onEnd();
    else signal?.addEventListener('abort', onEnd, { once: true });
  });
}
