import type { Summary, TimeSeries } from './summary.js';

/**
 * The time range a run covered: the series' range when there is one (the
 * records counted), else the sources' (every timed record read).
 * @example summaryRange(summary, null) // { from: '2026-11-22T09:44:30.001Z', to: '2026-11-22T09:45:06.200Z' }
 */
export function summaryRange(summary: Summary, series: TimeSeries | null): { from: string; to: string } | null {
  if (series?.from && series.to) return { from: series.from, to: series.to };
  const firsts = summary.sources.map((s) => s.firstSeen).filter((v): v is string => v !== null);
  const lasts = summary.sources.map((s) => s.lastSeen).filter((v): v is string => v !== null);
  if (firsts.length === 0 || lasts.length === 0) return null;
  // ISO 8601 UTC strings of one format order as their times do.
  return { from: firsts.reduce((a, b) => (a < b ? a : b)), to: lasts.reduce((a, b) => (a > b ? a : b)) };
}
