/**
 * Timestamps as applications and runtimes write them, turned into epoch
 * milliseconds. A time without a zone is in the logs' zone: UTC unless
 * `--log-tz` says otherwise (a Java or Python log in China Standard Time).
 */
import { UTC, wallClockToUtc, type TimeZone } from './time-zone.js';

/**
 * The zone of timestamps written without one. Set once at start-up (and in
 * each worker thread) from `--log-tz`, before any line is read: every
 * reader of log times (records, lines, recognition) goes through
 * parseTimestamp, so one setting reaches them all.
 */
let logZone: TimeZone = UTC;

/** Wall-clock hour → the zone's offset then: a zone's offset changes on the hour, and asking Intl costs microseconds. */
const offsets = new Map<number, number>();
const MAX_HOURS = 10_000;
const HOUR_MS = 3_600_000;

/** Sets the zone of timestamps written without one (`--log-tz`). */
export function setLogTimeZone(zone: TimeZone): void {
  logZone = zone;
  offsets.clear();
}

/** The zone of timestamps written without one; caches of parsed times are only good for one. */
export function logTimeZone(): TimeZone {
  return logZone;
}

/** The instant a wall-clock time (read as if UTC) is in the logs' zone. */
function fromWallClock(wall: number): number {
  const hour = Math.floor(wall / HOUR_MS);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    if (offsets.size >= MAX_HOURS) offsets.clear();
    const start = hour * HOUR_MS;
    offset = start - wallClockToUtc(start, logZone);
    offsets.set(hour, offset);
  }
  return wall - offset;
}

const ISO_LIKE =
  /^(\d{4})[-/](\d\d)[-/](\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?\s?(Z|[+-]\d\d:?\d\d)?$/;

/**
 * Parses RFC 3339 / ISO 8601 (with or without zone), Python logging's
 * `2026-11-22 09:44:34,085`, Go log's `2026/11/22 09:45:00`; null otherwise.
 * @example parseTimestamp('2026-11-22 09:44:34,085') // 1795340674085
 */
export function parseTimestamp(text: string): number | null {
  const m = ISO_LIKE.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  let time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (!zone) {
    if (logZone !== UTC && Number.isFinite(time)) time = fromWallClock(time);
  } else if (zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return Number.isFinite(time) ? time : null;
}

/** A date and a time to the minute, no seconds after it: `2026-11-22 09:44`, then a zone or nothing. */
const TO_THE_MINUTE = /^\d{4}[-/]\d\d[-/]\d\d[T ]\d\d:\d\d(?![:\d])/;

/**
 * parseTimestamp's forms, and those without seconds, as a format string may
 * write them (PM2's log_date_format `YYYY-MM-DD HH:mm Z`): the minute's first second.
 * @example parseTimestampToMinute('2026-11-22 09:44 +08:00') // 1795311840000
 */
export function parseTimestampToMinute(text: string): number | null {
  return TO_THE_MINUTE.test(text) ? parseTimestamp(`${text.slice(0, 16)}:00${text.slice(16)}`) : parseTimestamp(text);
}

/** Largest epoch value read as seconds rather than milliseconds (year 2286 in seconds). */
const MAX_EPOCH_SECONDS = 1e10;
/** Largest epoch value read as milliseconds rather than microseconds (journald), and microseconds rather than nanoseconds (Loki, OpenTelemetry). */
const MAX_EPOCH_MILLISECONDS = 1e14;
const MAX_EPOCH_MICROSECONDS = 1e17;

/** log4j2's JsonLayout `instant`: `{"epochSecond":1795340674,"nanoOfSecond":123456000}`; null for any other object. */
function parseInstant(value: { [key: string]: unknown }): number | null {
  const { epochSecond, nanoOfSecond } = value;
  if (typeof epochSecond !== 'number' || !Number.isInteger(epochSecond) || epochSecond <= 0 || epochSecond >= MAX_EPOCH_SECONDS) return null;
  const nanos = typeof nanoOfSecond === 'number' && Number.isInteger(nanoOfSecond) && nanoOfSecond >= 0 && nanoOfSecond < 1e9 ? nanoOfSecond : 0;
  return epochSecond * 1000 + Math.floor(nanos / 1e6);
}

/**
 * A time field's value: epoch milliseconds (pino), epoch seconds with a
 * fraction (zap, structlog), microseconds (journald's
 * `__REALTIME_TIMESTAMP`), nanoseconds (Loki, OpenTelemetry), log4j2's
 * `instant` object, or a timestamp string.
 * @example parseTimeValue('1795340674085123') // 1795340674085
 */
export function parseTimeValue(value: unknown): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return null;
    if (value < MAX_EPOCH_SECONDS) return Math.round(value * 1000);
    if (value < MAX_EPOCH_MILLISECONDS) return Math.round(value);
    if (value < MAX_EPOCH_MICROSECONDS) return Math.floor(value / 1000);
    return Math.floor(value / 1e6);
  }
  if (typeof value === 'object' && value !== null) return parseInstant(value as { [key: string]: unknown });
  if (typeof value === 'string') {
    if (/^\d{10,13}(?:\.\d+)?$/.test(value)) return parseTimeValue(Number(value));
    // Whole micro- and nanoseconds: read from their digits, past what a double holds exactly.
    if (/^\d{16}$/.test(value)) return Number(value.slice(0, 13));
    if (/^\d{19}$/.test(value)) return Number(value.slice(0, 13));
    return parseTimestamp(value);
  }
  return null;
}
