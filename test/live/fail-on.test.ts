import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/aggregation/summary.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { checkThresholds, parseFailOn } from '../../src/cli/fail-on.js';
import { runCli } from '../helpers/run-cli.js';

const catalog = loadCatalog();

/** The parts of a summary thresholds read. */
function summary(part: Partial<Summary>): Summary {
  return {
    totals: { lines: 100, records: 90, errors: 12, successes: 88, truncated: 0, undecodable: 0 },
    byCategory: { throttling: 7, auth: 5 },
    byCode: [
      { vendor: 'alibaba', code: 'ApplyTokenOverFlow', count: 7 },
      { vendor: 'tencent', code: 'AuthFailure.SignatureExpire', count: 5 },
    ],
    byVendor: [
      { key: 'alibaba', count: 7 },
      { key: 'tencent', count: 5 },
    ],
    byPod: [{ key: 'api-7d9f', count: 12 }],
    byAction: [],
    byContainer: [],
    errorRate: 0.12,
    ...part,
  } as Summary;
}

describe('--fail-on expressions', () => {
  it('measure categories, codes, vendors, pods, totals and the error rate', () => {
    const thresholds = parseFailOn(
      ['throttling>5', 'category:auth>=6', 'code:ApplyTokenOverFlow>10', 'vendor:tencent>4', 'pod:api-7d9f>11', 'errors>12', 'error-rate>5%', 'error-rate<0.2', 'successes<1'],
      catalog,
    );
    expect(checkThresholds(thresholds, summary({}))).toEqual([
      { expr: 'throttling>5', value: 7, limit: 5, fired: true },
      { expr: 'category:auth>=6', value: 5, limit: 6, fired: false },
      { expr: 'code:ApplyTokenOverFlow>10', value: 7, limit: 10, fired: false },
      { expr: 'vendor:tencent>4', value: 5, limit: 4, fired: true },
      { expr: 'pod:api-7d9f>11', value: 12, limit: 11, fired: true },
      { expr: 'errors>12', value: 12, limit: 12, fired: false },
      { expr: 'error-rate>5%', value: 12, limit: 5, fired: true },
      { expr: 'error-rate<0.2', value: 0.12, limit: 0.2, fired: true },
      { expr: 'successes<1', value: 88, limit: 1, fired: false },
    ]);
  });

  it('an error rate with no calls at all is unknown and never fires', () => {
    const [rate] = checkThresholds(parseFailOn(['error-rate>5%'], catalog), summary({ errorRate: null }));
    expect(rate).toEqual({ expr: 'error-rate>5%', value: null, limit: 5, fired: false });
  });

  it.each([
    ['throttling', "--fail-on 'throttling': expected QUANTITY>NUMBER, such as throttling>100, code:ApplyTokenOverFlow>10 or error-rate>5%"],
    ['throtling>1', "--fail-on 'throtling>1': unknown quantity 'throtling'; expected errors, successes, records, lines, error-rate, a category"],
    ['vendor:aws>1', "--fail-on 'vendor:aws>1': vendor aws is not in the catalog (known: alibaba, tencent)"],
    ['errors>5%', "--fail-on 'errors>5%': only error-rate takes a percentage"],
    ['error-rate>5', "--fail-on 'error-rate>5': error-rate is a fraction from 0 to 1, or a percentage such as 5%"],
  ])('refuses %s with a message naming the problem', (expr, message) => {
    expect(() => parseFailOn([expr], catalog)).toThrow(message);
  });

  it('accepts a code the catalog does not know, with a note naming the catalogued codes it may mean', () => {
    const notes: string[] = [];
    const [gate] = parseFailOn(['code:ApplyTokenOverflow>1'], catalog, (note) => notes.push(note));
    expect(notes).toEqual([
      "--fail-on 'code:ApplyTokenOverflow>1': code ApplyTokenOverflow is not in the catalog (did you mean ApplyTokenOverFlow?); counting it as an uncatalogued code",
    ]);
    const counted = summary({ byCode: [{ vendor: null, code: 'ApplyTokenOverflow', count: 2 }] as Summary['byCode'] });
    expect(checkThresholds([gate!], counted)).toEqual([{ expr: 'code:ApplyTokenOverflow>1', value: 2, limit: 1, fired: true }]);
  });
});

describe('--fail-on exit statuses', () => {
  it('exits 1 and names the fired threshold when one is crossed', async () => {
    const result = await runCli(['--format', 'json', '--fail-on', 'throttling>1', '--fail-on', 'errors>100', 'fixtures/sample/app.log']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('mqerr: --fail-on throttling>1 crossed (value 2)\n');
    expect(JSON.parse(result.stdout).thresholds).toEqual([
      { expr: 'throttling>1', value: 2, limit: 1, fired: true },
      { expr: 'errors>100', value: 8, limit: 100, fired: false },
    ]);
  });

  it('exits 0 when no threshold is crossed', async () => {
    const result = await runCli(['--format', 'json', '--fail-on', 'code:ApplyTokenOverFlow>1', 'fixtures/sample/app.log']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).thresholds).toEqual([{ expr: 'code:ApplyTokenOverFlow>1', value: 1, limit: 1, fired: false }]);
  });

  it('exits 2 on a bad expression before reading', async () => {
    const result = await runCli(['--fail-on', 'throtling>1', '-'], { stdin: 'x\n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mqerr: --fail-on 'throtling>1': unknown quantity 'throtling'[^\n]*\n$/);
    expect(result.stdout).toBe('');
  });
});
