/**
 * A leading timestamp of a plain log line (ISO 8601, Python logging, Go log):
 * group 1 is what parseTimestamp reads.
 * @example LEADING_TIME.exec('2026-11-22 10:03:07,118 ERROR …')?.[1] // '2026-11-22 10:03:07,118'
 */
export const LEADING_TIME =
  /^\[?(\d{4}[-/]\d\d[-/]\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:\s?(?:Z|[+-]\d\d:?\d\d))?)/;
