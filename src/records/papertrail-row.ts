import { parseTimestamp } from '../time/parse-time.js';
import { NO_DIMENSIONS } from './envelope-dimensions.js';
import type { UnwrappedLine } from './unwrap-line.js';

/**
 * A row of Papertrail's log archives (`<day>.tsv.gz`, `<day>-<hour>.tsv.gz`,
 * as the archive export writes them to S3): one message per row, ten fields
 * between tabs — id, generated_at, received_at, source_id, source_name,
 * source_ip, facility_name, severity_name, program, message — the times as
 * `2011-02-10 00:19:36 -0800`. Group 1: generated_at, 2: source_name, 3: program.
 */
const ARCHIVE_ROW =
  /^\d{1,20}\t(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d{1,9})? ?(?:Z|[+-]\d\d:?\d\d))\t[^\t]{0,64}\t\d{0,20}\t([^\t]{0,255})\t[^\t]{0,64}\t[^\t]{0,32}\t[^\t]{0,32}\t([^\t]{0,255})\t/;
const TAB = 0x09;
/** An id of up to 20 digits, its tab, and a year with its dash: the row's first 26 characters at most. */
const MAX_ID = 20;

/**
 * A row of a Papertrail archive (see ARCHIVE_ROW): the message, the time
 * it was generated, the sender (source_name) as its host; the sender and
 * program are its stream (Heroku's `app/web.1` is a dyno), so that a stack
 * trace sent one line per message is put back together per sender. Null for
 * any other line.
 * @example takePapertrailRow('50342052\t2026-11-22 01:44:34 -0800\t2026-11-22 01:44:35 -0800\t42424\tfleet-api\t10.0.1.5\tLocal7\tError\tapp/web.1\tboom')
 */
export function takePapertrailRow(line: string): UnwrappedLine | null {
  const m = mayStartPapertrailRow(line, 0, line.length) ? ARCHIVE_ROW.exec(line) : null;
  const time = m === null ? null : parseTimestamp(m[1]!);
  if (time === null) return null;
  const [, , source, program] = m as unknown as [string, string, string, string];
  const stream = `papertrail source=${source}\u0000program=${program}`;
  return { text: line.slice(m![0].length), origin: { ...NO_DIMENSIONS, host: source === '' ? null : source, stream, time, zoned: true }, partial: false };
}

/**
 * Whether `text[from, to)` may be a row takePapertrailRow takes: digits, a
 * tab, four digits and a dash. A superset, settled on the row's first 26
 * characters at most (a line led by a date stops at its fifth).
 */
export function mayStartPapertrailRow(text: string, from: number, to: number): boolean {
  let at = from;
  const limit = Math.min(to, from + MAX_ID);
  while (at < limit && isDigit(text.charCodeAt(at))) at++;
  if (at === from || at + 5 >= to || text.charCodeAt(at) !== TAB) return false;
  return isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 4)) && text.charCodeAt(at + 5) === 0x2d; /* - */
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
