import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvDocumentReader } from '../../src/records/csv-document-reader.js';
import { readCsvExport } from '../../src/records/csv-export.js';
import { CsvRows, splitCsvRow, type CsvRow } from '../../src/records/csv-rows.js';
import type { DocumentEntry } from '../../src/records/entry-finder.js';
import { readEntry } from '../../src/records/read-entry.js';
import { columnTime } from '../../src/time/column-time.js';
import { splitAt } from '../helpers/split-at.js';

const COMMA = 0x2c;

/** Reads `input` fed as the given chunks, each wiped once written, as a reader that reuses its buffer would. */
function rowsOf(input: string | Buffer, offsets: number[] = [], maxRowBytes = 1 << 20): { rows: CsvRow[]; reader: CsvRows } {
  const rows: CsvRow[] = [];
  const reader = new CsvRows(COMMA, maxRowBytes, (row) => rows.push(row));
  for (const chunk of splitAt(typeof input === 'string' ? Buffer.from(input) : input, offsets)) {
    const copy = Buffer.from(chunk);
    reader.write(copy);
    copy.fill(0x21);
  }
  reader.end();
  return { rows, reader };
}

describe('splitCsvRow', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    expect(splitCsvRow(Buffer.from('a,"b ""c"", d",,"x\ny"'), COMMA)).toEqual(['a', 'b "c", d', '', 'x\ny']);
  });
  it('drops the CR of a CRLF row end, quoted or not', () => {
    expect(splitCsvRow(Buffer.from('a,b\r'), COMMA)).toEqual(['a', 'b']);
    expect(splitCsvRow(Buffer.from('a,"b"\r'), COMMA)).toEqual(['a', 'b']);
  });
  it('takes a quote inside an unquoted field as a character, and text after a closing quote as the field\'s', () => {
    expect(splitCsvRow(Buffer.from('say "hi",x'), COMMA)).toEqual(['say "hi"', 'x']);
    expect(splitCsvRow(Buffer.from('"ab"cd,x'), COMMA)).toEqual(['abcd', 'x']);
  });
  it('gives an empty last field after a trailing delimiter', () => {
    expect(splitCsvRow(Buffer.from('a,'), COMMA)).toEqual(['a', '']);
  });
});

