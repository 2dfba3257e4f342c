import { Transform, type TransformCallback } from 'node:stream';

/**
 * The encoding of the logs read (`--encoding`): null for UTF-8, the
 * default. Set once at start-up, before any input is opened; a UTF-16 input
 * announced by its byte order mark is read as such whatever it says.
 */
let encoding: string | null = null;

/** Sets the encoding of the logs read (null: UTF-8). */
export function setInputEncoding(name: string | null): void {
  encoding = name;
}

/** The encoding of the logs read, or null for UTF-8. */
export function inputEncoding(): string | null {
  return encoding;
}

/**
 * The name of the encoding a label gives, as TextDecoder knows it (`GBK` →
 * `gbk`, `gb2312` → `gbk`, `latin1` → `windows-1252`); null for a label it
 * does not know.
 * @example encodingOf('GB18030') // 'gb18030'
 */
export function encodingOf(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/**
 * Re-encodes text in another encoding (UTF-16, GBK, Big5, Shift_JIS…) as
 * UTF-8, so the rest of the pipeline splits and reads it like any log. A
 * byte order mark is dropped; a character split across chunks is kept
 * whole; bytes the encoding does not map become U+FFFD.
 * @example createReadStream('ps-redirect.log').pipe(new ToUtf8('utf-16le'))
 */
export class ToUtf8 extends Transform {
  private readonly decoder: TextDecoder;

  constructor(name: string) {
    super({ highWaterMark: 1 << 20 });
    this.decoder = new TextDecoder(name);
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
