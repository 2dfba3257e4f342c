import { isJsonScalar, isNumberStart, isScalarByte } from './json-scalar.js';

/** Where a document stopped being readable, and why. */
export interface DocumentError {
  line: number;
  message: string;
}

/** What the scanner reports, in document order. An error returned stops the scanning. */
export interface StructureListener {
  /** An array or object opens: its `[` or `{` is at absolute offset `at`, on `line`. */
  open(object: boolean, at: number, line: number): DocumentError | null;
  /** An array or object closes: its `]` or `}` is at absolute offset `at`, on `line`. */
  close(object: boolean, at: number, line: number): DocumentError | null;
  /** A value that is no container begins: a string or number, or (`stringOrNumber` false) `true`, `false` or `null`. */
  scalar(stringOrNumber: boolean): void;
}

// What may come next, outside strings.
const ROOT = 0;
const VALUE = 1;
const VALUE_OR_CLOSE = 2;
const KEY = 3;
const KEY_OR_CLOSE = 4;
const COLON = 5;
const COMMA_OR_CLOSE = 6;

const EXPECTED = ['a JSON array or object', 'a value', 'a value or "]"', 'a quoted key', 'a quoted key or "}"', '":"'];

/** A number or `true`/`false`/`null` carried between chunks is never longer than this. */
const MAX_SCALAR_BYTES = 4096;
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

/**
 * Follows the JSON grammar over byte chunks cut anywhere, and reports where
 * arrays and objects open and close, by absolute offset and line. JSON
 * values written one after another are read in turn; a UTF-8 byte order mark
 * at the start is skipped. Strings are not decoded: only their ends are
 * found. At the first byte the grammar does not allow (or an error from the
 * listener) it stops, sets `error`, and from then on only counts lines.
 * @example
 * const scanner = new JsonByteScanner({ open: (o, at, line) => null, close: () => null, scalar: () => undefined }, 512);
 * scanner.write(Buffer.from('[{"a":\n1}]')); // open(false, 0, 1), open(true, 1, 1), scalar(true), close(true, 8, 2), close(false, 9, 2)
 */
export class JsonByteScanner {
  /** The first damage, or null while the input reads well. */
  error: DocumentError | null = null;
  /** Absolute offset of the next chunk. */
  bytesRead = 0;

  /** Whether each open container is an object, and the line it opened on. */
  private readonly objects: boolean[] = [];
  private readonly openedOn: number[] = [];
  private depth = 0;
  private expect = ROOT;
  /** The line of the byte being read: 1 + the newlines before it. */
  private line = 1;
  private lastByte = -1;
  private bomBytes = 0;
  private inString = false;
  private escaped = false;
  /**
   * Where the next quote, newline and backslash are in the chunk (its
   * length when there is none), once looked for: each is looked for again
   * only once passed, so a string with many escapes is still read in one
   * pass.
   */
  private nextQuote = -1;
  private nextNewline = -1;
  private nextBackslash = -1;
  /** A number or literal that goes on in the next chunk. */
  private scalar: Buffer | null = null;
  private ended = false;

  constructor(
    private readonly listener: StructureListener,
    private readonly maxDepth: number,
  ) {}

  /** Physical lines read: `\n`-separated, a last line without `\n` included; 0 for empty input. */
  get lines(): number {
    return this.line - 1 + (this.lastByte >= 0 && this.lastByte !== 0x0a ? 1 : 0);
  }

  /** Bytes of a number or literal kept for the next chunk. */
  get heldBytes(): number {
    return this.scalar?.length ?? 0;
  }

  /** Scans the next chunk. */
  write(chunk: Buffer): void {
    if (chunk.length === 0 || this.ended) return;
    this.lastByte = chunk[chunk.length - 1]!;
    if (this.error === null) {
      this.nextQuote = -1;
      this.nextNewline = -1;
      this.nextBackslash = -1;
      const stop = this.scan(chunk, this.skipByteOrderMark(chunk));
      if (this.error !== null) this.countLines(chunk, stop);
    } else this.countLines(chunk, 0);
    this.bytesRead += chunk.length;
  }

