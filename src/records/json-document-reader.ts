import { isUtf8 } from 'node:buffer';
import { ByteWindow } from './byte-window.js';
import { isJsonScalar, isNumberStart, isScalarByte } from './json-scalar.js';
import { readObjectFields } from './read-object-fields.js';

/** One entry of a JSON document: a log event as the platform that exported it wrote it. */
export interface DocumentEntry {
  /** The entry, parsed: an object, or a `[time, line]` pair as Loki writes its values. */
  value: object | [unknown, unknown];
  /**
   * The fields of the objects that enclose the entry, read before the array
   * that holds it (Loki's `stream` labels, an export's query), inner ones
   * winning over outer ones on the same key; null when there are none. Only
   * scalars and small objects are taken, never arrays. One object is shared
   * by all the entries of an enclosing object: read it, do not change it.
   */
  context: Record<string, unknown> | null;
  /** The 1-based line of the entry's first byte (its `{` or `[`). */
  firstLine: number;
  /** The 1-based line of the entry's last byte (its `}` or `]`). */
  lastLine: number;
}

/** Bounds on what one entry may hold in memory. */
export interface DocumentLimits {
  /** An entry longer than this many bytes is not read but counted in `skipped`. */
  maxEntryBytes: number;
  /** A field of an enclosing object goes into `context` only when its value is at most this many bytes. */
  maxContextFieldBytes: number;
  /** Arrays and objects nested deeper than this are taken as damage. */
  maxDepth: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = { maxEntryBytes: 4 * 1024 * 1024, maxContextFieldBytes: 16 * 1024, maxDepth: 512 };

/** Where a document stopped being readable, and why. */
export interface DocumentError {
  line: number;
  message: string;
}

// What may come next, outside strings.
const ROOT = 0;
const VALUE = 1;
const VALUE_OR_CLOSE = 2;
const KEY = 3;
const KEY_OR_CLOSE = 4;
const COLON = 5;
const COMMA_OR_CLOSE = 6;

/** A number or `true`/`false`/`null` carried between chunks is never longer than this. */
const MAX_SCALAR_BYTES = 4096;

/** An open array or object. Frames are reused, one per depth. */
interface Frame {
  object: boolean;
  /** Absolute offset of its `{` or `[`. */
  start: number;
  line: number;
  /** An object that is an array element (or the document itself), or an array element that may be a `[time, line]` pair. */
  candidate: boolean;
  /** An object inside which no entry has begun: its bytes are kept, as an entry or for its fields. */
  unsettled: boolean;
  /** Its bytes grew past maxEntryBytes and were let go. */
  overflowed: boolean;
  /** Arrays: elements begun so far. */
  elements: number;
  /** The context of entries inside it. */
  context: Record<string, unknown> | null;
}

/**
 * Reads a JSON document — an array of log entries, or an object holding one
 * at any depth (`aws logs filter-log-events`' `events`, Elasticsearch's
 * `hits.hits`, Loki's `data.result[].values`) — from byte chunks cut
 * anywhere, even inside a character, and hands over its entries one by one.
 *
 * An entry is an array element that is an object, or a pair of strings or
 * numbers (`["<unix ns>", "<line>"]`), and that holds no entry itself; an
 * object that does hold entries encloses them and gives them its fields as
 * `context`. A document that holds no array of entries (one pretty-printed
 * object) is itself the one entry. Documents written one after another
 * (NDJSON among them) are read in turn.
 *
 * The bytes are scanned once: strings, escapes and nesting are followed byte
 * by byte, and only an entry's bytes are kept, then decoded and given to
 * `JSON.parse`, so memory is bounded by the largest entry and never by the
 * document. An entry longer than `maxEntryBytes` is skipped and counted in
 * `skipped`; an entry holding bytes that are not UTF-8 is decoded with
 * U+FFFD and counted in `undecodable`.
 *
 * Broken input never throws. At the first damage — a byte the JSON grammar
 * does not allow there, an entry that `JSON.parse` refuses, nesting deeper
 * than `maxDepth`, or the input ending inside the document — `error` is set
 * to its line and what was expected; the entries completed before it have
 * been handed over, none after it are, and the lines are still counted to
 * the end. Strings and numbers outside entries are checked only as far as
 * finding where they end.
 * @example
 * const reader = new JsonDocumentReader((entry) => console.log(entry.firstLine, entry.value));
 * reader.write(Buffer.from('[\n  {"message": "a"},\n  {"mess'));
 * reader.write(Buffer.from('age": "b"}\n]\n'));
 * reader.end(); // logs 2 { message: 'a' }, then 3 { message: 'b' }; reader.lines === 4
 */
export class JsonDocumentReader {
  /** Entries handed over. */
  entries = 0;
  /** Entries longer than `maxEntryBytes`, not handed over. */
  skipped = 0;
  /** Entries holding bytes that are not valid UTF-8 (handed over, decoded with U+FFFD). */
  undecodable = 0;
  /** The first damage, or null while the document reads well. */
  error: DocumentError | null = null;

