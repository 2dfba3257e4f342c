import type { QuietLine } from '../records/assemble-records.js';
import type { LogRecord, Recognition, TaggedEvent } from '../types.js';
import { stripAnsi } from '../recognition/strip-ansi.js';
import { dropJsonKey } from './drop-json-key.js';
import type { OutputBuffer } from './output-buffer.js';

/** pino's levels: error for an API error event, info for everything else. */
const LEVEL_ERROR = 50;
const LEVEL_INFO = 30;

/** pino's label of the level a text record is given (`ERROR` for an API error event, else `INFO`), as pino-pretty shows it. */
export function tagLevelLabel(event: Pick<TaggedEvent, 'event'>): string {
  return event.event === 'error' ? 'ERROR' : 'INFO';
}

/** The `mqerr` key added to every record by `mqerr tag`. */
export interface TagFields {
  source: string;
  line: number;
  event: TaggedEvent['event'];
  vendor: string | null;
  code: string | null;
  requestId: string | null;
  action: string | null;
  product: string | null;
  category: string | null;
  section: string | null;
  httpStatus: number | null;
  retryable: boolean | null;
  catalogued: boolean;
  description: string | null;
  remedy: string | null;
  /** Set when an earlier record (this line) already reported the same error; counted once. */
  duplicateOf?: number;
  /** Set when the record holds another cloud's API error instead (`aws`, `azure`, `google`), set aside. */
  otherCloud?: string;
  /** The stream's dimensions, where a wrapper or an envelope named them. */
  pod?: string;
  container?: string;
  namespace?: string;
  host?: string;
  unit?: string;
}

export function tagFields(event: TaggedEvent): TagFields {
  return {
    source: event.source,
    line: event.line,
    event: event.event,
    vendor: event.vendor,
    code: event.code,
    requestId: event.requestId,
    action: event.action,
    product: event.product,
    category: event.category,
    section: event.section,
    httpStatus: event.httpStatus,
    retryable: event.retryable,
    catalogued: event.event === 'error' ? event.catalogued : false,
    description: event.description,
    remedy: event.remedy,
    ...(event.duplicateOf !== null ? { duplicateOf: event.duplicateOf } : {}),
    ...(event.otherCloud !== null ? { otherCloud: event.otherCloud } : {}),
    ...streamFields(event),
  };
}

/** The dimensions a record's stream has, each only when known. */
function streamFields(event: TaggedEvent): Partial<Pick<TagFields, 'pod' | 'container' | 'namespace' | 'host' | 'unit'>> {
  if (event.pod === null && event.container === null && event.namespace === null && event.host === null && event.unit === null) return {};
  const fields: Partial<Pick<TagFields, 'pod' | 'container' | 'namespace' | 'host' | 'unit'>> = {};
  if (event.pod !== null) fields.pod = event.pod;
  if (event.container !== null) fields.container = event.container;
  if (event.namespace !== null) fields.namespace = event.namespace;
  if (event.host !== null) fields.host = event.host;
  if (event.unit !== null) fields.unit = event.unit;
  return fields;
}

/**
 * One NDJSON line for a record. A JSON record keeps its text as written
 * (numbers, key order, duplicates) and gains an `mqerr` key spliced before
 * its closing brace — an `mqerr` key the record already had is removed, so
 * there is one, whichever occurrence a parser keeps, and terminal escapes
 * are removed, as recognition reads it; a text record becomes
 * `{level, time, msg, mqerr}`, which pino-pretty renders.
 * @example renderTagLine(record, recognition, event) // '{"level":50,"time":…,"msg":"…","mqerr":{…}}'
 */
export function renderTagLine(record: LogRecord, recognition: Recognition, event: TaggedEvent, text = record.text): string {
  const mqerr = JSON.stringify(tagFields(event));
  if (recognition.json) {
    // Recognition found JSON once terminal escapes were removed (a colourised logger's); raw, they are not JSON.
    let oneLine = joinJsonLines(stripAnsi(text)).trimEnd();
    if (mayHoldTagKey(oneLine)) oneLine = dropJsonKey(oneLine, 'mqerr');
    const close = oneLine.lastIndexOf('}');
    const body = oneLine.slice(0, close).trimEnd();
    const empty = body.endsWith('{');
    return `${body}${empty ? '' : ','}"mqerr":${mqerr}}`;
  }
  const level = event.event === 'error' ? LEVEL_ERROR : LEVEL_INFO;
  const time = event.time === null ? '' : `"time":${event.time},`;
  return `{"level":${level},${time}"msg":${JSON.stringify(text)},"mqerr":${mqerr}}`;
}