  /** Ends the input: a value still open is damage (it was cut short). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.error !== null || this.depth === 0) return;
    const d = this.depth - 1;
    const inside = this.inString ? 'a string' : this.scalar !== null ? 'a number' : `the ${this.objects[d] ? 'object' : 'array'} opened at line ${this.openedOn[d]}`;
    this.fail(Math.max(1, this.lines), `expected the document to go on, but the input ends inside ${inside}`);
  }

  /** Reads `chunk` from `from`; returns where it stopped counting lines (the chunk's length unless damaged). */
  private scan(chunk: Buffer, from: number): number {
    const n = chunk.length;
    let i = from;
    if (this.inString) i = this.readString(chunk, i);
    else if (this.scalar !== null) i = this.finishScalar(chunk, i);
    while (i < n && this.error === null) {
      const c = chunk[i]!;
      switch (c) {
        case 0x20:
        case 0x09:
        case 0x0d:
          i++;
          break;
        case 0x0a:
          this.line++;
          i++;
          break;
        case 0x22 /* " */: {
          const expect = this.expect;
          if (expect === KEY || expect === KEY_OR_CLOSE) this.expect = COLON;
          else if (expect === VALUE || expect === VALUE_OR_CLOSE) this.beginScalar(true);
          else return this.unexpected(c, i);
          this.inString = true;
          i = this.readString(chunk, i + 1);
          break;
        }
        case 0x7b /* { */:
        case 0x5b /* [ */:
          if (!this.open(c === 0x7b, i, c)) return i;
          i++;
          break;
        case 0x7d /* } */:
        case 0x5d /* ] */:
          if (!this.close(c === 0x7d, i, c)) return i;
          i++;
          break;
        case 0x3a /* : */:
          if (this.expect !== COLON) return this.unexpected(c, i);
          this.expect = VALUE;
          i++;
          break;
        case 0x2c /* , */:
          if (this.expect !== COMMA_OR_CLOSE) return this.unexpected(c, i);
          this.expect = this.objects[this.depth - 1] ? KEY : VALUE;
          i++;
          break;
        default: {
          if (!isScalarByte(c) || (this.expect !== VALUE && this.expect !== VALUE_OR_CLOSE)) return this.unexpected(c, i);
          let end = i + 1;
          while (end < n && isScalarByte(chunk[end]!)) end++;
          if (end === n) {
            this.scalar = Buffer.from(chunk.subarray(i));
            return this.scalar.length > MAX_SCALAR_BYTES ? this.tooLongScalar(i) : n;
          }
          if (!isJsonScalar(chunk, i, end)) return this.badScalar(chunk.subarray(i, end), i);
          this.beginScalar(isNumberStart(c));
          i = end;
        }
      }
    }
    return i;
  }

  /**
   * Reads string bytes from `from` to the closing quote; returns the index
   * past it (the chunk's length when it goes on). The quote, the next
   * backslash and the next newline are found with `indexOf`, far faster
   * than looking at each byte: a backslash hides the byte after it, and a
   * newline inside a string is damage (JSON allows none, and lines are
   * counted outside strings). Other raw control characters are left to
   * `JSON.parse`.
   */
  private readString(chunk: Buffer, from: number): number {
    const n = chunk.length;
    let i = from;
    if (this.escaped && i < n) {
      if (chunk[i]! < 0x20) return this.rawControl(chunk[i]!, i);
      this.escaped = false;
      i++;
    }
    for (;;) {
      if (this.nextQuote < i) this.nextQuote = indexOrEnd(chunk, 0x22, i);
      const quote = this.nextQuote;
      if (this.nextNewline < i) this.nextNewline = indexOrEnd(chunk, 0x0a, i);
      if (this.nextBackslash < i) this.nextBackslash = indexOrEnd(chunk, 0x5c, i);
      const backslash = this.nextBackslash;
      if (backslash < quote) {
        if (this.nextNewline < backslash) return this.rawControl(0x0a, this.nextNewline);
        i = backslash + 2;
        if (i > n) {
          this.escaped = true;
          return n;
        }
        if (chunk[i - 1]! < 0x20) return this.rawControl(chunk[i - 1]!, i - 1);
        continue;
      }
      if (this.nextNewline < quote) return this.rawControl(0x0a, this.nextNewline);
      if (quote === n) return n;
      this.inString = false;
      return quote + 1;
    }
  }

