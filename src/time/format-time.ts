import type { TimeZone } from './time-zone.js';

/** How much of a time to show; a 1h bucket needs no seconds. */
export type TimePrecision = 'minute' | 'second' | 'millisecond';

/**
 * A time for people, in the display zone: `2026-11-22 09:44:34`.
 * The zone is not repeated on every time; say it once near the times.
 * @example formatTime(Date.UTC(2026, 10, 22, 9, 44, 34), UTC, 'second') // '2026-11-22 09:44:34'
 */
export function formatTime(ms: number, zone: TimeZone, precision: TimePrecision = 'second'): string {
  const iso = new Date(ms + zone.offsetAt(ms)).toISOString();
  const end = precision === 'minute' ? 16 : precision === 'second' ? 19 : 23;
  return iso.slice(0, end).replace('T', ' ');
}

/** The precision that tells buckets of this size apart. */
export function precisionFor(bucketMs: number): TimePrecision {
  if (bucketMs % 60_000 === 0) return 'minute';
  return bucketMs % 1000 === 0 ? 'second' : 'millisecond';
}
