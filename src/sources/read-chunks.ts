import { open } from 'node:fs/promises';
import { utf16FromBom } from './decode-utf16.js';
import { inputEncoding } from './input-encoding.js';
import { MAGIC_BYTES, detectCompression } from './detect-compression.js';
import type { InputSource } from './expand-inputs.js';
import { checkWholeFile, openInput } from './open-input.js';

/** An input's bytes as chunks, for a reader that is done with each chunk before asking for the next. */
export interface ChunkedInput {
  chunks: AsyncIterable<Buffer>;
  /** Raw bytes read so far (compressed size for gzip). */
  bytesRead(): number;
  gzip: boolean;
  /** Once the chunks are exhausted: why what was read is not the whole file, or null (as OpenedInput.checkComplete). */
  checkComplete(): Promise<string | null>;
}

/**
 * Opens a regular file for reading in chunks. A plain file is read into one
 * buffer used over and over — a chunk is valid only until the next is read —
 * so reading leaves nothing for the garbage collector; compressed data,
 * UTF-16 with a byte order mark (recognized from the first bytes, as
 * openInput does) and logs in another encoding (`--encoding`) come from
 * openInput's decoding stream.
 * Opening errors reject; read errors are thrown by the iteration.
 */
export async function readChunks(input: Extract<InputSource, { kind: 'file' }>, chunkBytes: number): Promise<ChunkedInput> {
  const handle = await open(input.path, 'r');
  let closeHandle = true;
  try {
    const opened = await handle.stat();
    const magic = Buffer.alloc(MAGIC_BYTES);
    // Read at a position, so the file's offset stays at 0 for the reads below.
    const { bytesRead: magicBytes } = await handle.read(magic, 0, MAGIC_BYTES, 0);
    const head = magic.subarray(0, magicBytes);
    if (detectCompression(head) !== null || utf16FromBom(head) || inputEncoding() !== null) {
      const decoded = await openInput(input);
      return { chunks: decoded.stream, bytesRead: decoded.bytesRead, gzip: decoded.gzip, checkComplete: decoded.checkComplete };
    }
    let total = 0;
    closeHandle = false;
    async function* chunks(): AsyncGenerator<Buffer> {
      try {
        // A small file gets a buffer its size (and a byte to see its end): one of chunkBytes per file of a directory of small logs is mostly garbage.
        const size = Math.min(chunkBytes, Math.max(16 * 1024, opened.size + 1));
        const buf = Buffer.allocUnsafeSlow(size);
        for (;;) {
          // From the file's own offset, as a stream reads: it shows in /proc/PID/fdinfo how far the run got.
          const { bytesRead } = await handle.read(buf, 0, size, null);
          if (bytesRead === 0) return;
          total += bytesRead;
          yield buf.subarray(0, bytesRead);
        }
      } finally {
        await handle.close();
      }
    }
    return {
      chunks: chunks(),
      bytesRead: () => total,
      gzip: false,
      checkComplete: () => (opened.isFile() ? checkWholeFile(input.path, opened, total) : Promise.resolve(null)),
    };
  } finally {
    if (closeHandle) await handle.close();
  }
}
