import type { SeriesColumn } from '../resample-series.js';

/** The error rate of each chart column, in one unit for the whole chart. */
export interface ErrorRate {
  /**
   * `share`: the percentage of logged API calls (errors and successes) that
   * failed; used when the series counted any success. `per-minute`: errors
   * per minute; used when it did not, since every logged call then failed.
   */
  unit: 'share' | 'per-minute';
  /** One per column; null where a column holds no call to take a share of. */
  values: (number | null)[];
  /** Per column: its errors and successes, for the point's tooltip. */
  calls: { errors: number; successes: number }[];
  /** How long one column is, for the per-minute rate. */
  columnMinutes: number;
}

/**
 * The rate line drawn under the chart: the share of calls that failed per
 * column, or errors per minute when the logs hold no successes.
 * @example errorRate(columns).values // [12.5, null, 3.1, …] (percent)
 */
export function errorRate(columns: readonly SeriesColumn[]): ErrorRate | null {
  if (columns.length === 0) return null;
  const columnMinutes = (columns[0]!.end - columns[0]!.start) / 60_000;
  const unit = columns.some((c) => c.successes > 0) ? 'share' : 'per-minute';
  const values = columns.map((c) => {
    if (unit === 'per-minute') return c.errors / columnMinutes;
    const calls = c.errors + c.successes;
    return calls === 0 ? null : (c.errors / calls) * 100;
  });
  return { unit, values, calls: columns.map((c) => ({ errors: c.errors, successes: c.successes })), columnMinutes };
}
