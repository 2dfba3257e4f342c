import { bucketStart } from '../aggregation/bucket-size.js';
import type { TimeSeries } from '../aggregation/summary.js';

/** One column of a chart or sparkline: one or more consecutive buckets added together. */
export interface SeriesColumn {
  start: number;
  /** Exclusive. */
  end: number;
  errors: number;
  successes: number;
  categories: Map<string, number>;
  /** Keyed by `codeKey(vendor, code)`. */
  codes: Map<string, number>;
}

/** The key a code's counts are kept under in a column. */
export function codeKey(vendor: string | null, code: string | null): string {
  return `${vendor ?? ''}\u0000${code ?? ''}`;
}

/**
 * Lays a series out as at most `maxColumns` equal columns covering its whole
 * range, empty buckets included; when the range holds more buckets than
 * that, each column adds up the same number of consecutive buckets.
 * Costs O(maxColumns + buckets) however long the range is.
 * @example resampleSeries(summary.timeSeries, 24).map((c) => c.errors) // [0, 2, 0, 9, …]
 */
export function resampleSeries(series: TimeSeries, maxColumns: number): SeriesColumn[] {
  if (series.from === null || series.to === null) return [];
  const size = series.bucketMs;
  const first = bucketStart(Date.parse(series.from), size);
  const buckets = (bucketStart(Date.parse(series.to), size) - first) / size + 1;
  const perColumn = Math.ceil(buckets / maxColumns);
  const count = Math.ceil(buckets / perColumn);
  const columns: SeriesColumn[] = [];
  for (let i = 0; i < count; i++) {
    const start = first + i * perColumn * size;
    columns.push({ start, end: start + perColumn * size, errors: 0, successes: 0, categories: new Map(), codes: new Map() });
  }
  for (const bucket of series.buckets) {
    const index = Math.floor((Date.parse(bucket.start) - first) / size / perColumn);
    const column = columns[Math.min(Math.max(index, 0), count - 1)]!;
    column.errors += bucket.errors;
    column.successes += bucket.successes;
    for (const [category, n] of Object.entries(bucket.byCategory)) column.categories.set(category, (column.categories.get(category) ?? 0) + n);
    for (const c of bucket.byCode) {
      const key = codeKey(c.vendor, c.code);
      column.codes.set(key, (column.codes.get(key) ?? 0) + c.count);
    }
  }
  return columns;
}
