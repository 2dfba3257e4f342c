import type { Spike, Summary, TimeSeries } from '../aggregation/summary.js';
import { formatTime, precisionFor } from '../time/format-time.js';
import type { TimeZone } from '../time/time-zone.js';
import type { GroupTable, Grouping } from './groupings.js';
import { codeKey, resampleSeries } from './resample-series.js';
import { sparkline } from './sparkline.js';

/** Characters a trend takes in the table. */
export const TREND_WIDTH = 24;

/**
 * Adds a sparkline column to the category and code tables (over the run's
 * whole time range) and, for categories, the largest spike. Other groupings
 * and runs without timed records are returned unchanged.
 * @example withTrends(groupTable(summary, 'category'), 'category', summary, series, UTC)
 */
export function withTrends(table: GroupTable, by: Grouping, summary: Summary, series: TimeSeries | null, zone: TimeZone): GroupTable {
  if (!series || (by !== 'category' && by !== 'code')) return table;
  const columns = resampleSeries(series, TREND_WIDTH);
  if (columns.length === 0 || table.rows.length === 0) return table;
  if (by === 'category') {
    const spikes = largestSpikes(series.spikes);
    const anySpike = table.rows.some((row) => spikes.has(String(row[0])));
    return {
      title: table.title,
      columns: [...table.columns, 'trend', ...(anySpike ? ['spike'] : [])],
      rows: table.rows.map((row) => {
        const category = String(row[0]);
        const trend = trendOf(columns.map((c) => c.categories.get(category) ?? 0));
        if (!anySpike) return [...row, trend];
        const spike = spikes.get(category);
        return [...row, trend, spike ? describeSpike(spike, series, zone) : null];
      }),
    };
  }
  const at = table.columns.indexOf('count') + 1;
  return {
    title: table.title,
    columns: [...table.columns.slice(0, at), 'trend', ...table.columns.slice(at)],
    rows: table.rows.map((row, i) => {
      const c = summary.byCode[i]!;
      const trend = trendOf(columns.map((col) => col.codes.get(codeKey(c.vendor, c.code)) ?? 0));
      return [...row.slice(0, at), trend, ...row.slice(at)];
    }),
  };
}

/** A row whose errors all lack a time has no trend to draw (shown as `-`). */
function trendOf(values: number[]): string | null {
  return values.some((v) => v > 0) ? sparkline(values) : null;
}

/** Per category, the spike that stands out most against its baseline. */
function largestSpikes(spikes: readonly Spike[]): Map<string, Spike & { others: number }> {
  const out = new Map<string, Spike & { others: number }>();
  for (const spike of spikes) {
    const held = out.get(spike.category);
    if (!held) out.set(spike.category, { ...spike, others: 0 });
    else if (ratio(spike) > ratio(held)) out.set(spike.category, { ...spike, others: held.others + 1 });
    else held.others++;
  }
  return out;
}

function ratio(spike: Spike): number {
  return spike.count / Math.max(spike.baseline, 1);
}

function describeSpike(spike: Spike & { others: number }, series: TimeSeries, zone: TimeZone): string {
  const at = formatTime(Date.parse(spike.start), zone, precisionFor(series.bucketMs));
  const more = spike.others > 0 ? ` (+${spike.others} more)` : '';
  return `${at}: ${spike.count} vs ${spike.baseline}/${series.bucket}${more}`;
}
