import { leadingTimeOf } from './leading-time.js';
import { parseTimestamp, parseTimeValue } from './parse-time.js';
import { monthNumber } from './year-less-time.js';

/** Kibana's default date format in its CSV reports (`dateFormat`): `Nov 22, 2026 @ 09:44:34.123`. */
const KIBANA_TIME = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}) @ (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?$/;

/**
 * The time in an export's time column: what a time field holds (epoch
 * seconds, milliseconds, RFC 3339…, see parseTimeValue), Kibana's
 * `Nov 22, 2026 @ 09:44:34.123`, or a time in any form a logger leads its
 * lines with (see leadingTimeOf); null for anything else. A time without a
 * zone is in the logs' zone.
 * @example columnTime('Nov 22, 2026 @ 09:44:34.123') // 1795340674123
 */
export function columnTime(value: unknown): number | null {
  const time = parseTimeValue(value);
  if (time !== null || typeof value !== 'string') return time;
  const kibana = KIBANA_TIME.exec(value);
  if (kibana) {
    const [, month, day, year, hour, minute, second, fraction] = kibana;
    const number = monthNumber(month!);
    if (number === 0) return null;
    const date = `${year}-${String(number).padStart(2, '0')}-${day!.padStart(2, '0')}`;
    return parseTimestamp(`${date}T${hour}:${minute}:${second}${fraction ? `.${fraction}` : ''}`);
  }
  return leadingTimeOf(value);
}
