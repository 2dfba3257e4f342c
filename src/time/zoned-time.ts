/** A time text that says its zone (`…Z`, `…+08:00`, `… +0800`), or an epoch value (`1795340674.085`). */
const ZONED_TIME_TEXT = /(?:\d ?(?:Z|[+-]\d\d:?\d\d)|^\d{9,}(?:\.\d+)?)$/;

/**
 * Whether a time as written is the moment itself, whatever `--log-tz` says:
 * a number (an epoch value), or a text that ends with its zone or is an epoch
 * value. A wall-clock time without a zone (`2026-11-22 17:56:02`, syslog's
 * `Nov 22 17:56:02`) is not.
 * @example isZonedTime('2026-11-22T09:56:02.417437077Z') // true
 * @example isZonedTime('2026-11-22 17:56:02,417') // false
 */
export function isZonedTime(value: unknown): boolean {
  if (typeof value === 'number') return true;
  return typeof value === 'string' && ZONED_TIME_TEXT.test(value.trim());
}
