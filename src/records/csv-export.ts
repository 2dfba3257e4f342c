import { CsvRows, splitCsvRow, type CsvRow } from './csv-rows.js';
import { isEventField, LINE_FIELDS } from './envelope-fields.js';

/** What a log platform's CSV export says in its header: how to read its rows. */
export interface CsvExport {
  delimiter: number;
  names: string[];
  /**
   * The column that carries the log line (`@message`, `message`, `content`,
   * `_raw`, `Line`…), or null when the columns are the application's own
   * event fields (`code`, `requestId`…): then a row is that event.
   */
  lineField: string | null;
  /** The column that holds the row's time, where one is named so. */
  timeField: string | null;
}

/** Comma, then the separators spreadsheets and exporters use where a comma is a decimal point or a field: semicolon, tab, and the vertical bar SLS's CSV shipping offers. */
const DELIMITERS = [0x2c, 0x3b, 0x09, 0x7c];

/**
 * Line columns, lower-cased, in the envelopes' order of preference
 * (LINE_FIELDS), then CloudWatch Logs Insights' `@message` and a bare `raw`.
 */
const LINE_COLUMNS: readonly string[] = [...new Set([...LINE_FIELDS.map((field) => field.toLowerCase()), '@message', 'raw'])];

/**
 * Time columns, lower-cased: Kibana's and CloudWatch's `@timestamp`, SLS's
 * `__time__`, Splunk's `_time`, Datadog's `Date`, Grafana's `Time`, CLS's
 * `__TIMESTAMP__`, Sumo Logic's `_messagetime`, Azure Monitor's `TimeGenerated` (its portal writes the zone
 * after it, `TimeGenerated [UTC]`: a name is compared without such a bracket).
 */
const TIME_COLUMNS: readonly string[] = ['@timestamp', 'timestamp', 'time', '__time__', '_time', '__timestamp__', 'date', 'datetime', 'ts', 'timegenerated', '_messagetime'];

/**
 * A column name as exporters write them: a letter, `_`, `@` or `$` first,
 * then letters, digits, `_@$.:/-#`, spaces and brackets (`Log Group`,
 * `count()`, `TimeGenerated [UTC]`), at most 128 characters; nothing before it.
 */
const COLUMN_NAME = /^[\p{L}_@$][\p{L}\p{N}_@$.:/\-#()[\] ]{0,127}$/u;
/** What an exporter writes after a column's name: its unit or zone in brackets (`TimeGenerated [UTC]`). */
const NAME_SUFFIX = / \[[^\]]{1,32}\]$/;

/**
 * Whether the first bytes of an input are a log platform's CSV export —
 * Alibaba SLS's and Tencent CLS's log downloads, Kibana's CSV reports,
 * CloudWatch Logs Insights' and Grafana's table downloads, Datadog's,
 * Splunk's and Azure Monitor's exports — and how to read it. The first row must be a header of
 * column names (quoted or not, one delimiter among `,` `;` tab `|`, every name
 * distinct), one of which carries the log line or is an application's event
 * field; a data row within the sample must have as many fields (or more,
 * when the line column is the last: an unquoted delimiter in a message).
 * A log line that merely holds commas has no such header.
 * @example readCsvExport(Buffer.from('"@timestamp","@message"\n"2026-11-22 09:44:34.000","boom"\n'), true)
 * // { delimiter: 44, names: ['@timestamp', '@message'], lineField: '@message', timeField: '@timestamp' }
 */
export function readCsvExport(start: Buffer, ended: boolean): CsvExport | null {
  const at = start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf ? 3 : 0;
  const firstBreak = start.indexOf(0x0a, at);
  if (firstBreak < 0 && !ended) return null;
  const headerEnd = firstBreak < 0 ? start.length : firstBreak;
  const firstLine = start.subarray(at, headerEnd);
  for (const delimiter of DELIMITERS) {
    if (!firstLine.includes(delimiter)) continue;
    const form = headerOf(splitCsvRow(firstLine, delimiter), delimiter);
    if (form === null) continue;
    // The first data row, where the sample holds one whole, must fit the header.
    const rows: CsvRow[] = [];
    const reader = new CsvRows(delimiter, start.length, (row) => rows.push(row));
    reader.write(start.subarray(at));
    if (ended) reader.end();
    if (fitsHeader(form, rows[1])) return form;
  }
  return null;
}

/** The export a header row describes, or null when it is no header of a log export. */
function headerOf(names: string[], delimiter: number): CsvExport | null {
  if (names.length < 2 || new Set(names).size !== names.length || !names.every((name) => COLUMN_NAME.test(name))) return null;
  const lower = names.map((name) => name.replace(NAME_SUFFIX, '').toLowerCase());
  const eventColumns = names.some((name) => isEventField(name));
  const lineAt = eventColumns ? -1 : firstIndexOf(lower, LINE_COLUMNS);
  if (lineAt < 0 && !eventColumns) return null;
  const timeAt = firstIndexOf(lower, TIME_COLUMNS);
  return { delimiter, names, lineField: lineAt < 0 ? null : names[lineAt]!, timeField: timeAt < 0 ? null : names[timeAt]! };
}

/** Whether a data row has the header's fields: as many, or more when the line is the last column (an unquoted delimiter in it). */
function fitsHeader(form: CsvExport, row: CsvRow | undefined): boolean {
  if (!row) return true;
  const count = row.fields.length;
  const columns = form.names.length;
  return count === columns || (count > columns && form.lineField === form.names[columns - 1]);
}

/** The index in `names` of the first of `wanted` (in `wanted`'s order) that `names` holds, else -1. */
function firstIndexOf(names: readonly string[], wanted: readonly string[]): number {
  for (const word of wanted) {
    const at = names.indexOf(word);
    if (at >= 0) return at;
  }
  return -1;
}
