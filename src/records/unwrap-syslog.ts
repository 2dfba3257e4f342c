import { parseTimestamp } from '../time/parse-time.js';
import { UTC_ABBREVIATIONS } from '../time/time-zone.js';
import { yearLessTime } from '../time/year-less-time.js';
import { isZonedTime } from '../time/zoned-time.js';
import { NO_DIMENSIONS } from './envelope-dimensions.js';
import type { UnwrappedLine } from './unwrap-line.js';

/**
 * RFC 3164 as rsyslog and syslog-ng write files and journalctl prints (its short and short-precise):
 * `Nov 22 09:44:34 host program[pid]: message` (short-precise: `09:44:34.123456`).
 */
const BSD_SYSLOG = /^(?:<\d{1,3}>)?([A-Z][a-z]{2}) ([ \d]\d) (\d\d:\d\d:\d\d(?:\.\d{1,9})?) ([^\s:]+) ([^\s:[\]]+)(?:\[(\d+)\])?: ?(.*)$/s;
/**
 * A header led by an RFC 3339 time: rsyslog's RSYSLOG_FileFormat and
 * journalctl's short-iso (`2026-11-22T09:44:34.123456+08:00 host
 * program[pid]: message`), Heroku's logplex, which names no host
 * (`2026-11-22T09:44:34.123456+00:00 app[web.1]: message`). The program's
 * `[…]` is required: without it the words after a time are an application's.
 */
const ISO_SYSLOG = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)) (?:([^\s:[\]]+) )?([^\s:[\]]+)\[([^\]\s]+)\]: ?/;
/**
 * journalctl's short-full: the weekday, the date and time and the zone's
 * abbreviation, then the host and program (`Sun 2026-11-22 09:44:34 UTC
 * node-1 mqtt-admin[812]: message`; `--since`'s own form of a time).
 */
const FULL_SYSLOG = /^[A-Z][a-z]{2} (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})?) ([A-Za-z][A-Za-z0-9+-]{0,7}) ([^\s:]+) ([^\s:[\]]+)(?:\[(\d+)\])?: ?/;
/** journalctl's short-unix: seconds since the epoch (ten digits since 2001) with microseconds (`1795340674.085123 node-1 mqtt-admin[812]: message`). */
const UNIX_SYSLOG = /^(\d{10}\.\d{6}) ([^\s:]+) ([^\s:[\]]+)\[(\d+)\]: ?/;
/** RFC 5424's header start: `<134>1 `; the rest is read field by field (see readIetfSyslog). */
const IETF_START = /^<\d{1,3}>1 /;
/** RFC 6587's octet count has at most this many digits. */
const MAX_COUNT_DIGITS = 6;

/**
 * Removes a syslog header that a relay (rsyslog, syslog-ng, journald's
 * forwarding) put before each of an application's lines: the host becomes
 * the record's host, the program and its process id tell its stream apart,
 * so a stack trace relayed one line per message is one record again.
 * The header's time is the line's wrapper time (the application's own,
 * where its line has one, is the record's); RFC 3164's has no year, and is
 * read as yearLessTime reads it. Null for a line with no syslog header.
 * @example unwrapSyslog('Nov 22 09:44:34 node-1 mqtt-admin[812]: boom') // { text: 'boom', origin: { host: 'node-1', … } }
 */
export function unwrapSyslog(line: string): UnwrappedLine | null {
  const first = line.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) {
    const iso = ISO_SYSLOG.exec(line);
    if (iso) return syslogLine(line, iso[0].length, iso[2] ?? '-', iso[3]!, iso[4]!, parseTimestamp(iso[1]!), isZonedTime(iso[1]!));
    const unix = line.charCodeAt(10) === 0x2e ? UNIX_SYSLOG.exec(line) : null;
    if (unix) return syslogLine(line, unix[0].length, unix[2]!, unix[3]!, unix[4]!, Math.round(Number(unix[1]!) * 1000), true);
    const counted = afterOctetCount(line);
    return counted > 0 && IETF_START.test(line.slice(counted, counted + 10)) ? readIetfSyslog(line.slice(counted)) : null;
  }
  if (first === 0x3c /* < */) {
    const ietf = IETF_START.exec(line) ? readIetfSyslog(line) : null;
    if (ietf) return ietf;
  } else if (first < 0x41 || first > 0x5a) return null;
  if (line.charCodeAt(3) === 0x20 && line.charCodeAt(8) === 0x2d) {
    const full = FULL_SYSLOG.exec(line);
    const utc = full !== null && UTC_ABBREVIATIONS.has(full[2]!);
    return full ? syslogLine(line, full[0].length, full[3]!, full[4]!, full[5] ?? '-', parseTimestamp(utc ? `${full[1]!}Z` : full[1]!), utc) : null;
  }
  const bsd = BSD_SYSLOG.exec(line);
  return bsd ? syslogLine(line, line.length - bsd[7]!.length, bsd[4]!, bsd[5]!, bsd[6] ?? '-', yearLessTime(bsd[1]!, Number(bsd[2]!.trim()), bsd[3]!), false) : null;
}

/**
 * RFC 5424: `<134>1 2026-11-22T09:44:34.085Z host app procid msgid [sd…] message`,
 * `-` for what is missing; structured data is one or more `[…]` (a `]` inside
 * escaped as `\]`). Heroku's logplex writes no structured data at all
 * (`<190>1 2026-11-22T09:44:34.085123+00:00 host app web.1 - boom`): a
 * message right after the message id is read as such.
 */
