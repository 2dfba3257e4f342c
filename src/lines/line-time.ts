import { dateLessMinute } from '../time/date-less-time.js';
import { leadingTimeOf } from '../time/leading-time.js';
import { logTimeZone, parseTimestamp, parseTimeValue } from '../time/parse-time.js';
import { timeReference, type TimeReference } from '../time/time-reference.js';
import { isTimeKeyAt, mayBeTimeKeyAt } from '../time/top-level-time.js';
import { jsonNumberEnd, type JsonKeys } from './json-line-shape.js';

/**
 * A line's time read in place, as recognize() would read it from the line
 * alone, without cutting the line out of its block. Both readers handle the
 * common forms themselves and hand anything unusual to the very functions
 * recognition uses.
 */

/** Minute → epoch ms of that minute, as parseTimestamp reads it. */
const minutes = new Map<number, number | null>();
const MAX_MINUTES = 100_000;
/** Lines come in time order, so the last minute looked up is usually the next one. */
let lastMinute = -1;
let lastMinuteStart: number | null = null;
/** The last minute's first 16 characters as written (`2026-11-22 09:44`): a line that starts with them has that minute. */
let lastPrefix = '';
/** The zone the remembered minutes were read in (`--log-tz`). */
let minutesZone = logTimeZone();

/**
 * The time leadingTimeOf reads at the start of the plain line
 * `text[p, lineEnd)`. The usual forms (`2026-11-22 09:44:30,112 …`,
 * `2026/11/22 09:45:00 …`) are read digit by digit from a remembered start
 * of their minute — parseTimestamp is linear in seconds and milliseconds —
 * and a time zone, another logger's form or anything else unusual is read
 * by leadingTimeOf itself.
 * @example leadingTimeAt('x\n2026-11-22 09:44:30,112 INFO ok', 2, 32) // 1795340670112
 */
export function leadingTimeAt(text: string, p: number, lineEnd: number): number | null {
  let i = p;
  if (text.charCodeAt(i) === 0x5b /* [ */) i++;
  // A time of day alone (`09:44:34.123 `, `[09:44:34 ERR]`): read from its minute, as for a dated time.
  if (text.charCodeAt(i + 2) === 0x3a && text.charCodeAt(i + 5) === 0x3a) return timeOfDayAt(text, p, i, lineEnd);
  if (lineEnd - i < 19) return exactLeadingTime(text, p, lineEnd);
  if (lastPrefix !== '' && text.startsWith(lastPrefix, i) && minutesZone === logTimeZone()) {
    // The date, hour and minute were read and checked for the line that wrote these 16 characters.
    const second = digits(text, i + 17, 2);
    if (second < 0 || text.charCodeAt(i + 16) !== 0x3a) return null;
    return timeInMinute(text, p, i + 19, lineEnd, lastMinuteStart, second);
  }
  const year = digits(text, i, 4);
  const month = digits(text, i + 5, 2);
  const day = digits(text, i + 8, 2);
  const hour = digits(text, i + 11, 2);
  const minute = digits(text, i + 14, 2);
  const second = digits(text, i + 17, 2);
  if (
    year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 ||
    !isDateSeparator(text.charCodeAt(i + 4)) || !isDateSeparator(text.charCodeAt(i + 7)) ||
    !isDateTimeSeparator(text.charCodeAt(i + 10)) || text.charCodeAt(i + 13) !== 0x3a || text.charCodeAt(i + 16) !== 0x3a
  ) {
    // LEADING_TIME's fixed part is exactly this shape; the other forms start otherwise.
    return mayStartOtherForm(text, p, lineEnd) ? exactLeadingTime(text, p, lineEnd) : null;
  }
  const key = ((((year * 100 + month) * 100 + day) * 100 + hour) * 100 + minute);
  if (minutesZone !== logTimeZone()) {
    minutes.clear();
    lastMinute = -1;
    minutesZone = logTimeZone();
  }
  let start = key === lastMinute ? lastMinuteStart : minutes.get(key);
  if (start === undefined) {
    if (minutes.size >= MAX_MINUTES) minutes.clear();
    start = parseTimestamp(`${text.slice(i, i + 4)}-${text.slice(i + 5, i + 7)}-${text.slice(i + 8, i + 10)}T${text.slice(i + 11, i + 13)}:${text.slice(i + 14, i + 16)}:00`);
    minutes.set(key, start);
  }
  if (key !== lastMinute) lastPrefix = text.slice(i, i + 16);
  lastMinute = key;
  lastMinuteStart = start;
  return timeInMinute(text, p, i + 19, lineEnd, start, second);
}

/** The last minute of a time of day read (hours × 60 + minutes), its start, and what that start was read against. */
let dayMinute = -1;
let dayMinuteStart: number | null | undefined;
let dayMinuteReference: TimeReference | null = null;
let dayMinuteZone = logTimeZone();

