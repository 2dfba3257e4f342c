import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const KIBANA = join(ROOT, 'fixtures/shipped/kibana-csv-report.log');
const INSIGHTS = join(ROOT, 'fixtures/shipped/cloudwatch-insights-csv.log');

const summaryOf = (stdout: string): { totals: Record<string, number>; byCode: unknown[] } => JSON.parse(stdout) as { totals: Record<string, number>; byCode: unknown[] };

describe('a CSV export on the command line', () => {
  it('counts the same from a file on one thread or two, and from stdin', async () => {
    const one = await runCli(['scan', '--jobs', '1', KIBANA]);
    const two = await runCli(['scan', '--jobs', '2', KIBANA]);
    const piped = await runCli(['scan', '-'], { stdin: readFileSync(KIBANA) });
    expect(one.code).toBe(0);
    const expected = summaryOf(one.stdout);
    expect(expected.totals).toMatchObject({ lines: 113, records: 22, errors: 10, successes: 4 });
    for (const other of [two, piped]) {
      expect(other.stderr).toBe('');
      expect(summaryOf(other.stdout).totals).toEqual(expected.totals);
      expect(summaryOf(other.stdout).byCode).toEqual(expected.byCode);
    }
  });

  it('says in one line where an export that ends inside a quoted field breaks off, and keeps the rows before it', async () => {
    const rows = readFileSync(INSIGHTS, 'utf8').split('\n').slice(0, 5).join('\n');
    const broken = `${rows}\n"2026-11-22 10:00:09.000","unterminated {""code"": ""x\n`;
    const result = await runCli(['scan', '-'], { stdin: broken });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      'mqerr: -: line 6: the CSV export breaks off (a quoted field opened on line 6 is not closed); the entries before it are counted, the rest is not recognized\n',
    );
    expect(summaryOf(result.stdout).totals).toMatchObject({ lines: 6, records: 3, errors: 1 });
  });
});
