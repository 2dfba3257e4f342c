import { logTimeZone, parseTimestamp } from './parse-time.js';
import { timeReference } from './time-reference.js';
import type { TimeZone } from './time-zone.js';

const DAY_MS = 86_400_000;
/** How far past the reference a date-less time may be and still be that day's: clocks disagree a little. */
const GRACE_MS = 10 * 60_000;

/** The reference's day and the day before, as `YYYY-MM-DD` in the logs' zone: worked out once per reference and zone. */
let days: { at: number; zone: TimeZone; today: string; yesterday: string } | null = null;

/**
 * The instant of a time of day written without a date (log4j's and
 * logback's `%d{HH:mm:ss.SSS}`, Serilog's `[09:44:34 ERR]`, Go's Kitchen
 * `9:44AM`): on the date `--log-date` names, or else the latest such
 * instant at or before the reference (the run's start, or the moment a
 * followed input was read; see timeReference), ten minutes' grace allowed
 * for clocks — read at 10:00, `09:59:00` is today's and `10:30:00`
 * yesterday's. In the logs' zone (see parseTimestamp). `hour`, `minute`
 * and `second` as numbers, `fraction` as written (`123`), or empty; null
 * for a time out of range.
 * @example dateLessTime(9, 44, 34, '085') // 1795340674085, read on 2026-11-22 after 09:44
 */
export function dateLessTime(hour: number, minute: number, second: number, fraction: string): number | null {
  if (hour > 23 || minute > 59 || second > 59) return null;
  const clock = `${pad(hour)}:${pad(minute)}:${pad(second)}${fraction === '' ? '' : `.${fraction}`}`;
  const { at, date } = timeReference();
  if (date !== null) return parseTimestamp(`${date}T${clock}`);
  const zone = logTimeZone();
  if (days === null || days.at !== at || days.zone !== zone) {
    const wall = at + zone.offsetAt(at);
    days = { at, zone, today: isoDay(wall), yesterday: isoDay(wall - DAY_MS) };
  }
  const time = parseTimestamp(`${days.today}T${clock}`);
  return time === null || time <= at + GRACE_MS ? time : parseTimestamp(`${days.yesterday}T${clock}`);
}

/**
 * The instant a minute of a date-less time starts (see dateLessTime), when
 * every second of it falls on the same day: `dateLessTime(hour, minute, s,
 * f)` is then this plus `s` seconds and the fraction's milliseconds.
 * Undefined for the minute the reference's grace ends in, whose seconds may
 * fall on either day; null for a time out of range.
 * @example dateLessMinute(9, 44) // 1795340640000, read on 2026-11-22 after 09:44
 */
export function dateLessMinute(hour: number, minute: number): number | null | undefined {
  const start = dateLessTime(hour, minute, 0, '');
  if (start === null || timeReference().date !== null) return start;
  const { at } = timeReference();
  const end = dateLessTime(hour, minute, 59, '999');
  return end !== null && end - start === 59_999 && (end <= at + GRACE_MS) === (start <= at + GRACE_MS) ? start : undefined;
}

function isoDay(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