/**
 * leadingTimeAt for a line led by a time of day alone at `text[i]`
 * (`HH:mm:ss`, a fraction of one to nine digits, then a blank, a `]` or the
 * line's end: TIME_OF_DAY's form), read as dateLessTime reads it from the
 * start of its minute; anything else (a time out of range, a minute whose
 * seconds may fall on either day, another character after it) as
 * leadingTimeOf reads it.
 */
function timeOfDayAt(text: string, p: number, i: number, lineEnd: number): number | null {
  const hour = digits(text, i, 2);
  const minute = digits(text, i + 3, 2);
  const second = digits(text, i + 6, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || i + 8 > lineEnd) return exactLeadingTime(text, p, lineEnd);
  let k = i + 8;
  let millis = 0;
  const mark = k < lineEnd ? text.charCodeAt(k) : -1;
  if ((mark === 0x2e || mark === 0x2c) /* . , */ && k + 1 < lineEnd && isDigitCode(text.charCodeAt(k + 1))) {
    let end = k + 1;
    while (end < lineEnd && isDigitCode(text.charCodeAt(end))) end++;
    if (end - k - 1 > 9) return exactLeadingTime(text, p, lineEnd);
    for (let d = k + 1, scale = 100; d < k + 4; d++, scale /= 10) if (d < end) millis += (text.charCodeAt(d) - 0x30) * scale;
    k = end;
  }
  const next = k < lineEnd ? text.charCodeAt(k) : -1;
  if (next !== -1 && next !== 0x20 && next !== 0x09 && next !== 0x5d /* ] */) return exactLeadingTime(text, p, lineEnd);
  const key = hour * 60 + minute;
  const reference = timeReference();
  if (key !== dayMinute || reference !== dayMinuteReference || dayMinuteZone !== logTimeZone()) {
    dayMinute = key;
    dayMinuteReference = reference;
    dayMinuteZone = logTimeZone();
    dayMinuteStart = dateLessMinute(hour, minute);
  }
  return dayMinuteStart === undefined || dayMinuteStart === null ? exactLeadingTime(text, p, lineEnd) : dayMinuteStart + second * 1000 + millis;
}

/**
 * The rest of leadingTimeAt once the minute is known (`start`, its epoch ms
 * or null) and its `second` read: the fraction from `k` on, then the
 * check for a zone, which (or anything that might start one) goes to the
 * regex, as does a minute parseTimestamp could not read.
 */
function timeInMinute(text: string, p: number, k: number, lineEnd: number, start: number | null, second: number): number | null {
  let millis = 0;
  const mark = k < lineEnd ? text.charCodeAt(k) : -1;
  if ((mark === 0x2e || mark === 0x2c) /* . , */ && k + 1 < lineEnd && isDigitCode(text.charCodeAt(k + 1))) {
    let end = k + 1;
    while (end < lineEnd && end < k + 10 && isDigitCode(text.charCodeAt(end))) end++;
    // The first three digits, as milliseconds (`.1` is 100): what parseTimestamp makes of the fraction.
    for (let d = k + 1, scale = 100; d < k + 4; d++, scale /= 10) if (d < end) millis += (text.charCodeAt(d) - 0x30) * scale;
    k = end;
  }
  // `(?:\s?(?:Z|[+-]\d\d:?\d\d))?` — a zone, or anything that might start one, goes to the regex.
  const next = k < lineEnd ? text.charCodeAt(k) : -1;
  if (mayStartZone(text, k, lineEnd) || (isSpace(next) && mayStartZone(text, k + 1, lineEnd))) return exactLeadingTime(text, p, lineEnd);
  return start === null ? exactLeadingTime(text, p, lineEnd) : start + second * 1000 + millis;
}

function exactLeadingTime(text: string, p: number, lineEnd: number): number | null {
  return leadingTimeOf(text.slice(p, lineEnd));
}

/**
 * Whether the line may start with one of leadingTimeOf's forms other than
 * LEADING_TIME's, from its first characters: `22-Nov-` or `22 Nov ` (a
 * capital after two digits), `Nov 22,` or `Sun Nov` (a capital, two small
 * letters and a space), `[Sun Nov`, Ruby's `E, [`, klog's `E1122`, a time
 * of day (`09:44:34`, `[09:44:34`, `9:44AM`: a colon second or third), and
 * any line led by `t` or `l` (logfmt's `time=`, `level=…`). A log line that
 * starts with a level word (`ERROR`, `INFO`) or a number is turned away.
 */
