import { Transform, type TransformCallback } from 'node:stream';

/** The UTF-16 a byte order mark announces, or null: FF FE is little-endian, FE FF big-endian. */
export function utf16FromBom(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (head.length < 2) return null;
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Re-encodes UTF-16 text (what Windows PowerShell's `>` writes) as UTF-8, so
 * the rest of the pipeline splits and reads it like any log. The byte order
 * mark is dropped; a code unit split across chunks is kept whole; an
 * unpaired surrogate becomes U+FFFD.
 * @example createReadStream('ps-redirect.log').pipe(new Utf16ToUtf8('utf-16le'))
 */
export class Utf16ToUtf8 extends Transform {
  private readonly decoder: TextDecoder;

  constructor(encoding: 'utf-16le' | 'utf-16be') {
    super({ highWaterMark: 1 << 20 });
    this.decoder = new TextDecoder(encoding);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const text = this.decoder.decode(chunk, { stream: true });
    if (text.length > 0) this.push(Buffer.from(text, 'utf8'));
    done();
  }

  override _flush(done: TransformCallback): void {
    const text = this.decoder.decode();
    if (text.length > 0) this.push(Buffer.from(text, 'utf8'));
    done();
  }
}
