import type { Summary } from '../aggregation/summary.js';
import { cellWord, groupingName, groupTable, type GroupTable, type Grouping } from './groupings.js';
import { sanitizeForTerminal } from './sanitize-terminal.js';
import { setApartTable } from './set-apart-table.js';

/** Leading columns added to every row, as periodic snapshots use (`time`, `final`). */
export interface CsvLead {
  columns: string[];
  values: (string | boolean)[];
  /** Whether to write the header row (only the first snapshot does). */
  header: boolean;
}

/** The `grouping` of the rows of what the main counts leave out. */
const SET_APART = 'set-apart';

/**
 * CSV (RFC 4180) of every `--by` grouping in one table, so csvkit and mlr
 * read it as one: the first column, `grouping`, names the grouping a row
 * belongs to (`category`, `code`, `pod,code`); the header is every
 * grouping's columns in order of first use (`count` is one column), and a
 * row leaves the columns of other groupings empty. When the counts leave
 * errors out (other products, other clouds), their rows follow as grouping
 * `set-apart` (not in snapshots, whose rows must share one header).
 * An unknown value is `-` and a yes-or-no one `yes`/`no`, as in the table.
 * Cells that a spreadsheet would run as a formula are prefixed with `'`;
 * control characters from the logs are shown as `\xNN` escapes.
 * @example renderCsv(summary, ['category']) // 'grouping,category,count\r\ncategory,throttling,2\r\n…'
 */
export function renderCsv(summary: Summary, by: readonly Grouping[], lead?: CsvLead): string {
  const tables: [string, GroupTable][] = by.map((g) => [groupingName(g), groupTable(summary, g)]);
  const setApart = lead ? null : setApartTable(summary);
  if (setApart && setApart.rows.length > 0) tables.push([SET_APART, setApart]);
  const columns: string[] = [];
  for (const [, table] of tables) for (const column of table.columns) if (!columns.includes(column)) columns.push(column);
  const header = [...(lead?.columns ?? []), 'grouping', ...columns];
  const lines: string[] = [];
  if (!lead || lead.header) lines.push(header.map(csvCell).join(','));
  for (const [name, table] of tables) {
    for (const row of table.rows) {
      const cells = columns.map((column) => {
        const i = table.columns.indexOf(column);
        return i < 0 ? '' : csvCell(cellWord(row[i] ?? null));
      });
      lines.push([...(lead?.values ?? []).map((v) => csvCell(cellWord(v))), csvCell(name), ...cells].join(','));
    }
  }
  return lines.length === 0 ? '' : lines.join('\r\n') + '\r\n';
}

function csvCell(text: string): string {
  // A CSV is often looked at with cat or less before a spreadsheet opens it.
  let cell = sanitizeForTerminal(text);
  // `-` is the unknown value, and a number is no formula.
  if (cell !== '-' && !/^-?\d+(?:\.\d+)?$/.test(cell) && /^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