  /** Completes a number or literal carried from the last chunk; returns the index past it. */
  private finishScalar(chunk: Buffer, from: number): number {
    let end = from;
    while (end < chunk.length && isScalarByte(chunk[end]!)) end++;
    const scalar = Buffer.concat([this.scalar!, chunk.subarray(from, end)]);
    if (scalar.length > MAX_SCALAR_BYTES) return this.tooLongScalar(from);
    if (end === chunk.length) {
      this.scalar = scalar;
      return end;
    }
    this.scalar = null;
    if (!isJsonScalar(scalar, 0, scalar.length)) return this.badScalar(scalar, from);
    this.beginScalar(isNumberStart(scalar[0]!));
    return end;
  }

  private beginScalar(stringOrNumber: boolean): void {
    this.expect = COMMA_OR_CLOSE;
    this.listener.scalar(stringOrNumber);
  }

  /** Opens an array or object whose first byte `c` is at `i` in the chunk. */
  private open(object: boolean, i: number, c: number): boolean {
    const expect = this.expect;
    if (expect !== VALUE && expect !== VALUE_OR_CLOSE && expect !== ROOT) return this.refuse(c);
    if (this.depth >= this.maxDepth) return this.fail(this.line, `expected arrays and objects nested at most ${this.maxDepth} deep, got deeper`);
    const error = this.listener.open(object, this.bytesRead + i, this.line);
    if (error !== null) return this.fail(error.line, error.message);
    this.objects[this.depth] = object;
    this.openedOn[this.depth] = this.line;
    this.depth++;
    this.expect = object ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
    return true;
  }

  /** Closes the array or object whose last byte `c` is at `i` in the chunk. */
  private close(object: boolean, i: number, c: number): boolean {
    const d = this.depth - 1;
    const expect = this.expect;
    if (d < 0 || this.objects[d] !== object || (expect !== COMMA_OR_CLOSE && expect !== (object ? KEY_OR_CLOSE : VALUE_OR_CLOSE))) return this.refuse(c);
    const error = this.listener.close(object, this.bytesRead + i, this.line);
    if (error !== null) return this.fail(error.line, error.message);
    this.depth = d;
    this.expect = d > 0 ? COMMA_OR_CLOSE : ROOT;
    return true;
  }

  private skipByteOrderMark(chunk: Buffer): number {
    let i = 0;
    while (this.bomBytes < 3 && this.bytesRead + i === this.bomBytes && i < chunk.length && chunk[i] === BYTE_ORDER_MARK[this.bomBytes]) {
      i++;
      this.bomBytes++;
    }
    return i;
  }

  /** Counts the newlines of `chunk` from `from`, once the input can no longer be read. */
  private countLines(chunk: Buffer, from: number): void {
    for (let nl = chunk.indexOf(0x0a, from); nl >= 0; nl = chunk.indexOf(0x0a, nl + 1)) this.line++;
  }

  private unexpected(c: number, i: number): number {
    this.refuse(c);
    return i;
  }

  /** Fails on byte `c`, which the grammar does not allow where it stands. */
  private refuse(c: number): false {
    const close = this.depth > 0 && this.objects[this.depth - 1] ? '"}"' : '"]"';
    const expected = this.expect === COMMA_OR_CLOSE ? `"," or ${close}` : EXPECTED[this.expect];
    return this.fail(this.line, `expected ${expected}, got ${describeByte(c)}`);
  }

  private rawControl(c: number, i: number): number {
    this.fail(this.line, `expected a string to close before the end of its line, got a raw control character 0x${c.toString(16).padStart(2, '0')} inside it`);
    return i;
  }

  private badScalar(bytes: Buffer, i: number): number {
    this.fail(this.line, `expected a number, true, false or null, got ${JSON.stringify(bytes.toString('latin1').slice(0, 40))}`);
    return i;
  }

  private tooLongScalar(i: number): number {
    this.fail(this.line, `expected a number, true, false or null, got more than ${MAX_SCALAR_BYTES} letters and digits`);
    return i;
  }

  private fail(line: number, message: string): false {
    if (this.error === null) this.error = { line, message };
    this.scalar = null;
    return false;
  }
}

function indexOrEnd(chunk: Buffer, byte: number, from: number): number {
  const at = chunk.indexOf(byte, from);
  return at < 0 ? chunk.length : at;
}

function describeByte(c: number): string {
  return c >= 0x20 && c < 0x7f ? JSON.stringify(String.fromCharCode(c)) : `byte 0x${c.toString(16).padStart(2, '0')}`;
}
