import { sizeLabel } from '../../aggregation/bucket-size.js';
import type { Summary, TimeSeries, Totals } from '../../aggregation/summary.js';
import { summaryRange } from '../../aggregation/summary-range.js';
import type { Catalog } from '../../catalog/catalog.js';
import type { CatalogEntry } from '../../types.js';
import { formatTime, precisionFor, type TimePrecision } from '../../time/format-time.js';
import type { TimeZone } from '../../time/time-zone.js';
import { codeKey, resampleSeries, type SeriesColumn } from '../resample-series.js';
import { categoryColor } from './category-colors.js';
import { errorRate, type ErrorRate } from './error-rate.js';
import { alibabaLink, findRecommendLink } from '../../recognition/find-recommend-link.js';
import { productBreakdown, vendorBreakdown, type ReportProduct, type ReportVendor } from './report-breakdowns.js';

/** What the report is made from; the CLI gathers it, everything after is pure. */
export interface ReportInput {
  summary: Summary;
  /** The `--bucket` series, or the adaptive one a scan keeps; null: no chart. */
  series: TimeSeries | null;
  catalog: Catalog;
  zone: TimeZone;
  /** The command that produced the report, as a shell would run it. */
  commandLine: string;
  generatedAt: number;
}

export interface ReportCategory {
  name: string;
  count: number;
  color: string;
  spikes: { at: string; count: number; baseline: number }[];
}

export interface ReportCode {
  vendor: string | null;
  code: string | null;
  category: string;
  color: string;
  count: number;
  httpStatus: number | null;
  retryable: boolean | null;
  catalogued: boolean;
  description: string | null;
  remedy: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  requestIds: string[];
  /** Alibaba's troubleshooting link from the code's sample record (uncatalogued codes keep one), when it had a safe one. */
  recommend: string | null;
  /** Errors per sparkline column over the run's range; null without a series. */
  trend: number[] | null;
}

/** A code the catalog does not list, with its redacted sample record. */
export interface ReportUncatalogued {
  vendor: string | null;
  code: string;
  count: number;
  parent: string | null;
  /** Where the sample record is: `file:line`. */
  at: string;
  sample: string;
  recommend: string | null;
}

export interface ReportChart {
  columns: SeriesColumn[];
  /** Stacking order, bottom first: the categories with errors in the series. */
  categories: { name: string; color: string }[];
  bucket: string;
  precision: TimePrecision;
  /** Column index → categories that spiked in one of its buckets. */
  spikes: Map<number, string[]>;
  /** The rate line under the chart, column by column. */
  rate: ErrorRate | null;
}

/** Everything the template shows, already counted, sorted and formatted (not yet escaped). */
export interface ReportData {
  generatedAt: string;
  zone: string;
  commandLine: string;
  catalog: { version: string; entries: number };
  totals: Totals;
  errorRate: number | null;
  range: { from: string; to: string } | null;
  window: { since: string; until: string; before: number; after: number; untimed: number } | null;
  untimedErrors: number;
  /** The factor spikes were found with; null without a series. */
  spikeFactor: number | null;
  categories: ReportCategory[];
  chart: ReportChart | null;
  codes: ReportCode[];
  moreCodes: number;
  /** What one sparkline column of `codes[].trend` spans (`5m`, `2h`). */
  trendBucket: string | null;
  uncatalogued: ReportUncatalogued[];
  /** Errors of uncatalogued codes past `--max-keys`, counted but not listed. */
  uncataloguedFolded: number;
  vendors: ReportVendor[];
  products: ReportProduct[];
  /** Per-source accounting, times already in the display zone. */
  sources: Summary['sources'];
  where: { title: string; rows: { key: string | null; count: number }[] }[];
}

/** Codes listed in full; the rest are counted, and are all in the JSON summary. */
export const TOP_CODES = 25;
/** Bars in the chart at most; longer ranges add consecutive buckets together. */
export const MAX_CHART_COLUMNS = 288;
/** Columns of a code's sparkline at most: its shape, not its detail (the chart has that). */
export const TREND_COLUMNS = 48;
const TOP_WHERE = 10;

/**
 * Turns a summary into what the report shows: top codes with the catalog's
 * description and remedy, the chart's columns, times in the display zone.
 */
