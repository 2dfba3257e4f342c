import { parseTimestamp } from './parse-time.js';
import { timeReference } from './time-reference.js';

/**
 * Timestamps written without a year (RFC 3164 syslog's `Nov 22 09:44:34`,
 * as rsyslog's traditional files and journalctl's default output write
 * them; klog's `E1122 09:44:34.123456`) read as the latest such instant at
 * or before a reference: the run's start, a day's grace allowed for clocks
 * (`Dec 31` read on January 1st is last year's), unless `--log-year` names
 * the year (see timeReference).
 */

const DAY_MS = 86_400_000;
const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

/**
 * The instant of a year-less time: `month` as written (`Nov`), `day`,
 * `clock` as `09:44:34` with an optional fraction (`.123456`), in the logs'
 * zone (see parseTimestamp); null for a month no such name gives.
 * @example yearLessTime('Nov', 22, '09:44:34.085') // 1795340674085, read in December 2026
 */
export function yearLessTime(month: string, day: number, clock: string): number | null {
  const number = monthNumber(month);
  return number === 0 ? null : yearLessTimeOf(number, day, clock);
}

/** A month's number (1-12) from its English abbreviation (`Nov` 11), 0 for anything else. */
export function monthNumber(name: string): number {
  const index = name.length === 3 ? MONTHS.indexOf(name) : -1;
  return index < 0 || index % 3 !== 0 ? 0 : index / 3 + 1;
}

/**
 * yearLessTime for a month given as its number (1-12), as klog writes it
 * (`E1122 09:44:34.123456`); null for a month or day out of range.
 */
export function yearLessTimeOf(month: number, day: number, clock: string): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const at = (year: number): number | null =>
    parseTimestamp(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${clock}`);
  const { at: reference, year: fixedYear } = timeReference();
  if (fixedYear !== null) return at(fixedYear);
  const year = new Date(reference).getUTCFullYear();
  const time = at(year);
  return time !== null && time > reference + DAY_MS ? at(year - 1) : time;
}

/** RFC 3164's timestamp alone: `Nov 22 09:44:34` (the day padded with a space or not), a fraction allowed. */
const BSD_TIME = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d:\d\d:\d\d(?:\.\d{1,9})?)$/;

/**
 * A field's value that is RFC 3164's timestamp alone, as syslog-ng's
 * `format-json` writes its `DATE` macro and NXLog its parsed `EventTime`
 * when the message had no year: read as yearLessTime reads it; null for
 * anything else.
 * @example bsdTimeValue('Nov 22 09:44:34') // 1795340674000, read in December 2026
 */
export function bsdTimeValue(value: unknown): number | null {
  if (typeof value !== 'string' || value.length > 32) return null;
  const m = BSD_TIME.exec(value);
  return m ? yearLessTime(m[1]!, Number(m[2]), m[3]!) : null;
}