  private readonly limits: DocumentLimits;
  private readonly window = new ByteWindow();
  private readonly frames: Frame[] = [];
  private depth = 0;
  private expect = ROOT;
  /** Absolute offset of the chunk being read. */
  private offset = 0;
  /** The line of the byte being read: 1 + the newlines before it. */
  private line = 1;
  private lastByte = -1;
  private bomBytes = 0;
  private inString = false;
  private escaped = false;
  /** Where the next newline and backslash are in the chunk (its length when there is none), once looked for. */
  private nextNewline = -1;
  private nextBackslash = -1;
  /** A number or literal that goes on in the next chunk. */
  private scalar: Buffer | null = null;
  /** The outermost frame whose bytes are kept, or -1. */
  private captureFrom = -1;
  /** The outermost unsettled object, or -1. */
  private unsettledFrom = -1;
  private ended = false;

  constructor(
    private readonly onEntry: (entry: DocumentEntry) => void,
    limits: Partial<DocumentLimits> = {},
  ) {
    this.limits = { ...DEFAULT_DOCUMENT_LIMITS, ...limits };
  }

  /** Physical lines read: `\n`-separated, a last line without `\n` included; 0 for empty input. */
  get lines(): number {
    return this.line - 1 + (this.lastByte >= 0 && this.lastByte !== 0x0a ? 1 : 0);
  }

  /** Bytes kept between chunks for an entry not yet complete. */
  get heldBytes(): number {
    return this.window.keptBytes + (this.scalar?.length ?? 0);
  }

  /** Takes the next chunk. The chunk may be reused by the caller once this returns. */
  write(chunk: Buffer): void {
    if (chunk.length === 0 || this.ended) return;
    this.lastByte = chunk[chunk.length - 1]!;
    if (this.error === null) {
      this.window.enter(chunk, this.offset);
      this.nextNewline = -1;
      this.nextBackslash = -1;
      const stop = this.scan(chunk, this.skipByteOrderMark(chunk));
      if (this.error === null) {
        this.limitKept(this.offset + chunk.length);
        this.window.leave(this.captureFrom >= 0 ? this.frames[this.captureFrom]!.start : -1);
      } else {
        this.window.leave(-1);
        this.countLines(chunk, stop);
      }
    } else this.countLines(chunk, 0);
    this.offset += chunk.length;
  }

  /** Ends the input: a document still open is damage (it was cut short). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.error !== null || (this.depth === 0 && this.scalar === null)) return;
    const top = this.frames[this.depth - 1]!;
    const inside = this.inString ? 'a string' : this.scalar !== null ? 'a number' : `the ${top.object ? 'object' : 'array'} opened at line ${top.line}`;
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
          if (!this.open(c === 0x7b, this.offset + i, c)) return i;
          i++;
          break;
        case 0x7d /* } */:
        case 0x5d /* ] */:
          if (!this.close(c === 0x7d, this.offset + i, c)) return i;
          i++;
          break;
        case 0x3a /* : */:
          if (this.expect !== COLON) return this.unexpected(c, i);
          this.expect = VALUE;
          i++;
          break;
        case 0x2c /* , */:
          if (this.expect !== COMMA_OR_CLOSE) return this.unexpected(c, i);
          this.expect = this.frames[this.depth - 1]!.object ? KEY : VALUE;
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
      let quote = chunk.indexOf(0x22, i);
      if (quote < 0) quote = n;
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

