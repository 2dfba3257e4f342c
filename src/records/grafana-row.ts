import { parseTimestamp } from '../time/parse-time.js';
import { NO_DIMENSIONS } from './envelope-dimensions.js';
import type { UnwrappedLine } from './unwrap-line.js';

/**
 * Grafana's "Download logs" text file: after its meta lines (`Common labels:
 * {…}`) and two blank lines, a row per log line, newest first as Explore
 * shows them by default: `<epoch ms>\t<RFC 3339 UTC>\t<line>` (Grafana 10
 * on), `<YYYY-MM-DD HH:mm:ss.SSS>\t<line>` in the browser's zone, or
 * `<YYYY-MM-DDTHH:mm:ss±hh:mm>\t<line>` (earlier versions).
 */
const EPOCH_ROW = /^\d{13}\t(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z)\t/;
const TIME_ROW = /^(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d{3})?(?:Z|[+-]\d\d:\d\d)?)\t/;
/** The stream of a downloaded file's rows: one, whose order (newest first) is put back by StreamOrder. */
const STREAM = 'grafana download';

/**
 * A row of Grafana's "Download logs" text file in its later form (see
 * EPOCH_ROW): the line, and the row's time; null for any other line. The
 * rows are one stream, so that a multi-line record shipped one line per
 * entry is put back together in the order it was written.
 * @example takeGrafanaEpochRow('1795340674085\t2026-11-22T09:44:34.085Z\tboom') // { text: 'boom', origin: { time: 1795340674085, … }, partial: false }
 */
export function takeGrafanaEpochRow(line: string): UnwrappedLine | null {
  return mayStartGrafanaRow(line, 0, line.length) ? row(EPOCH_ROW.exec(line), line) : null;
}

/**
 * takeGrafanaEpochRow for the earlier forms (see TIME_ROW): a time and a
 * tab. Fluentd's out_file line (`<time>\t<tag>\t{…}`) starts alike: its
 * envelope is to be looked for first.
 */
export function takeGrafanaTimeRow(line: string): UnwrappedLine | null {
  return mayStartGrafanaRow(line, 0, line.length) ? row(TIME_ROW.exec(line), line) : null;
}

function row(m: RegExpExecArray | null, line: string): UnwrappedLine | null {
  const time = m === null ? null : parseTimestamp(m[1]!);
  return time === null ? null : { text: line.slice(m![0].length), origin: { ...NO_DIMENSIONS, stream: STREAM, time }, partial: false };
}

/**
 * Whether `text[from, to)` may be a row takeGrafanaEpochRow or
 * takeGrafanaTimeRow takes: thirteen digits and a tab, or a date (`-` after
 * its year) whose time's seconds, fraction or zone a tab follows. A
 * superset, settled on a few characters: most dated lines are turned away
 * at the character after the seconds.
 */
export function mayStartGrafanaRow(text: string, from: number, to: number): boolean {
  if (!isDigit(text.charCodeAt(from))) return false;
  const fifth = text.charCodeAt(from + 4);
  if (isDigit(fifth)) return from + 13 < to && text.charCodeAt(from + 13) === TAB;
  if (fifth !== 0x2d /* - */) return false;
  let at = from + 19;
  if (text.charCodeAt(at) === 0x2e /* . */) {
    at++;
    while (at < to && isDigit(text.charCodeAt(at))) at++;
  }
  const zone = text.charCodeAt(at);
  if (zone === 0x5a /* Z */) at++;
  else if (zone === 0x2b /* + */ || zone === 0x2d /* - */) at += 6;
  return at < to && text.charCodeAt(at) === TAB;
}

const TAB = 0x09;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
