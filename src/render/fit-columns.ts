/** A table's text, cell by cell, ready to be padded into lines. */
export interface TextTable {
  columns: string[];
  rows: string[][];
  /** Columns whose cells are right-aligned. */
  numeric: boolean[];
}

/** Columns left out first when a table is too wide for the terminal, least important first. */
const DROP_ORDER = ['catalogued', 'retryable', 'httpStatus', 'requestIds', 'trend', 'section', 'sample at', 'parent', 'successes', 'spike'];
/** A column of RequestIds separated by spaces: shortened to whole ids, never cut inside one. */
const ID_LIST = 'requestIds';
/** A text cell is never cut shorter than this. */
const NARROWEST_CUT = 12;
/** The indent before a table's lines and the gap between its columns. */
export const INDENT = 2;
export const GAP = 2;

/** The width of a table's widest line. */
export function tableWidth(table: TextTable): number {
  const widths = columnWidths(table);
  return INDENT + widths.reduce((sum, w) => sum + w, 0) + GAP * Math.max(0, widths.length - 1);
}

function columnWidths(table: TextTable): number[] {
  return table.columns.map((column, i) => Math.max(column.length, ...table.rows.map((row) => row[i]!.length)));
}

/**
 * Fits a table into `width` columns so that no line wraps: first it shows
 * fewer RequestIds per row (whole ids, and `+N` for the rest), then leaves
 * out the least important columns one by one (catalogued, retryable,
 * httpStatus, RequestIds, the trend…), and only then shortens the longest
 * text column with `…`. The key columns and the count are kept.
 * @example fitColumns({ columns: ['code', 'count', 'requestIds'], rows: [['X', '2', 'id-1 id-2']], numeric: [false, true, false] }, 22)
 * // rows: [['X', '2', 'id-1 +1']]
 */
export function fitColumns(table: TextTable, width: number): TextTable {
  let current = table;
  for (;;) {
    if (tableWidth(current) <= width) return current;
    const shortened = shortenIdLists(current, width);
    if (shortened) return shortened;
    const drop = DROP_ORDER.find((column) => current.columns.includes(column));
    if (drop === undefined) return cutWidestText(current, width);
    current = withoutColumn(current, current.columns.indexOf(drop));
  }
}

/** The table with the most RequestIds per row that fits (at least one), or null when not even one does. */
function shortenIdLists(table: TextTable, width: number): TextTable | null {
  const at = table.columns.indexOf(ID_LIST);
  if (at < 0) return null;
  const most = Math.max(0, ...table.rows.map((row) => ids(row[at]!).length));
  for (let keep = most - 1; keep >= 1; keep--) {
    const candidate = { ...table, rows: table.rows.map((row) => row.map((cell, i) => (i === at ? keepIds(cell, keep) : cell))) };
    if (tableWidth(candidate) <= width) return candidate;
  }
  return null;
}

function ids(cell: string): string[] {
  return cell.split(' ').filter((id) => id.length > 0 && !id.startsWith('+'));
}

/** `a b c` with 1 kept: `a +2`. */
function keepIds(cell: string, keep: number): string {
  const all = ids(cell);
  return all.length <= keep ? cell : `${all.slice(0, keep).join(' ')} +${all.length - keep}`;
}

function withoutColumn(table: TextTable, at: number): TextTable {
  return {
    columns: table.columns.filter((_, i) => i !== at),
    rows: table.rows.map((row) => row.filter((_, i) => i !== at)),
    numeric: table.numeric.filter((_, i) => i !== at),
  };
}

/** Shortens the widest text column's long cells with `…` until the table fits or no cell can be cut further. */
function cutWidestText(table: TextTable, width: number): TextTable {
  const widths = columnWidths(table);
  let widest = -1;
  widths.forEach((w, i) => {
    const shortest = Math.max(NARROWEST_CUT, table.columns[i]!.length);
    if (!table.numeric[i] && w > shortest && (widest < 0 || w > widths[widest]!)) widest = i;
  });
  if (widest < 0) return table;
  const target = Math.max(NARROWEST_CUT, widths[widest]! - (tableWidth(table) - width), table.columns[widest]!.length);
  if (target >= widths[widest]!) return table;
  const cut = { ...table, rows: table.rows.map((row) => row.map((cell, i) => (i === widest && cell.length > target ? `${cell.slice(0, target - 1)}…` : cell))) };
  return tableWidth(cut) <= width ? cut : cutWidestText(cut, width);
}
