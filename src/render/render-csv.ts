import type { Summary } from '../aggregation/summary.js';
import { groupTable, type Grouping } from './groupings.js';
import { sanitizeForTerminal } from './sanitize-terminal.js';
import { setApartTable } from './set-apart-table.js';

/** Leading columns added to every row, as periodic snapshots use (`time`, `final`). */
export interface CsvLead {
  columns: string[];
  values: (string | boolean)[];
  /** Whether to write the header row (only the first snapshot does). */
  header: boolean;
}

/**
 * CSV (RFC 4180) of the first `--by` grouping: one header row, then rows;
 * when the counts leave errors out (other products, other clouds), an empty
 * line and their own table follow, so nothing is hidden (not in snapshots,
 * whose rows must share one header).
 * Cells that a spreadsheet would run as a formula are prefixed with `'`;
 * control characters from the logs are shown as `\xNN` escapes.
 */
export function renderCsv(summary: Summary, by: readonly Grouping[], lead?: CsvLead): string {
  const table = groupTable(summary, by[0] ?? 'code');
  const rows = lead ? table.rows.map((row) => [...lead.values, ...row]) : table.rows;
  const header = lead ? [...lead.columns, ...table.columns] : table.columns;
  const lines = (lead && !lead.header ? rows : [header, ...rows]).map((row) => row.map(csvCell).join(','));
  const setApart = lead ? null : setApartTable(summary);
  if (setApart && setApart.rows.length > 0) lines.push('', ...[setApart.columns, ...setApart.rows].map((row) => row.map(csvCell).join(',')));
  return lines.length === 0 ? '' : lines.join('\r\n') + '\r\n';
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  // A CSV is often looked at with cat or less before a spreadsheet opens it.
  let text = typeof value === 'string' ? sanitizeForTerminal(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
