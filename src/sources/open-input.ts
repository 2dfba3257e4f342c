import type { Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { utf16FromBom } from './decode-utf16.js';
import { inputEncoding, ToUtf8 } from './input-encoding.js';
import { detectCompression, ZIP_EXTRACT } from './detect-compression.js';
import { ExternalDecoder } from './external-decoder.js';
import { GzipDecoder } from './gzip-decoder.js';
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
   * null. Gzip data that is cut, corrupt or followed by garbage ends the
   * stream after everything inflated before the problem, and is reported
   * here; so is a compressed stream its program could not decode (or is
   * not installed to), and a zip archive, which is refused and whose stream
   * has no bytes. A regular file that shrank while it was read (truncated,
   * as logrotate's copytruncate does) lost the bytes past the cut; one that
   * was replaced by a new file (rotated) leaves the new file unread.
   */
  checkComplete(): Promise<string | null>;
}

const READ_CHUNK = 1 << 20;
/** A compression inside another (gzip inside gzip) is decoded this many levels deep. */
const MAX_LAYERS = 4;

/**
 * Opens a file or stdin. Gzip is recognized from its first two bytes, not
 * the name, so `app.log.1` that is gzip and `app.log.gz` that is not both work;
 * so is UTF-16 with a byte order mark, which is re-encoded as UTF-8; zstd,
 * xz, bzip2 and lz4 are decoded by their own programs (see ExternalDecoder),
 * and zip is refused (see checkComplete).
 * Read errors surface as the stream's 'error'; gzip problems through checkComplete.
 */
export async function openInput(source: Exclude<InputSource, { kind: 'failed' }>, signal?: AbortSignal): Promise<OpenedInput> {
  let raw: Readable;
  let opened: Stats | null = null;
  const small = source.kind === 'file' && source.size !== null && source.size <= SMALL_FILE_BYTES ? readSmallFile(source.path) : null;
  if (source.kind === 'stdin') raw = process.stdin;
  else if (small) {
    opened = small.stats;
    raw = Readable.from(small.bytes.length > 0 ? [small.bytes] : [], { objectMode: false });
  } else {
    // The file is opened by hand so its size and identity at opening are known.
    const handle = await openUnlessStopped(source.path, signal);
    if (!handle) return nothingRead();
    try {
      opened = await handle.stat();
    } catch (err) {
      await handle.close();
      throw err;
    }
    // A small file gets a small read buffer: a 1 MiB one per file of a directory of 10,000 small logs is gigabytes of garbage.
    raw = handle.createReadStream({ highWaterMark: readChunkFor(opened.size) });
  }
  let bytes = 0;
  const first = await readFirstChunk(raw, signal);
  if (first !== null) {
    bytes += first.length;
    raw.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
  }
  // Each compressed layer is peeled (gzip inside gzip too): gzip here, zstd, xz, bzip2 and lz4 by their programs; zip is refused, never read as text.
  const decoders: (GzipDecoder | ExternalDecoder)[] = [];
  let upstream: Readable = raw;
  let head = first;
  let refused: string | null = null;
  while (head !== null) {
    const compression = detectCompression(head);
    if (compression === null) break;
    const inside = decoders.length > 0 ? ' inside another compression' : '';
    if (compression === 'zip') {
      refused = `zip archive${inside}: mqerr reads plain text and compressed logs, not archives of files; extract it first (${ZIP_EXTRACT} FILE | mqerr)`;
      break;
    }
    if (decoders.length === MAX_LAYERS) {
      refused = `compression nested more than ${MAX_LAYERS} levels deep: not read`;
      break;
    }
    const decoder = compression === 'gzip' ? new GzipDecoder() : new ExternalDecoder(compression);
    decoder.write(head);
    upstream.pipe(decoder);
    decoders.push(decoder);
    upstream = decoder;
    head = await readFirstChunk(decoder, signal);
  }
  const utf16 = head !== null && refused === null ? utf16FromBom(head) : null;
  // A byte order mark says what a file is, whatever `--encoding` says of the logs.
  const encoding = utf16 ?? inputEncoding();
  const out = encoding ? new ToUtf8(encoding) : new PassThrough({ highWaterMark: READ_CHUNK });
  raw.on('error', (err) => out.destroy(err));
  for (const decoder of decoders) decoder.on('error', (err) => out.destroy(err));
  if (head === null || refused !== null) {
    out.end();
    raw.unpipe();
    raw.destroy();
  } else {
    out.write(head);
    upstream.pipe(out);
  }
  // What the file or pipe is read into: stopping ends it, and the end runs down the layers.
  const intake = decoders[0] ?? out;
  const stop = (): void => {
    if (!intake.writableEnded) {
      raw.unpipe(intake);
      raw.pause();
      // Chunks already taken from the OS but not yet passed on are passed on.
      for (let chunk = raw.read() as Buffer | null; chunk !== null; chunk = raw.read() as Buffer | null) intake.write(chunk);
      intake.end();
    }
    raw.destroy();
  };
  const path = source.kind === 'file' ? source.path : null;
  return {
    stream: out,
    bytesRead: () => bytes,
    gzip: decoders.length > 0,
    stop,
    checkComplete: () => {
      const failure = refused ?? decoders.find((d) => d.failure !== null)?.failure ?? null;
      if (failure !== null) return Promise.resolve(failure);
      if (small && path) return Promise.resolve(checkWholeFileSync(path, small.stats, bytes));
      return path && opened?.isFile() ? checkWholeFile(path, opened, bytes) : Promise.resolve(null);
    },
  };
}

/** A regular file this small is read whole, without a stream: its cost is then its bytes, not the event loop's round trips. */
const SMALL_FILE_BYTES = 64 * 1024;

/**
 * Reads a small regular file whole with synchronous calls (open, fstat,
 * read to its end, close), or returns null when it is not one any more
 * (then it is read as a stream). Opened non-blocking, so a path replaced by a
 * FIFO since it was listed cannot hang the run.
 */
function readSmallFile(path: string): { stats: Stats; bytes: Buffer } | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null; // reported as the stream path reports it
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > SMALL_FILE_BYTES) return null;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.max(stats.size - total, 0) + 1);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
    }
    return { stats, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The read size for a file of `size` bytes: its size and a byte to see its end, from 16 KiB to READ_CHUNK. */
function readChunkFor(size: number): number {
  return Math.min(READ_CHUNK, Math.max(16 * 1024, size + 1));
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
  if (bytesRead < opened.size) return shrank(opened, bytesRead);
  let now: Stats;
  try {
    now = await stat(path);
  } catch {
    // Removed after it was opened: the open file was still read to its end.
    return null;
  }
  return replaced(opened, now);
}

/** checkWholeFile with a synchronous stat: for a small file read whole, and for a file read by ranges once its last range is in. */
export function checkWholeFileSync(path: string, opened: Stats, bytesRead: number): string | null {
  if (bytesRead < opened.size) return shrank(opened, bytesRead);
  let now: Stats;
  try {
    now = statSync(path);
  } catch {
    return null;
  }
  return replaced(opened, now);
}

function shrank(opened: Stats, bytesRead: number): string {
  return `file shrank while being read: read ${bytesRead} of the ${opened.size} bytes it had when opened (truncated in place, as by copytruncate?)`;
}

function replaced(opened: Stats, now: Stats): string | null {
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
