import type { Summary, TimeSeries } from '../aggregation/summary.js';
import { summaryRange } from '../aggregation/summary-range.js';
import { formatTime } from '../time/format-time.js';
import { UTC, type TimeZone } from '../time/time-zone.js';
import { cellWord, groupTable, type GroupTable, type Grouping } from './groupings.js';
import { plural } from './plural.js';
import { fitColumns, type TextTable } from './fit-columns.js';
import { sanitizeForTerminal } from './sanitize-terminal.js';
import { setApartTable } from './set-apart-table.js';
import { withTrends } from './trend-columns.js';
import { uncataloguedTable } from './uncatalogued-table.js';

export interface TableStyle {
  color: boolean;
  /** Zone the times are shown in (UTC when absent). */
  zone?: TimeZone;
  /** The series the trends are drawn from; none, no trend columns. */
  series?: TimeSeries | null;
  /**
   * The terminal's width: tables are fitted into it (see fitColumns). Absent
   * (not a terminal, or `--wide`), every column is shown.
   */
  width?: number;
  /** `--wide`: no cell is shortened either. */
  wide?: boolean;
}

const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RED = '\u001b[31m';
const CYAN = '\u001b[36m';
const RESET = '\u001b[0m';

/** Columns drawn in colour (when colour is on): what the eye should find first. */
const COLUMN_COLORS: Record<string, string> = { trend: CYAN, spike: RED };

/**
 * The human summary: a totals line, the time range, one aligned table per
 * `--by` grouping with a trend per category and code, then the uncatalogued
 * codes if any. Every cell from the logs is sanitized for the terminal.
 */
export function renderTable(summary: Summary, by: readonly Grouping[], style: TableStyle): string {
  const paint = (code: string, text: string): string => (style.color ? `${code}${text}${RESET}` : text);
  const zone = style.zone ?? UTC;
  const t = summary.totals;
  const rate = summary.errorRate === null ? '' : `, error rate ${(summary.errorRate * 100).toFixed(1)}%`;
  const out: string[] = [
    `${paint(BOLD, 'mqerr')}: ${paint(t.errors > 0 ? RED : BOLD, String(t.errors))} ${plural(t.errors, 'error')}, ${plural(t.successes, 'success', true)} in ${plural(t.records, 'record', true)}, ${plural(t.lines, 'line', true)}${rate}`,
  ];
  if (t.truncated > 0 || t.undecodable > 0) out.push(`  ${t.truncated} lines truncated, ${t.undecodable} lines with invalid UTF-8`);
  if (t.repeatsAcrossInputs > 0) out.push(`  ${plural(t.repeatsAcrossInputs, 'error', true)} already counted from another input (the same RequestId), not counted again`);
  if (t.otherProducts > 0 || t.otherCloud > 0) out.push(`  set apart: ${plural(t.otherProducts, 'error', true)} of other products, ${plural(t.otherCloud, 'record', true)} of other clouds' errors (below)`);
  out.push(...timeLines(summary, style.series ?? null, zone));
  const printTable = (table: GroupTable): void => {
    const title = style.width !== undefined && table.title.length > style.width ? `${table.title.slice(0, style.width - 1)}…` : table.title;
    out.push('', paint(BOLD, title));
    if (table.rows.length === 0) {
      out.push(paint(DIM, '  (none)'));
      return;
    }
    const full: TextTable = {
      columns: table.columns,
      rows: table.rows.map((row) => row.map((value) => cellText(value, style.wide !== true && style.width === undefined))),
      numeric: table.rows[0]!.map((v) => typeof v === 'number'),
    };
    const text = style.width === undefined ? full : fitColumns(full, style.width);
    const widths = text.columns.map((column, i) => Math.max(column.length, ...text.rows.map((row) => row[i]!.length)));
    out.push(`  ${paint(DIM, text.columns.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd())}`);
    for (const row of text.rows) {
      const padded = row.map((cell, i) => (text.numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)));
      while (padded.length > 1 && padded[padded.length - 1]!.trim() === '') padded.pop();
      padded[padded.length - 1] = padded[padded.length - 1]!.trimEnd();
      const line = padded.map((cell, i) => {
        const color = COLUMN_COLORS[text.columns[i]!];
        return color && row[i] !== '-' ? paint(color, cell) : cell;
      });
      out.push(`  ${line.join('  ')}`);
    }
  };
  for (const grouping of by) printTable(withTrends(groupTable(summary, grouping), grouping, summary, style.series ?? null, zone));
  // The catalog's gaps are shown whenever there are any: they are what to add to a user catalog.
  const gaps = uncataloguedTable(summary);
  if (gaps.rows.length > 0) printTable(gaps);
  const setApart = setApartTable(summary);
  if (setApart.rows.length > 0) printTable(setApart);
  if (summary.thresholds) {
    out.push('', paint(BOLD, 'Thresholds (--fail-on)'));
    for (const th of summary.thresholds) out.push(`  ${th.fired ? paint(RED, 'fired') : 'ok   '}  ${sanitizeForTerminal(th.expr)}  (value ${th.value ?? '-'})`);
  }
  const failed = summary.sources.filter((s) => s.error);
  if (failed.length > 0) {
    out.push('', paint(BOLD, 'Unreadable inputs'));
    for (const s of failed) out.push(`  ${sanitizeForTerminal(s.name)}: ${sanitizeForTerminal(s.error!)}`);
  }
  return out.join('\n') + '\n';
}

/** The run's time range, and what `--since`/`--until` left out. */
function timeLines(summary: Summary, series: TimeSeries | null, zone: TimeZone): string[] {
  const lines: string[] = [];
  const range = summaryRange(summary, series);
  if (range) lines.push(`  ${formatTime(Date.parse(range.from), zone)} → ${formatTime(Date.parse(range.to), zone)} ${zone.name}`);
  const w = summary.window;
  if (w) {
    const since = w.since ? `${formatTime(Date.parse(w.since), zone)} ${zone.name}` : 'the start';
    const until = w.until ? `${formatTime(Date.parse(w.until), zone)} ${zone.name}` : 'the end';
    lines.push(`  window ${since} → ${until}; left out ${w.before} records before, ${w.after} after, ${w.untimed} without a time`);
  }
  return lines;
}

/** A cell's text; `shorten` cuts it at 80 characters (a table on no terminal, without `--wide`). */
function cellText(value: string | number | boolean | null, shorten: boolean): string {
  const text = sanitizeForTerminal(cellWord(value));
  return shorten && text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