export function prepareReport(input: ReportInput): ReportData {
  const { summary, series, zone } = input;
  const time = (iso: string | null, precision: TimePrecision = 'second'): string | null =>
    iso === null ? null : formatTime(Date.parse(iso), zone, precision);
  const spikePrecision = series ? precisionFor(series.bucketMs) : 'minute';
  const categories = Object.entries(summary.byCategory).map(([name, count]) => ({
    name,
    count,
    color: categoryColor(name),
    spikes: (series?.spikes ?? [])
      .filter((s) => s.category === name)
      .map((s) => ({ at: time(s.start, spikePrecision)!, count: s.count, baseline: s.baseline })),
  }));
  const uncatalogued = (summary.uncatalogued ?? []).map((u) => ({
    vendor: u.vendor,
    code: u.code,
    count: u.count,
    parent: u.parent,
    at: `${u.sample.source}:${u.sample.line}`,
    sample: u.sample.text,
    recommend: findRecommendLink(u.sample.text),
  }));
  const recommendOf = (vendor: string | null, code: string | null): string | null =>
    uncatalogued.find((u) => u.vendor === vendor && u.code === code)?.recommend ?? null;
  const trendColumns = series ? resampleSeries(series, TREND_COLUMNS) : [];
  const codes = summary.byCode.slice(0, TOP_CODES).map((c) => ({
    vendor: c.vendor,
    code: c.code,
    category: c.category,
    color: categoryColor(c.category),
    count: c.count,
    httpStatus: c.httpStatus,
    retryable: c.retryable,
    catalogued: c.catalogued,
    ...describeCode(input.catalog, c.vendor, c.code),
    firstSeen: time(c.firstSeen),
    lastSeen: time(c.lastSeen),
    requestIds: c.requestIds,
    // A summary read back (merge) vouches for nothing: its link is checked again.
    recommend: (c.recommend === undefined ? null : alibabaLink(c.recommend)) ?? recommendOf(c.vendor, c.code),
    trend: trendColumns.length === 0 ? null : trendColumns.map((column) => column.codes.get(codeKey(c.vendor, c.code)) ?? 0),
  }));
  const range = summaryRange(summary, series);
  const w = summary.window;
  return {
    generatedAt: formatTime(input.generatedAt, zone),
    zone: zone.name,
    commandLine: input.commandLine,
    catalog: summary.catalog,
    totals: summary.totals,
    errorRate: summary.errorRate,
    range: range ? { from: time(range.from)!, to: time(range.to)! } : null,
    window: w
      ? { since: time(w.since) ?? 'the start', until: time(w.until) ?? 'the end', before: w.before, after: w.after, untimed: w.untimed }
      : null,
    untimedErrors: series?.untimed ?? 0,
    spikeFactor: series?.spikeFactor ?? null,
    categories,
    chart: series ? chartOf(series) : null,
    codes,
    moreCodes: Math.max(0, summary.byCode.length - TOP_CODES),
    trendBucket: trendColumns.length === 0 ? null : sizeLabel(trendColumns[0]!.end - trendColumns[0]!.start),
    uncatalogued,
    uncataloguedFolded: summary.overflow?.folded['uncatalogued'] ?? 0,
    vendors: vendorBreakdown(summary),
    products: productBreakdown(summary),
    sources: summary.sources.map((s) => ({ ...s, firstSeen: time(s.firstSeen), lastSeen: time(s.lastSeen) })),
    where: [
      { title: 'Actions', rows: summary.byAction },
      { title: 'Pods', rows: summary.byPod },
      { title: 'Containers', rows: summary.byContainer },
    ]
      .map((w) => ({ title: w.title, rows: w.rows.filter((r) => r.key !== null).slice(0, TOP_WHERE) }))
      .filter((w) => w.rows.length > 0),
  };
}

function chartOf(series: TimeSeries): ReportChart | null {
  const columns = resampleSeries(series, MAX_CHART_COLUMNS);
  const totals = new Map<string, number>();
  for (const column of columns) for (const [name, n] of column.categories) totals.set(name, (totals.get(name) ?? 0) + n);
  if (totals.size === 0) return null;
  const columnMs = columns[0]!.end - columns[0]!.start;
  const spikes = new Map<number, string[]>();
  for (const spike of series.spikes) {
    const at = Date.parse(spike.start);
    const index = columns.findIndex((c) => at >= c.start && at < c.end);
    if (index < 0) continue;
    const list = spikes.get(index) ?? [];
    if (!list.includes(spike.category)) list.push(spike.category);
    spikes.set(index, list);
  }
  return {
    columns,
    categories: [...totals]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([name]) => ({ name, color: categoryColor(name) })),
    bucket: columnMs === series.bucketMs ? series.bucket : sizeLabel(columnMs),
    precision: precisionFor(columnMs),
    spikes,
    rate: errorRate(columns),
  };
}

/**
 * The catalog's words for a code. Without a vendor, the vendors that know
 * the code speak each in turn unless they agree.
 */
function describeCode(catalog: Catalog, vendor: string | null, code: string | null): { description: string | null; remedy: string | null } {
  if (code === null) return { description: null, remedy: null };
  const entries: CatalogEntry[] = vendor
    ? [catalog.lookupCode(code, vendor)?.entry].filter((e): e is CatalogEntry => e !== undefined)
    : catalog.lookupAnyVendor(code).map((m) => m.entry);
  const pick = (field: 'description' | 'remedy'): string | null => {
    const texts = entries.filter((e) => e[field]);
    if (texts.length === 0) return null;
    if (texts.every((e) => e[field] === texts[0]![field])) return texts[0]![field];
    return texts.map((e) => `${e.vendor}: ${e[field]}`).join(' / ');
  };
  return { description: pick('description'), remedy: pick('remedy') };
}
