import type { CsvExport } from './csv-export.js';
import { CsvRows, type CsvRow } from './csv-rows.js';
import type { DocumentReader } from './document-reader.js';
import type { DocumentEntry } from './entry-finder.js';
import { DEFAULT_DOCUMENT_LIMITS } from './json-document-reader.js';

/**
 * Reads a log platform's CSV export (see readCsvExport) from byte chunks cut
 * anywhere and hands over each row after the header as an entry: an object
 * of the header's names and the row's fields, whose `lineField` and
 * `timeField` name the columns the header chose, so the line is peeled
 * whatever the export calls its columns. A row with more fields than the
 * header, where the line is the last column, has an unquoted delimiter in
 * its line: the extra fields are joined back into it. A row longer than
 * 4 MiB is skipped and counted; a quoted field left open at the end is
 * damage (`error`), the rows before it handed over.
 * @example
 * const reader = new CsvDocumentReader(readCsvExport(head, false)!, (entry) => console.log(entry.value));
 */
export class CsvDocumentReader implements DocumentReader {
  readonly kind = 'CSV export';
  private readonly rows: CsvRows;
  private header = true;

  constructor(
    private readonly form: CsvExport,
    private readonly onEntry: (entry: DocumentEntry) => void,
  ) {
    this.rows = new CsvRows(form.delimiter, DEFAULT_DOCUMENT_LIMITS.maxEntryBytes, (row) => this.take(row));
  }

  write(chunk: Buffer): void {
    this.rows.write(chunk);
  }

  end(): void {
    this.rows.end();
  }

  get lines(): number {
    return this.rows.lines;
  }

  get error(): { line: number; message: string } | null {
    return this.rows.error;
  }

  get entries(): number {
    return Math.max(0, this.rows.rows - 1);
  }

  get skipped(): number {
    return this.rows.skipped;
  }

  get undecodable(): number {
    return this.rows.undecodable;
  }

  get heldBytes(): number {
    return this.rows.heldBytes;
  }

  private take(row: CsvRow): void {
    if (this.header) {
      this.header = false;
      return;
    }
    const { names, lineField, timeField, delimiter } = this.form;
    const value: Record<string, string> = {};
    const { fields } = row;
    const columns = Math.min(names.length, fields.length);
    for (let i = 0; i < columns; i++) value[names[i]!] = fields[i]!;
    if (fields.length > names.length && lineField === names[names.length - 1]) {
      value[lineField] = fields.slice(names.length - 1).join(String.fromCharCode(delimiter));
    }
    const entry: DocumentEntry = { value, context: null, firstLine: row.firstLine, lastLine: row.lastLine };
    if (lineField !== null) entry.lineField = lineField;
    if (timeField !== null) entry.timeField = timeField;
    this.onEntry(entry);
  }
}
