import type { Summary } from '../aggregation/summary.js';
import { groupTable, type Grouping } from './groupings.js';

/**
 * CSV (RFC 4180) of the first `--by` grouping: one header row, then rows.
 * Cells that a spreadsheet would run as a formula are prefixed with `'`.
 */
export function renderCsv(summary: Summary, by: readonly Grouping[]): string {
  const table = groupTable(summary, by[0] ?? 'code');
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