function readIetfSyslog(line: string): UnwrappedLine | null {
  let at = line.indexOf(' ') + 1;
  const fields: string[] = [];
  for (let i = 0; i < 5; i++) {
    const space = line.indexOf(' ', at);
    if (space < 0) return null;
    fields.push(line.slice(at, space));
    at = space + 1;
  }
  const data = line.charCodeAt(at) === 0x2d /* - */ ? at + 1 : line.charCodeAt(at) === 0x5b /* [ */ ? afterStructuredData(line, at) : -1;
  // Structured data is followed by the message's space (or the line's end); anything else is the message itself.
  const messageAt = data < 0 || (data < line.length && line.charCodeAt(data) !== 0x20) ? at : data + 1;
  const [time, host, program, pid] = fields as [string, string, string, string, string];
  // Not a form journalctl prints: no indented lines continue it.
  return syslogLine(line, messageAt, host, program, pid, parseTimestamp(time), isZonedTime(time), false);
}

/**
 * Where the message starts after RFC 6587's octet count, its length and a
 * space, as a syslog receiver over TCP gets it and Heroku's HTTPS log drains
 * post it (`83 <40>1 2026-11-22T09:44:29+00:00 host app web.3 - boom`); -1
 * for a line `text[from, to)` not led by one and a `<`.
 * @example afterOctetCount('83 <40>1 …') // 3
 */
export function afterOctetCount(text: string, from = 0, to = text.length): number {
  let i = from;
  for (let c = text.charCodeAt(i); i - from < MAX_COUNT_DIGITS && c >= 0x30 && c <= 0x39; c = text.charCodeAt(++i));
  return i > from && i + 1 < to && text.charCodeAt(i) === 0x20 && text.charCodeAt(i + 1) === 0x3c /* < */ ? i + 1 : -1;
}

/** The SD-IDs RFC 5424 registers; any other names its owner's enterprise number after an `@` (`exampleSDID@32473`). */
const REGISTERED_SD_IDS = new Set(['timeQuality', 'origin', 'meta']);

/**
 * Where the structured data's elements that start at `at` end, or -1 where
 * what starts there is no element as RFC 5424 writes one: `[` an SD-ID (a
 * registered one, or one with an `@`), each parameter a space, a name, `=`
 * and a quoted value (`"`, `\` and `]` escaped inside it), `]`. A message
 * led by brackets of its own (`[INFO]`, Serilog's `[09:55:12 ERR]`, a
 * bracketed time) is no such element.
 */
function afterStructuredData(line: string, at: number): number {
  while (line.charCodeAt(at) === 0x5b /* [ */) {
    let i = afterSdName(line, at + 1);
    if (i < 0) return -1;
    const id = line.slice(at + 1, i);
    if (!id.includes('@') && !REGISTERED_SD_IDS.has(id)) return -1;
    while (line.charCodeAt(i) === 0x20) {
      i = afterSdName(line, i + 1);
      if (i < 0 || line.charCodeAt(i) !== 0x3d /* = */ || line.charCodeAt(i + 1) !== 0x22 /* " */) return -1;
      i += 2;
      while (i < line.length && line.charCodeAt(i) !== 0x22) i += line.charCodeAt(i) === 0x5c /* \ */ ? 2 : 1;
      if (i >= line.length) return -1;
      i++;
    }
    if (line.charCodeAt(i) !== 0x5d /* ] */) return -1;
    at = i + 1;
  }
  return at;
}

/** Where an SD-ID or a parameter's name that starts at `at` ends: 1 to 32 printable ASCII characters but `=`, space, `]` and `"`; -1 for none. */
function afterSdName(line: string, at: number): number {
  let i = at;
  for (let c = line.charCodeAt(i); i - at < 32 && c > 0x20 && c < 0x7f && c !== 0x3d && c !== 0x5d && c !== 0x22; c = line.charCodeAt(++i));
  return i === at ? -1 : i;
}

/**
 * The line's message after its header of `headerEnd` characters. Its
 * hanging indent is the header's width: journalctl prints each further line
 * of a multi-line message (an entry logged through the journal's own API,
 * a traceback in one MESSAGE) on a line of its own, indented by as many
 * spaces as the header took, so that it lines up under the first.
 */
function syslogLine(line: string, headerEnd: number, host: string, program: string, pid: string, time: number | null, zoned: boolean, hangs = true): UnwrappedLine {
  const none = (value: string): string | null => (value === '-' ? null : value);
  const stream = [none(program) && `program=${program}`, none(pid) && `pid=${pid}`].filter(Boolean).join('\u0000') || null;
  const text = unescapeControls(line.slice(headerEnd));
  const origin = { ...NO_DIMENSIONS, host: none(host), stream, time, zoned };
  return hangs ? { text, origin, partial: false, hangingIndent: headerEnd } : { text, origin, partial: false };
}

/** rsyslog's escape of a control character it received: `#` and three octal digits (`#011` a tab). */
const ESCAPED_CONTROL = /#0([0-3][0-7])/g;

/**
 * The message as the application wrote it: rsyslog writes each control
 * character it receives as `#` and its octal code (its default,
 * $EscapeControlCharactersOnReceive), so a stack frame's tab arrives as
 * `#011at com.example…`.
 */
function unescapeControls(text: string): string {
  return text.includes('#0') ? text.replace(ESCAPED_CONTROL, (_, octal: string) => String.fromCharCode(parseInt(octal, 8))) : text;
}
