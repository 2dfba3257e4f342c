import { parseTimestamp, parseTimeValue } from './parse-time.js';
import { wallClockToUtc, type TimeZone } from './time-zone.js';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
const RELATIVE = /^(\d+(?:\.\d+)?)\s*([smhdw])$/i;
const DATE_ONLY = /^\d{4}-\d\d-\d\d$/;
const NO_SECONDS = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d$/;
const HAS_ZONE = /(?:Z|[+-]\d\d:?\d\d)$/i;
const EPOCH = /^\d{10}(?:\d{3})?(?:\.\d+)?$/;

/**
 * Reads a `--since` / `--until` value as epoch milliseconds, or null when it
 * is not a time. Relative values count back from `now`: `90m`, `24h`, `7d`.
 * Absolute values are RFC 3339 / ISO 8601 (`2026-11-21T00:00:00Z`), a date
 * (`2026-11-21`, midnight), or epoch seconds/milliseconds; without a zone
 * they are read in `zone` (the `--tz`, UTC by default).
 * @example parseTimeOption('24h', Date.UTC(2026, 10, 22), UTC) // Date.UTC(2026, 10, 21)
 * @example parseTimeOption('2026-11-21', 0, parseTimeZone('+08:00')!) // Date.UTC(2026, 10, 20, 16)
 */
export function parseTimeOption(text: string, now: number, zone: TimeZone): number | null {
  const value = text.trim();
  if (value.toLowerCase() === 'now') return now;
  const relative = RELATIVE.exec(value);
  if (relative) return now - Math.round(Number(relative[1]) * UNIT_MS[relative[2]!.toLowerCase()]!);
  if (EPOCH.test(value)) return parseTimeValue(value);
  let stamp = value;
  if (DATE_ONLY.test(stamp)) stamp += 'T00:00:00';
  else if (NO_SECONDS.test(stamp)) stamp += ':00';
  else stamp = stamp.replace(/^(\d{4}-\d\d-\d\d[T ]\d\d:\d\d)([Z+-])/i, '$1:00$2');
  const parsed = parseTimestamp(stamp.replace(/z$/, 'Z'));
  if (parsed === null || !isRealDate(stamp)) return null;
  return HAS_ZONE.test(stamp) ? parsed : wallClockToUtc(parsed, zone);
}

/** Rejects dates Date.UTC would roll over (`2026-02-30`, hour 25). */
function isRealDate(stamp: string): boolean {
  const wall = stamp.slice(0, 19).replace(' ', 'T');
  const ms = Date.parse(`${wall}Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(wall);
}
