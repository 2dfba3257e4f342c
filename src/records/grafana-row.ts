import { parseTimestamp } from '../time/parse-time.js';
import { NO_DIMENSIONS } from './envelope-dimensions.js';
import type { UnwrappedLine } from './unwrap-line.js';

/**
 * Grafana's "Download logs" text file (Grafana 10 and later): after its
 * meta lines (`Common labels: {…}`) and two blank lines, a row per log line,
 * newest first as Explore shows them by default: `<epoch ms>\t<RFC 3339
 * UTC>\t<line>`. (Earlier versions wrote `<time>\t<line>`, which zap's and
 * tslog's console lines also are: such a row is read as a line led by its
 * time.)
 */
const EPOCH_ROW = /^\d{13}\t(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z)\t/;
/** The stream of a downloaded file's rows: one, whose order (newest first) is put back by StreamOrder. */
const STREAM = 'grafana download';
const TAB = 0x09;

/**
 * A row of Grafana's "Download logs" text file (see EPOCH_ROW): the line,
 * and the row's time; null for any other line. The rows are one stream, so
 * that a multi-line record shipped one line per entry is put back together
 * in the order it was written.
 * @example takeGrafanaRow('1795340674085\t2026-11-22T09:44:34.085Z\tboom') // { text: 'boom', origin: { time: 1795340674085, … }, partial: false }
 */
export function takeGrafanaRow(line: string): UnwrappedLine | null {
  const m = mayStartGrafanaRow(line, 0, line.length) ? EPOCH_ROW.exec(line) : null;
  const time = m === null ? null : parseTimestamp(m[1]!);
  return time === null ? null : { text: line.slice(m![0].length), origin: { ...NO_DIMENSIONS, stream: STREAM, time, zoned: true }, partial: false };
}

/**
 * Whether `text[from, to)` may be a row takeGrafanaRow takes: a digit
 * first and fifth (no date's `-`), a tab after thirteen characters. A
 * superset, settled on three characters.
 */
export function mayStartGrafanaRow(text: string, from: number, to: number): boolean {
  return from + 13 < to && isDigit(text.charCodeAt(from)) && isDigit(text.charCodeAt(from + 4)) && text.charCodeAt(from + 13) === TAB;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
