import type { Summary } from '../aggregation/summary.js';
import { groupTable, type GroupTable, type Grouping } from './groupings.js';
import { sanitizeForTerminal } from './sanitize-terminal.js';
import { uncataloguedTable } from './uncatalogued-table.js';

export interface TableStyle {
  color: boolean;
}

const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RED = '\u001b[31m';
const RESET = '\u001b[0m';

/**
 * The human summary: a totals line, one aligned table per `--by` grouping,
 * then the uncatalogued codes if any. Every cell from the logs is sanitized
 * for the terminal.
 */
export function renderTable(summary: Summary, by: readonly Grouping[], style: TableStyle): string {
  const paint = (code: string, text: string): string => (style.color ? `${code}${text}${RESET}` : text);
  const t = summary.totals;
  const rate = summary.errorRate === null ? '' : `, error rate ${(summary.errorRate * 100).toFixed(1)}%`;
  const out: string[] = [
    `${paint(BOLD, 'mqerr')}: ${paint(t.errors > 0 ? RED : BOLD, String(t.errors))} errors, ${t.successes} successes in ${t.records} records, ${t.lines} lines${rate}`,
  ];
  if (t.truncated > 0 || t.undecodable > 0) out.push(`  ${t.truncated} lines truncated, ${t.undecodable} lines with invalid UTF-8`);
  const printTable = (table: GroupTable): void => {
    out.push('', paint(BOLD, table.title));
    if (table.rows.length === 0) {
      out.push(paint(DIM, '  (none)'));
      return;
    }
    const cells = [table.columns, ...table.rows.map((row) => row.map(cellText))];
    const widths = table.columns.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
    const numeric = table.rows[0]!.map((v) => typeof v === 'number');
    cells.forEach((row, r) => {
      const line = row.map((cell, i) => (numeric[i] && r > 0 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
      out.push(`  ${r === 0 ? paint(DIM, line.trimEnd()) : line.trimEnd()}`);
    });
  };
  for (const grouping of by) printTable(groupTable(summary, grouping));
  // The catalog's gaps are shown whenever there are any: they are what to add to a user catalog.
  const gaps = uncataloguedTable(summary);
  if (gaps.rows.length > 0) printTable(gaps);
  const failed = summary.sources.filter((s) => s.error);
  if (failed.length > 0) {
    out.push('', paint(BOLD, 'Unreadable inputs'));
    for (const s of failed) out.push(`  ${sanitizeForTerminal(s.name)}: ${sanitizeForTerminal(s.error!)}`);
  }
  return out.join('\n') + '\n';
}

function cellText(value: string | number | boolean | null): string {
  if (value === null) return '-';
  const text = sanitizeForTerminal(String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
