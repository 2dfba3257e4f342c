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
/** Where a row's tab may stand: after 13 digits, or after one of TIME_ROW's times (19, 20, 23, 24, 25 or 29 characters). */
const TAB_AT = [13, 19, 20, 23, 24, 25, 29];

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
 * Whether `text[from, to)` may be a row takeGrafanaRow takes: a digit
 * first, a tab where a row's tab may stand. A superset, settled on a few
 * characters.
 */
export function mayStartGrafanaRow(text: string, from: number, to: number): boolean {
  const first = text.charCodeAt(from);
  if (first < 0x30 || first > 0x39) return false;
  for (const at of TAB_AT) if (from + at < to && text.charCodeAt(from + at) === 0x09) return true;
  return false;
}
