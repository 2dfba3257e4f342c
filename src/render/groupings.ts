import type { Summary } from '../aggregation/summary.js';

/** What `--by` can group the summary by. */
export const GROUPINGS = ['category', 'code', 'vendor', 'product', 'source', 'httpStatus', 'action', 'pod', 'container'] as const;
export type Grouping = (typeof GROUPINGS)[number];

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
  switch (by) {
    case 'category':
      return { title: 'Errors by category', columns: ['category', 'count'], rows: Object.entries(summary.byCategory) };
    case 'code':
      return {
        title: 'Errors by code',
        columns: ['vendor', 'code', 'category', 'httpStatus', 'retryable', 'catalogued', 'count', 'requestIds'],
        rows: summary.byCode.map((c) => [c.vendor, c.code, c.category, c.httpStatus, c.retryable, c.catalogued, c.count, c.requestIds.join(' ')]),
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
        columns: ['vendor', 'product', 'counted', 'count', 'successes', 'codes'],
        rows: summary.byProduct.map((p) => [p.vendor, p.product, p.counted, p.count, p.successes, p.codes.map((c) => `${c.code ?? '-'}×${c.count}`).join(' ')]),
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

function keyTable(title: string, column: string, counts: { key: string | null; count: number }[]): GroupTable {
  return { title, columns: [column, 'count'], rows: counts.map((c) => [c.key, c.count]) };
}
