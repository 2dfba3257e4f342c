import { parseTimestamp } from '../time/parse-time.js';

/**
 * A time a tool put before a line: an RFC 3339 time and a space, as
 * `kubectl logs --timestamps`, `docker compose logs -t` and stern's
 * `--timestamps` write it; or PM2's `--time` stamp, its default
 * log_date_format (`YYYY-MM-DDTHH:mm:ss`, the host's local time) and `: `.
 * A level right-aligned in five characters after it (`%5p`: ` INFO `,
 * ` WARN `, as Spring Boot's default format writes them) loses its pad with
 * the stamp: the text is the log header, not a line indented under one.
 */
const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) (?: (?=(?:INFO|WARN) ))?/;
const PM2_STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d): /;

/**
 * The line without the time a tool put before it (see STAMP), and that
 * time; null for a line that does not start with one.
 * @example takeStamp('2026-11-22T09:44:34.085123456Z boom') // { time: 1795340674085, text: 'boom' }
 * @example takeStamp('2026-11-22T09:44:34: boom') // { time: 1795340674000, text: 'boom' }
 * @example takeStamp('2026-11-22T17:44:34.085+08:00  INFO 1 --- [main] app : ready')?.text // 'INFO 1 --- [main] app : ready'
 */
export function takeStamp(line: string): { time: number | null; text: string } | null {
  const stamp = STAMP.exec(line) ?? (line.charCodeAt(19) === 0x3a /* : */ ? PM2_STAMP.exec(line) : null);
  return stamp ? { time: parseTimestamp(stamp[1]!), text: line.slice(stamp[0].length) } : null;
}
