import { DIMENSIONS, sameDimensions, type Dimension } from '../aggregation/cross-tabs.js';
import type { Summary } from '../aggregation/summary.js';

/** What `--by` can group the summary by. */
export const GROUPINGS = DIMENSIONS;
/** One `--by`: a dimension (`pod`), or dimensions crossed (`pod,code`). */
export type Grouping = Dimension | readonly Dimension[];

/** A table of one grouping, shared by the table, CSV and Markdown renderers. */
export interface GroupTable {
  title: string;
  columns: string[];
  rows: (string | number | boolean | null)[][];
}

/**
 * The rows of one grouping of a summary.
 * @example groupTable(summary, 'category') // { title: 'Errors by category', columns: ['category','count'], rows: [['throttling', 12]] }
 */
export function groupTable(summary: Summary, by: Grouping): GroupTable {
  if (typeof by !== 'string') return crossTable(summary, by);
  switch (by) {
    case 'category':
      return { title: 'Errors by category', columns: ['category', 'count'], rows: Object.entries(summary.byCategory) };
    case 'code':
      return {
        title: 'Errors by code',
        columns: ['vendor', 'code', 'count', 'category', 'httpStatus', 'retryable', 'catalogued', 'requestIds'],
        rows: summary.byCode.map((c) => [c.vendor, c.code, c.count, c.category, c.httpStatus, c.retryable, c.catalogued, c.requestIds.join(' ')]),
      };
    case 'source':
      return {
        title: 'Sources',
        columns: ['source', 'lines', 'bytes', 'records', 'errors', 'successes', 'error'],
        rows: summary.sources.map((s) => [s.name, s.lines, s.bytes, s.records, s.errors, s.successes, s.error]),
      };
    case 'vendor':
      return keyTable('Errors by vendor', 'vendor', summary.byVendor);
    case 'product':
      return {
        title: 'Errors by product (counted: in the counts above)',
        columns: ['vendor', 'product', 'count', 'counted', 'successes', 'codes'],
        rows: summary.byProduct.map((p) => [p.vendor, p.product, p.count, p.counted, p.successes, p.codes.map((c) => `${c.code ?? '-'}×${c.count}`).join(' ')]),
      };
    case 'httpStatus':
      return keyTable('Errors by HTTP status', 'httpStatus', summary.byHttpStatus);
    case 'action':
      return keyTable('Errors by action', 'action', summary.byAction);
    case 'pod':
      return keyTable('Errors by pod', 'pod', summary.byPod);
    case 'container':
      return keyTable('Errors by container', 'container', summary.byContainer);
  }
}

/** The name of a grouping as typed and as CSV's `grouping` column shows it: `code`, `pod,code`. */
export function groupingName(by: Grouping): string {
  return typeof by === 'string' ? by : by.join(',');
}

/** The cross-tab of the summary for these dimensions (no rows when the summary does not hold it). */
function crossTable(summary: Summary, dimensions: readonly Dimension[]): GroupTable {
  const group = summary.groups?.find((g) => sameDimensions(g.dimensions, dimensions));
  return {
    title: `Errors by ${dimensions.slice(0, -1).join(', ')} and ${dimensions[dimensions.length - 1]}`,
    columns: [...dimensions, 'count'],
    rows: (group?.rows ?? []).map((row) => [...dimensions.map((d) => (row[d] ?? null) as string | null), row.count]),
  };
}

/**
 * A cell as people read it, the same in the table, Markdown and CSV: an
 * unknown value is `-`, a yes-or-no one `yes` or `no`.
 */
export function cellWord(value: string | number | boolean | null): string {
  if (value === null) return '-';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

function keyTable(title: string, column: string, counts: { key: string | null; count: number }[]): GroupTable {
  return { title, columns: [column, 'count'], rows: counts.map((c) => [c.key, c.count]) };
}
