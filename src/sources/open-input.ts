import { createReadStream } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
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
}

const READ_CHUNK = 1 << 20;

/**
 * Opens a file or stdin. Gzip is recognized from its first two bytes, not
 * the name, so `app.log.1` that is gzip and `app.log.gz` that is not both work.
 * Errors (unreadable file, corrupt gzip) surface as the stream's 'error'.
 */
export async function openInput(source: Exclude<InputSource, { kind: 'failed' }>, signal?: AbortSignal): Promise<OpenedInput> {
  const raw: Readable = source.kind === 'stdin' ? process.stdin : createReadStream(source.path, { highWaterMark: READ_CHUNK });
  let bytes = 0;
  const first = await readFirstChunk(raw, signal);
  const gzip = first !== null && first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b;
  const out = gzip ? createGunzip({ chunkSize: READ_CHUNK }) : new PassThrough({ highWaterMark: READ_CHUNK });
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
  return { stream: out, bytesRead: () => bytes, gzip, stop };
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
