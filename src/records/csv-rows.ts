import { isUtf8 } from 'node:buffer';

/** One row of a CSV file: its fields, decoded, and the physical lines it spans. */
export interface CsvRow {
  fields: string[];
  /** 1-based line of the row's first byte. */
  firstLine: number;
  /** 1-based line of the row's last byte (later than `firstLine` when a quoted field holds line breaks). */
  lastLine: number;
  /** The row held bytes that are not UTF-8 (decoded with U+FFFD). */
  undecodable: boolean;
}

// Where a byte stands in RFC 4180's grammar.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A `"` inside a quoted field: the field closes, unless another `"` follows (an escaped quote). */
const QUOTE_IN_QUOTED = 3;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The state after byte `c` in `state`. Lenient where exporters and
 * spreadsheets are: a `"` inside an unquoted field is a character, and
 * characters after a closing quote join the field.
 */
function step(state: number, c: number, delimiter: number): number {
  switch (state) {
    case QUOTED:
      return c === QUOTE ? QUOTE_IN_QUOTED : QUOTED;
    case QUOTE_IN_QUOTED:
      if (c === QUOTE) return QUOTED;
      if (c === delimiter) return FIELD_START;
      return c === CR ? QUOTE_IN_QUOTED : UNQUOTED;
    case FIELD_START:
      if (c === QUOTE) return QUOTED;
      return c === delimiter ? FIELD_START : UNQUOTED;
    default:
      return c === delimiter ? FIELD_START : UNQUOTED;
  }
}

/**
 * The fields of one whole row's bytes (its line break excluded): quoted
 * fields without their quotes and with `""` read as `"`, a CR before the
 * row's end dropped.
 * @example splitCsvRow(Buffer.from('a,"b ""c"", d"'), 0x2c) // ['a', 'b "c", d']
 */
export function splitCsvRow(bytes: Buffer, delimiter: number): string[] {
  const fields: string[] = [];
  let state = FIELD_START;
  let start = 0;
  let quoted = false;
  const take = (end: number): void => {
    let text = bytes.toString('utf8', start, end);
    if (quoted) {
      const close = text.lastIndexOf('"');
      text = (close > 0 ? text.slice(1, close) + text.slice(close + 1) : text.slice(1)).replaceAll('""', '"');
    }
    fields.push(text);
  };
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (state === FIELD_START) {
      start = i;
      quoted = c === QUOTE;
    }
    state = step(state, c, delimiter);
    if (state === FIELD_START) take(i);
  }
  let end = bytes.length;
  if (end > start && bytes[end - 1] === CR && state !== QUOTED) end--;
  if (state === FIELD_START) start = end;
  take(end);
  return fields;
}

/**
 * Reads the rows of CSV text from byte chunks cut anywhere — inside a
 * field, a character or a CRLF — and hands over each complete row in
 * order. A quoted field may hold delimiters, quotes (`""`) and line breaks;
 * blank lines are no rows. Only the row being read is kept: a row longer
 * than `maxRowBytes` is not handed over but counted in `skipped`. The input
 * ending inside a quoted field is damage: `error` names the line the field
 * opened on, and that row is not handed over.
 * @example
 * const rows = new CsvRows(0x2c, 1 << 20, (row) => console.log(row.fields, row.firstLine));
 * rows.write(Buffer.from('time,message\n1,"a\nb"\n'));
 * rows.end(); // logs ['time', 'message'] 1, then ['1', 'a\nb'] 2
 */
export class CsvRows {
  private state = FIELD_START;
  private readonly row: Buffer[] = [];
  private rowBytes = 0;
  private rowFirstLine = 1;
  private oversize = false;
  /** Physical lines begun so far: the line of the next byte. */
  private line = 1;
  private sawByte = false;
  private lastByte = -1;
  /** Rows longer than the bound, not handed over. */
  skipped = 0;
  /** Rows holding bytes that are not UTF-8 (handed over, decoded with U+FFFD). */
  undecodable = 0;
  /** Rows handed over. */
  rows = 0;
  error: { line: number; message: string } | null = null;

  constructor(
    private readonly delimiter: number,
    private readonly maxRowBytes: number,
    private readonly onRow: (row: CsvRow) => void,
  ) {}

  /** Takes the next chunk; it may be reused by the caller once this returns. */
  write(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.sawByte = true;
    this.lastByte = chunk[chunk.length - 1]!;
    let from = 0;
    let state = this.state;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === LF) {
        if (state !== QUOTED) {
          this.keep(chunk, from, i);
          this.finishRow(this.line);
          from = i + 1;
          state = FIELD_START;
          this.line++;
          this.rowFirstLine = this.line;
          continue;
        }
        this.line++;
        continue;
      }
      state = step(state, c, this.delimiter);
    }
    this.state = state;
    this.keep(chunk, from, chunk.length);
  }

  /** Ends the input: a last row without its line break is a row; one inside a quoted field is damage. */
  end(): void {
    if (this.state === QUOTED) {
      this.error = { line: this.rowFirstLine, message: `a quoted field opened on line ${this.rowFirstLine} is not closed` };
      this.discard();
      return;
    }
    this.finishRow(this.line);
  }

  /** Physical lines read: `\n`-separated, a last line without `\n` included; 0 for empty input. */
  get lines(): number {
    if (!this.sawByte) return 0;
    return this.lastByte === LF ? this.line - 1 : this.line;
  }

  /** Bytes kept between chunks for a row not yet complete. */
  get heldBytes(): number {
    return this.rowBytes;
  }

  private keep(chunk: Buffer, from: number, to: number): void {
    if (to <= from || this.oversize) return;
    if (this.rowBytes + (to - from) > this.maxRowBytes) {
      this.oversize = true;
      this.row.length = 0;
      this.rowBytes = 0;
      return;
    }
    this.row.push(Buffer.from(chunk.subarray(from, to)));
    this.rowBytes += to - from;
  }

  private finishRow(lastLine: number): void {
    if (this.oversize) {
      this.skipped++;
      this.discard();
      return;
    }
    const bytes = this.row.length === 1 ? this.row[0]! : Buffer.concat(this.row, this.rowBytes);
    this.discard();
    if (bytes.length === 0 || (bytes.length === 1 && bytes[0] === CR)) return;
    const undecodable = !isUtf8(bytes);
    if (undecodable) this.undecodable++;
    this.rows++;
    this.onRow({ fields: splitCsvRow(bytes, this.delimiter), firstLine: this.rowFirstLine, lastLine, undecodable });
  }

  private discard(): void {
    this.row.length = 0;
    this.rowBytes = 0;
    this.oversize = false;
  }
}