function mayStartOtherForm(text: string, p: number, lineEnd: number): boolean {
  let c = text.charCodeAt(p);
  if (c === 0x74 /* t */ || c === 0x6c /* l */) return true; // logfmt: `time=…`, `level=error ts=…`
  if (isDigitCode(c)) {
    const second = text.charCodeAt(p + 1);
    // `11/22/2026, 9:44:34 AM`, `1/2/2026, …` (toLocaleString), `09:44:34.123`, `9:44AM` (a time of day alone),
    // else `22-Nov-2026`, `22 Nov 2026`.
    if (second === 0x2f /* / */ || second === 0x3a /* : */) return true;
    const third = text.charCodeAt(p + 2);
    if (isDigitCode(second) && (third === 0x2f || third === 0x3a)) return true;
    return isDigitCode(second) && isCapital(text.charCodeAt(p + 3));
  }
  if (c === 0x5b /* [ */) {
    c = text.charCodeAt(++p);
    // rich's `[11/22/26 09:44:34]`, Serilog's `[09:44:34 ERR]`, NestJS's `[Nest] 19096  - 11/22/2026, …`.
    if (isDigitCode(c)) return text.charCodeAt(p + 2) === 0x2f || text.charCodeAt(p + 2) === 0x3a;
    if (c === 0x4e /* N */ && text.startsWith('Nest] ', p)) return true;
  }
  if (!isCapital(c)) return false;
  const second = text.charCodeAt(p + 1);
  if (second === 0x2c /* , */) return text.charCodeAt(p + 3) === 0x5b;
  if (isDigitCode(second)) return true; // klog: `E1122 09:44:34.123456`
  return isSmall(second) && isSmall(text.charCodeAt(p + 2)) && text.charCodeAt(p + 3) === 0x20;
}

function isCapital(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}
function isSmall(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/** The value of `count` decimal digits at `at`, or -1. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i);
    if (!isDigitCode(c)) return -1;
    value = value * 10 + (c - 0x30);
  }
  return value;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isDateSeparator(c: number): boolean {
  return c === 0x2d || c === 0x2f;
}
function isDateTimeSeparator(c: number): boolean {
  return c === 0x54 || c === 0x20;
}
/** `Z`, or `+`/`-` and two digits: what may begin a zone. */
function mayStartZone(text: string, at: number, lineEnd: number): boolean {
  if (at >= lineEnd) return false;
  const c = text.charCodeAt(at);
  if (c === 0x5a /* Z */) return true;
  return (c === 0x2b || c === 0x2d) && at + 2 < lineEnd && isDigitCode(text.charCodeAt(at + 1)) && isDigitCode(text.charCodeAt(at + 2));
}
/** What `\s` may match: ASCII spaces, and, to be safe, anything beyond ASCII. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c > 0x7f;
}

/**
 * The time of a JSON object line already found valid and free of escapes,
 * as topLevelTime reads it from the parsed line: its first top-level time
 * field with a value that reads as a time. Read from the keys jsonObjectEnd
 * has just found in the line (`keys`), not by walking it again; returns
 * undefined when the caller must parse the line: the first time field's
 * value is not a time, or its key comes again later in the line (at any
 * depth, which takes in a repeat at the top level, whose last value
 * JSON.parse keeps).
 * @example jsonObjectEnd(line, 0, keys); jsonTimeFromKeys(line, keys) // 1795340670001 for '{"level":30,"time":1795340670001}'
 */
export function jsonTimeFromKeys(text: string, keys: JsonKeys): number | null | undefined {
  const { count, starts, ends, depths, values } = keys;
  for (let k = 0; k < count; k++) {
    if (depths[k] !== 1) continue;
    const start = starts[k]!;
    const end = ends[k]!;
    if (!mayBeTimeKeyAt(text, start, end) || !isTimeKeyAt(text, start, end)) continue;
    const value = readScalar(text, values[k]!);
    const time = value === undefined ? null : parseTimeValue(value);
    if (time === null) return undefined;
    const length = end - start;
    for (let later = k + 1; later < count; later++) {
      if (ends[later]! - starts[later]! === length && sameChars(text, start, starts[later]!, length)) return undefined;
    }
    return time;
  }
  return null;
}

function sameChars(text: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

/** A string or number value at `at` as JSON.parse gives it; undefined for anything else. */
function readScalar(text: string, at: number): string | number | undefined {
  const c = text.charCodeAt(at);
  if (c === 0x22) {
    const value = text.slice(at + 1, text.indexOf('"', at + 1));
    // Latin-1 beyond ASCII would not be the decoded text: leave it to the parser.
    return /[^\x20-\x7e]/.test(value) ? undefined : value;
  }
  // A plain integer (pino's epoch milliseconds) is summed digit by digit; other numbers go through Number.
  let i = at;
  let integer = 0;
  for (let d = text.charCodeAt(i); d >= 0x30 && d <= 0x39 && i - at < 15; d = text.charCodeAt(++i)) integer = integer * 10 + (d - 0x30);
  const after = text.charCodeAt(i);
  if (i > at && after !== 0x2e && after !== 0x65 && after !== 0x45 && !(after >= 0x30 && after <= 0x39)) return integer;
  const end = jsonNumberEnd(text, at);
  return end >= 0 ? Number(text.slice(at, end)) : undefined;
}