  private rawControl(c: number, i: number): number {
    this.fail(this.line, `expected a string to close before the end of its line, got a raw control character 0x${c.toString(16).padStart(2, '0')} inside it`);
    return i;
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

  /**
   * Notes a string, number or literal as its container's next value. A
   * `[time, line]` candidate stays one while it holds at most two strings or
   * numbers.
   */
  private beginScalar(stringOrNumber: boolean): void {
    this.expect = COMMA_OR_CLOSE;
    if (this.depth === 0) return;
    const d = this.depth - 1;
    const parent = this.frames[d]!;
    if (parent.object) return;
    parent.elements++;
    if (parent.candidate && (!stringOrNumber || parent.elements > 2)) this.dropCandidate(parent, d);
  }

  /** Opens an array or object at absolute offset `at`. */
  private open(object: boolean, at: number, c: number): boolean {
    const expect = this.expect;
    if (expect !== VALUE && expect !== VALUE_OR_CLOSE && expect !== ROOT) return this.refuse(c);
    const d = this.depth;
    if (d >= this.limits.maxDepth) return this.fail(this.line, `expected arrays and objects nested at most ${this.limits.maxDepth} deep, got deeper`);
    let candidate = object;
    if (d > 0) {
      const parent = this.frames[d - 1]!;
      if (parent.object) candidate = false;
      else {
        parent.elements++;
        if (parent.candidate) this.dropCandidate(parent, d - 1);
        candidate = true;
        // An object element is an entry or holds entries: either way the objects around it hold entries.
        if (object && this.unsettledFrom >= 0 && !this.settle()) return false;
      }
    }
    const frame = this.frames[d] ?? (this.frames[d] = newFrame());
    frame.object = object;
    frame.start = at;
    frame.line = this.line;
    frame.candidate = candidate;
    frame.unsettled = object;
    frame.overflowed = false;
    frame.elements = 0;
    frame.context = d > 0 ? this.frames[d - 1]!.context : null;
    this.depth = d + 1;
    this.expect = object ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
    if (object && this.unsettledFrom < 0) this.unsettledFrom = d;
    if ((object || candidate) && this.captureFrom < 0) this.captureFrom = d;
    return true;
  }

  /** Closes the array or object whose last byte is at absolute offset `at`, handing it over when it is an entry. */
  private close(object: boolean, at: number, c: number): boolean {
    const d = this.depth - 1;
    const frame = this.frames[d];
    const expect = this.expect;
    if (!frame || frame.object !== object || (expect !== COMMA_OR_CLOSE && expect !== (object ? KEY_OR_CLOSE : VALUE_OR_CLOSE))) {
      return this.refuse(c);
    }
    const pair = !object && frame.candidate && frame.elements === 2;
    // A pair is an entry: the objects around it hold entries.
    if (pair && this.unsettledFrom >= 0 && !this.settle()) return false;
    if (pair || (object && frame.candidate && frame.unsettled)) {
      if (frame.overflowed || at + 1 - frame.start > this.limits.maxEntryBytes) this.skipped++;
      else if (!this.emit(frame, at + 1)) return false;
    }
    this.depth = d;
    if (this.captureFrom === d) this.captureFrom = -1;
    if (this.unsettledFrom === d) this.unsettledFrom = -1;
    this.expect = d > 0 ? COMMA_OR_CLOSE : ROOT;
    return true;
  }

  /** An array that got a value other than a string or number, or a third value, is no `[time, line]` pair. */
  private dropCandidate(frame: Frame, d: number): void {
    frame.candidate = false;
    if (this.captureFrom === d) this.captureFrom = -1;
  }

  /**
   * Turns every unsettled object into an enclosing one, now that an entry
   * begins inside it: reads its fields so far into the context of what it
   * holds, and lets its bytes go.
   */
  private settle(): boolean {
    const from = this.unsettledFrom;
    let context = from > 0 ? this.frames[from - 1]!.context : null;
    for (let d = from; d < this.depth; d++) {
      const frame = this.frames[d]!;
      if (frame.object && frame.unsettled) {
        frame.unsettled = false;
        const end = this.frames[d + 1]!.start;
        if (!frame.overflowed && end - frame.start <= this.limits.maxEntryBytes) {
          const fields = readObjectFields(this.window.slice(frame.start, end), this.limits.maxContextFieldBytes);
          if (fields === null) return this.fail(frame.line, `expected the fields of the object at line ${frame.line} to be valid JSON`);
          if (hasKeys(fields)) context = context === null ? fields : { ...context, ...fields };
        }
      }
      frame.context = context;
    }
    this.unsettledFrom = -1;
    this.captureFrom = -1;
    return true;
  }

  private emit(frame: Frame, end: number): boolean {
    const bytes = this.window.slice(frame.start, end);
    let value: object | [unknown, unknown];
    try {
      value = JSON.parse(bytes.toString('utf8')) as object | [unknown, unknown];
    } catch (err) {
      const lines = frame.line === this.line ? `line ${frame.line}` : `lines ${frame.line}–${this.line}`;
      return this.fail(frame.line, `expected the entry at ${lines} to be valid JSON: ${(err as Error).message}`);
    }
    if (!isUtf8(bytes)) this.undecodable++;
    this.entries++;
    this.onEntry({ value, context: frame.context, firstLine: frame.line, lastLine: this.line });
    return true;
  }

  /** Lets go of the bytes of frames that grew past maxEntryBytes, outermost first, by the end of the chunk (`end`). */
  private limitKept(end: number): void {
    while (this.captureFrom >= 0 && end - this.frames[this.captureFrom]!.start > this.limits.maxEntryBytes) {
      this.frames[this.captureFrom]!.overflowed = true;
      let next = -1;
      for (let d = this.captureFrom + 1; d < this.depth && next < 0; d++) {
        const frame = this.frames[d]!;
        if ((frame.object ? frame.unsettled : frame.candidate) && !frame.overflowed) next = d;
      }
      this.captureFrom = next;
    }
  }

  private skipByteOrderMark(chunk: Buffer): number {
    let i = 0;
    while (this.bomBytes < 3 && this.offset + i === this.bomBytes && i < chunk.length && chunk[i] === BYTE_ORDER_MARK[this.bomBytes]) {
      i++;
      this.bomBytes++;
    }
    return i;
  }

  /** Counts the newlines of `chunk` from `from`, once the document can no longer be read. */
  private countLines(chunk: Buffer, from: number): void {
    for (let nl = chunk.indexOf(0x0a, from); nl >= 0; nl = chunk.indexOf(0x0a, nl + 1)) this.line++;
  }

  private unexpected(c: number, i: number): number {
    this.refuse(c);
    return i;
  }

  /** Fails on byte `c`, which the grammar does not allow where it stands. */
  private refuse(c: number): false {
    const d = this.depth - 1;
    const close = d >= 0 && this.frames[d]!.object ? '"}"' : '"]"';
    const expected = [
      'a JSON array or object',
      'a value',
      'a value or "]"',
      'a quoted key',
      'a quoted key or "}"',
      '":"',
      `"," or ${close}`,
    ][this.expect];
    return this.fail(this.line, `expected ${expected}, got ${describeByte(c)}`);
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

const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

function newFrame(): Frame {
  return { object: false, start: 0, line: 0, candidate: false, unsettled: false, overflowed: false, elements: 0, context: null };
}

function indexOrEnd(chunk: Buffer, byte: number, from: number): number {
  const at = chunk.indexOf(byte, from);
  return at < 0 ? chunk.length : at;
}

function hasKeys(object: object): boolean {
  for (const _ in object) return true;
  return false;
}

function describeByte(c: number): string {
  return c >= 0x20 && c < 0x7f ? JSON.stringify(String.fromCharCode(c)) : `byte 0x${c.toString(16).padStart(2, '0')}`;
}