/** Whether a JSON record may already have an `mqerr` key, spelled plainly or with escapes. */
export function mayHoldTagKey(text: string): boolean {
  return text.includes('mqerr') || text.includes('\\u');
}

/** Line breaks of a multi-line JSON record (or its `\r\n` remains) with the indentation after them. */
const JSON_LINE_BREAK = /\r?\n[ \t]*/g;

/**
 * Puts a JSON record written over several lines on one line without
 * re-serializing it: a newline can only stand between tokens of valid JSON,
 * so removing it and the indentation after it keeps every value as written
 * (and costs no recursion, however deep the value nests).
 */
function joinJsonLines(text: string): string {
  return text.includes('\n') ? text.replace(JSON_LINE_BREAK, ' ') : text;
}

/**
 * The `"mqerr":{…}` part of a quiet record's line: every quiet record of a
 * source gets the same fields but its line number, so the JSON is made once
 * per source and the number spliced in.
 */
export class QuietTagFields {
  private readonly before: Buffer;
  private readonly after: Buffer;

  /** `sample` is any quiet record's event of the source. */
  constructor(sample: TaggedEvent) {
    const json = JSON.stringify(tagFields({ ...sample, line: LINE_MARK }));
    const at = json.indexOf(String(LINE_MARK));
    this.before = Buffer.from(`"mqerr":${json.slice(0, at)}`);
    this.after = Buffer.from(`${json.slice(at + String(LINE_MARK).length)}}`);
  }

  write(out: OutputBuffer, line: number): void {
    out.writePrepared(this.before);
    out.writeUint(line);
    out.writePrepared(this.after);
  }
}

/** A line number no record has, to find where the number goes. */
const LINE_MARK = 987654321012345;

/**
 * renderTagLine for a record that is one quiet line, written from its bytes
 * (with the trailing newline): a JSON line keeps its bytes and gains the
 * `mqerr` key before its closing brace; a text line becomes
 * `{"level":30,"time":…,"msg":"…","mqerr":…}`.
 */
export function renderQuietTagLine(out: OutputBuffer, line: QuietLine, event: TaggedEvent, fields: QuietTagFields): void {
  const { buf, start } = line;
  if (line.json) {
    let close = line.end - 1;
    while (close > start && buf[close] !== 0x7d /* } */) close--;
    let bodyEnd = close;
    while (bodyEnd > start && isJsonSpace(buf[bodyEnd - 1]!)) bodyEnd--;
    out.writeBytes(buf, start, bodyEnd);
    if (buf[bodyEnd - 1] !== 0x7b /* { */) out.writeByte(0x2c /* , */);
  } else {
    out.writeAscii(event.time === null ? `{"level":${LEVEL_INFO},"msg":"` : `{"level":${LEVEL_INFO},"time":${event.time},"msg":"`);
    writeJsonStringBody(out, buf, start, line.end);
    out.writeAscii('",');
  }
  fields.write(out, event.line);
  out.writeByte(0x0a);
}

function isJsonSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a;
}

/** The bytes of valid UTF-8 text as the inside of a JSON string, escaped as JSON.stringify escapes them. */
function writeJsonStringBody(out: OutputBuffer, buf: Buffer, start: number, end: number): void {
  let run = start;
  for (let i = start; i < end; i++) {
    const b = buf[i]!;
    if (b >= 0x20 && b !== 0x22 && b !== 0x5c) continue;
    out.writeBytes(buf, run, i);
    out.writeAscii(JSON.stringify(String.fromCharCode(b)).slice(1, -1));
    run = i + 1;
  }
  out.writeBytes(buf, run, end);
}