describe('CsvRows', () => {
  it('hands over rows with the lines they span, skipping blank lines', () => {
    const { rows, reader } = rowsOf('h1,h2\r\n\r\n1,"two\nlines"\n3,x');
    expect(rows.map((r) => [r.fields, r.firstLine, r.lastLine])).toEqual([
      [['h1', 'h2'], 1, 1],
      [['1', 'two\nlines'], 3, 4],
      [['3', 'x'], 5, 5],
    ]);
    expect(reader.lines).toBe(5);
    expect(reader.error).toBeNull();
  });

  it('names the line a quoted field opened on when the input ends inside it, and hands over the rows before it', () => {
    const { rows, reader } = rowsOf('a,b\n1,2\n3,"never\nclosed\n');
    expect(rows.map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
    expect(reader.error).toEqual({ line: 3, message: 'a quoted field opened on line 3 is not closed' });
    expect(reader.lines).toBe(4);
  });

  it('skips and counts a row longer than the bound, and goes on with the next', () => {
    const { rows, reader } = rowsOf(`a,b\n1,"${'x'.repeat(100)}"\n2,y\n`, [], 64);
    expect(rows.map((r) => r.fields)).toEqual([['a', 'b'], ['2', 'y']]);
    expect(reader.skipped).toBe(1);
  });

  it('counts a row holding bytes that are not UTF-8', () => {
    const { rows, reader } = rowsOf(Buffer.concat([Buffer.from('a,b\n1,'), Buffer.from([0xff]), Buffer.from('\n')]));
    expect(rows[1]!.undecodable).toBe(true);
    expect(rows[1]!.fields).toEqual(['1', '\ufffd']);
    expect(reader.undecodable).toBe(1);
  });

  const field = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r\n', 'é', '😀', 'a', ' '), maxLength: 8 }),
  );
  const table = fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 });
  const encode = (rows: string[][], quoteAll: boolean, crlf: boolean): string =>
    rows
      .map((row) => row.map((f) => (quoteAll || /[",\r\n]/.test(f) || f === '' ? `"${f.replaceAll('"', '""')}"` : f)).join(','))
      .join(crlf ? '\r\n' : '\n');

  it('reads back the fields an RFC 4180 writer wrote, however the bytes are cut', () => {
    fc.assert(
      fc.property(table, fc.boolean(), fc.boolean(), fc.array(fc.nat(400)), (rows, quoteAll, crlf, offsets) => {
        const text = encode(rows, quoteAll, crlf);
        const whole = rowsOf(text).rows;
        expect(whole.map((r) => r.fields)).toEqual(rows);
        const cut = rowsOf(text, offsets).rows;
        expect(cut).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});

describe('readCsvExport', () => {
  const form = (text: string, ended = true) => readCsvExport(Buffer.from(text), ended);

  it('reads the header of each platform\'s export and chooses its line and time columns', () => {
    expect(form('"@timestamp","@message","@logStream","@log"\n"2026-11-22 10:00:00.250","boom","s","g"\n')).toEqual({
      delimiter: COMMA,
      names: ['@timestamp', '@message', '@logStream', '@log'],
      lineField: '@message',
      timeField: '@timestamp',
    });
    expect(form('__time__,__source__,__tag__:__hostname__,_pod_name_,content\n1795341600,10.0.3.18,h,p,boom\n')).toMatchObject({ lineField: 'content', timeField: '__time__' });
    expect(form('"Date","Host","Service","Message"\r\n"2026-11-22T10:00:00.250Z","h","s","boom"\r\n')).toMatchObject({ lineField: 'Message', timeField: 'Date' });
    expect(form('_time\thost\t_raw\n2026-11-22T10:00:00Z\th\tboom\n')).toMatchObject({ delimiter: 0x09, lineField: '_raw', timeField: '_time' });
    expect(form('Time;Line\n1795341600250;boom\n')).toMatchObject({ delimiter: 0x3b, lineField: 'Line' });
    expect(form('__time__|__topic__|content\n1795341600|t|boom\n')).toMatchObject({ delimiter: 0x7c, lineField: 'content' });
    // Azure Monitor's portal names the zone after the time column; the name before it is what is compared.
    expect(form('TimeGenerated [UTC],Computer,PodName,LogMessage\r\n"11/22/2026, 10:00:00.250 AM",n,p,boom\r\n')).toMatchObject({
      lineField: 'LogMessage',
      timeField: 'TimeGenerated [UTC]',
    });
    expect(form('TimeGenerated [Local Time],LogEntry\n"11/22/2026, 10:00:00.250 AM",boom\n')).toMatchObject({ lineField: 'LogEntry', timeField: 'TimeGenerated [Local Time]' });
  });

  it('takes columns that are an application\'s event fields as the event itself', () => {
    expect(form('time,level,code,requestId,msg\n2026-11-22T10:00:00Z,error,InstanceNotFound,9C2D8E4F,failed\n')).toMatchObject({ lineField: null, timeField: 'time' });
  });

  it('leaves logs that merely hold commas, quotes, JSON or key=value pairs as lines', () => {
    expect(form('2026-11-22 09:44:34,085 ERROR mqtt.admin: failed, retrying\n')).toBeNull();
    expect(form('{"level":50,"msg":"a, b","code":"x"}\n')).toBeNull();
    expect(form('level=error msg="a, b" code=x\n')).toBeNull();
    expect(form('Nov 22 09:44:34 host app[12]: message, log rotated\n')).toBeNull();
    expect(form('message, log\nfoo\n')).toBeNull();
    expect(form('time,level,text\n2026-11-22T10:00:00Z,error,boom\n')).toBeNull();
  });

  it('refuses a header whose first row has fewer fields, or repeated names', () => {
    expect(form('time,message,pod\n2026-11-22T10:00:00Z,boom\n')).toBeNull();
    expect(form('message,message\na,b\n')).toBeNull();
  });

  it('waits for the header\'s end in a live sample, and reads a header that ends the input', () => {
    expect(form('"@timestamp","@mess', false)).toBeNull();
    expect(form('"@timestamp","@message"', true)).toMatchObject({ lineField: '@message' });
  });
});

describe('CsvDocumentReader', () => {
  const entriesOf = (text: string): { entries: DocumentEntry[]; reader: CsvDocumentReader } => {
    const bytes = Buffer.from(text);
    const entries: DocumentEntry[] = [];
    const reader = new CsvDocumentReader(readCsvExport(bytes, true)!, (entry) => entries.push(entry));
    reader.write(bytes);
    reader.end();
    return { entries, reader };
  };

  it('hands over each row as an object of the header\'s names, naming its line and time columns', () => {
    const { entries, reader } = entriesOf('"@timestamp","@message"\n"2026-11-22 10:00:00.250","line one"\n');
    expect(entries).toEqual([{ value: { '@timestamp': '2026-11-22 10:00:00.250', '@message': 'line one' }, context: null, firstLine: 2, lastLine: 2, lineField: '@message', timeField: '@timestamp' }]);
    expect(reader.entries).toBe(1);
    expect(readEntry(entries[0]!)).toMatchObject({ text: 'line one', origin: { time: Date.UTC(2026, 10, 22, 10, 0, 0, 250) } });
  });

  it('joins back into a last line column the fields an unquoted delimiter cut from it', () => {
    const { entries } = entriesOf('time,message\n2026-11-22T10:00:00Z,failed, retrying in 2s, attempt 3\n');
    expect((entries[0]!.value as Record<string, string>)['message']).toBe('failed, retrying in 2s, attempt 3');
  });

  it('reads the dimensions of dotted and SLS-style column names, and Kibana\'s time', () => {
    const { entries } = entriesOf('"@timestamp","kubernetes.pod.name","kubernetes.namespace","message"\n"Nov 22, 2026 @ 10:00:00.250","api-1","iot","boom"\n');
    expect(readEntry(entries[0]!).origin).toMatchObject({ pod: 'api-1', namespace: 'iot', time: Date.UTC(2026, 10, 22, 10, 0, 0, 250) });
  });
});

describe('columnTime', () => {
  it('reads epoch values, RFC 3339, Kibana\'s default format and loggers\' leading times', () => {
    expect(columnTime('1795341600')).toBe(1795341600000);
    expect(columnTime('2026-11-22T10:00:00.250Z')).toBe(Date.UTC(2026, 10, 22, 10, 0, 0, 250));
    expect(columnTime('Nov 22, 2026 @ 10:00:00.250')).toBe(Date.UTC(2026, 10, 22, 10, 0, 0, 250));
    expect(columnTime('22-Nov-2026 10:00:00.250')).toBe(Date.UTC(2026, 10, 22, 10, 0, 0, 250));
    // Azure Monitor's portal: en-US with milliseconds, and 12 PM is noon.
    expect(columnTime('11/22/2026, 10:00:00.250 AM')).toBe(Date.UTC(2026, 10, 22, 10, 0, 0, 250));
    expect(columnTime('11/22/2026, 12:05:09.5 PM')).toBe(Date.UTC(2026, 10, 22, 12, 5, 9, 500));
    expect(columnTime('Foo 22, 2026 @ 10:00:00.250')).toBeNull();
    expect(columnTime('')).toBeNull();
  });
});
