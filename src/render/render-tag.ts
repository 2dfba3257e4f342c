import type { LogRecord, Recognition, TaggedEvent } from '../types.js';

/** pino's levels: error for an API error event, info for everything else. */
const LEVEL_ERROR = 50;
const LEVEL_INFO = 30;

/** The `mqerr` key added to every record by `mqerr tag`. */
export interface TagFields {
  source: string;
  line: number;
  event: TaggedEvent['event'];
  vendor: string | null;
  code: string | null;
  requestId: string | null;
  action: string | null;
  category: string | null;
  section: string | null;
  httpStatus: number | null;
  retryable: boolean | null;
  catalogued: boolean;
  description: string | null;
  remedy: string | null;
  /** Set when an earlier record (this line) already reported the same error; counted once. */
  duplicateOf?: number;
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
    category: event.category,
    section: event.section,
    httpStatus: event.httpStatus,
    retryable: event.retryable,
    catalogued: event.event === 'error' ? event.catalogued : false,
    description: event.description,
    remedy: event.remedy,
    ...(event.duplicateOf !== null ? { duplicateOf: event.duplicateOf } : {}),
  };
}

/**
 * One NDJSON line for a record. A JSON record keeps its text as written
 * (numbers, key order, duplicates) and gains an `mqerr` key spliced before
 * its closing brace; a text record becomes `{level, time, msg, mqerr}`, which
 * pino-pretty renders.
 * @example renderTagLine(record, recognition, event) // '{"level":50,"time":…,"msg":"…","mqerr":{…}}'
 */
export function renderTagLine(record: LogRecord, recognition: Recognition, event: TaggedEvent, text = record.text): string {
  const mqerr = JSON.stringify(tagFields(event));
  if (recognition.json) {
    const oneLine = joinJsonLines(text).trimEnd();
    const close = oneLine.lastIndexOf('}');
    const body = oneLine.slice(0, close).trimEnd();
    const empty = body.endsWith('{');
    return `${body}${empty ? '' : ','}"mqerr":${mqerr}}`;
  }
  const level = event.event === 'error' ? LEVEL_ERROR : LEVEL_INFO;
  const time = event.time === null ? '' : `"time":${event.time},`;
  return `{"level":${level},${time}"msg":${JSON.stringify(text)},"mqerr":${mqerr}}`;
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
