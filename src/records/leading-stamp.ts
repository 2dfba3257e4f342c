import { parseTimestamp, parseTimestampToMinute } from '../time/parse-time.js';
import { isZonedTime } from '../time/zoned-time.js';

/**
 * A time a tool put before a line: an RFC 3339 time and a space, as
 * `kubectl logs --timestamps`, `docker compose logs -t` and stern's
 * `--timestamps` write it; or PM2's stamp and `: ` (see PM2_STAMP).
 * A level right-aligned in five characters after it (`%5p`: ` INFO `,
 * ` WARN `, as Spring Boot's default format writes them) loses its pad with
 * the stamp: the text is the log header, not a line indented under one.
 */
const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) (?: (?=(?:INFO|WARN) ))?/;
/**
 * PM2's stamp: the time as the process's log_date_format writes it (dayjs
 * tokens, the host's local time), then `: `, before every line the process
 * writes (fork mode) or the first of each write (cluster mode). `--time`
 * sets `YYYY-MM-DDTHH:mm:ss`; ecosystem files set their own, PM2's documented
 * `YYYY-MM-DD HH:mm Z` (`2026-11-22 09:44 +08:00: `), `YYYY-MM-DD
 * HH:mm:ss.SSS`, `YYYY-MM-DD HH:mm:ss ZZ` (`+0800`). Taken where the date
 * comes first, year, month, day, so that the time is certain. A logger
 * whose own header is a time and `: ` loses nothing by it: its time is
 * the stamp's, its text the line's, as a stamped process line's.
 */
const PM2_STAMP = /^(\d{4}[-/]\d\d[-/]\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z| ?[+-]\d\d:?\d\d)?): /;

/**
 * The line without the time a tool put before it (see STAMP), and that
 * time; null for a line that does not start with one.
 * @example takeStamp('2026-11-22T09:44:34.085123456Z boom') // { time: 1795340674085, text: 'boom', zoned: true }
 * @example takeStamp('2026-11-22T09:44:34: boom') // { time: 1795340674000, text: 'boom', zoned: false }
 * @example takeStamp('2026-11-22 17:44 +08:00:     at x') // { time: 1795340640000, text: '    at x' }
 * @example takeStamp('2026-11-22T17:44:34.085+08:00  INFO 1 --- [main] app : ready')?.text // 'INFO 1 --- [main] app : ready'
 */
export function takeStamp(line: string): { time: number | null; text: string; zoned: boolean } | null {
  const stamp = STAMP.exec(line);
  if (stamp) return { time: parseTimestamp(stamp[1]!), text: line.slice(stamp[0].length), zoned: true };
  const pm2 = PM2_STAMP.exec(line);
  return pm2 ? { time: parseTimestampToMinute(pm2[1]!), text: line.slice(pm2[0].length), zoned: isZonedTime(pm2[1]!) } : null;
}
