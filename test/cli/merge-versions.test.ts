import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/aggregation/summary.js';
import { validateSummary } from '../../src/aggregation/validate-summary.js';
import { mergeSummaries, readSummary } from '../../src/cli/commands/merge.js';
import { ExitError } from '../../src/errors.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mqerr-merge-versions-'));
const LOG = readFileSync(join(ROOT, 'fixtures/products/app.log'), 'utf8').trimEnd().split('\n');
const partA = join(dir, 'part-a.log');
const partB = join(dir, 'part-b.log');
writeFileSync(partA, LOG.slice(0, 6).join('\n') + '\n');
writeFileSync(partB, LOG.slice(6).join('\n') + '\n');

async function scan(name: string, flags: string[], paths: string[]): Promise<string> {
  const result = await runCli(['scan', '--format', 'json', ...flags, ...paths]);
  expect(result.stderr).toBe('');
  writeFileSync(join(dir, name), result.stdout);
  return join(dir, name);
}

/** What a mqerr.summary/1 scan of the same input wrote: no products, no other clouds. */
function asVersion1(file: string): string {
  const summary = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { totals: Record<string, number> };
  summary['schema'] = 'mqerr.summary/1';
  for (const field of ['byProduct', 'countedProducts', 'otherClouds']) delete summary[field];
  delete summary.totals['otherProducts'];
  delete summary.totals['otherCloud'];
  const out = file.replace(/\.json$/, '.v1.json');
  writeFileSync(out, JSON.stringify(summary));
  return out;
}

describe('mqerr merge of mqerr.summary/2 summaries with products and other clouds', () => {
  for (const flags of [[], ['--product', 'all'], ['--product', 'cvm,cos']]) {
    it(`is exact with ${flags.join(' ') || 'the default products'}`, async () => {
      const name = flags.join('-').replace(/[^a-z-]/g, '') || 'default';
      const [a, b] = await Promise.all([scan(`${name}-a.json`, flags, [partA]), scan(`${name}-b.json`, flags, [partB])]);
      const whole = JSON.parse(readFileSync(await scan(`${name}-whole.json`, flags, [partA, partB]), 'utf8')) as Summary;
      const merged = await runCli(['merge', '--format', 'json', b, a]);
      expect(merged.stderr).toBe('');
      expect(JSON.parse(merged.stdout)).toEqual(whole);
      expect(whole.otherClouds).toEqual([{ cloud: 'aws', count: 2 }]);
    });
  }

  it('refuses summaries whose main counts hold other products', async () => {
    const [a, b] = await Promise.all([scan('sel-a.json', [], [partA]), scan('sel-b.json', ['--product', 'all'], [partB])]);
    expect(() => mergeSummaries([{ file: 'a.json', summary: readSummary(a) }, { file: 'b.json', summary: readSummary(b) }])).toThrow(ExitError);
    const result = await runCli(['merge', a, b]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/made with --product all, but the others with --product mqtt,onsmqtt,\(none\); scan every shard with the same --product/);
  });
});

describe('mqerr merge reads mqerr.summary/1 summaries', () => {
  it('merges a /1 shard with a /2 shard: the counts are exactly those of one run', async () => {
    const [a, b] = await Promise.all([scan('mixed-a.json', ['--product', 'all'], ['fixtures/sample/app.log']), scan('mixed-b.json', [], ['fixtures/nightly/admin.log'])]);
    const whole = JSON.parse(readFileSync(await scan('mixed-whole.json', [], ['fixtures/sample/app.log', 'fixtures/nightly/admin.log']), 'utf8')) as Summary;
    const merged = await runCli(['merge', '--format', 'json', asVersion1(a), b]);
    expect(merged.stderr).toBe('');
    const summary = JSON.parse(merged.stdout) as Summary;
    expect(summary.schema).toBe('mqerr.summary/2');
    for (const field of ['totals', 'byCategory', 'byCode', 'uncatalogued', 'byVendor', 'byHttpStatus', 'sources', 'errorRate', 'countedProducts', 'otherClouds'] as const) {
      expect(summary[field], field).toEqual(whole[field]);
    }
    // The /1 shard told no products apart: its errors are those of product null.
    const count = (s: Summary): number => s.byProduct.reduce((n, p) => n + p.count, 0);
    expect(count(summary)).toBe(count(whole));
  });

  it('merges /1 summaries alone, counting every product as they did', async () => {
    const a = asVersion1(await scan('v1-a.json', [], ['fixtures/sample/app.log']));
    const b = asVersion1(await scan('v1-b.json', [], ['fixtures/nightly/admin.log']));
    const merged = JSON.parse((await runCli(['merge', '--format', 'json', a, b])).stdout) as Summary;
    expect(merged.countedProducts).toBe('all');
    expect(merged.totals.otherProducts).toBe(0);
    expect(merged.byProduct.every((p) => p.product === null && p.counted)).toBe(true);
    expect(merged.byProduct.reduce((n, p) => n + p.count, 0)).toBe(merged.totals.errors);
  });

  it('refuses a /1 summary beside /2 ones that leave errors without a product out', async () => {
    const a = asVersion1(await scan('v1-c.json', [], ['fixtures/sample/app.log']));
    const b = await scan('cvm-b.json', ['--product', 'cvm'], [partB]);
    const result = await runCli(['merge', b, a]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is a mqerr\.summary\/1 summary, whose counts hold every product, but the others count only --product cvm/);
  });
});

describe('validateSummary', () => {
  const current = (): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, 'test/golden/scan-products-json/stdout'), 'utf8')) as Record<string, unknown>;

  it('accepts /2 and /1 summaries', () => {
    expect(validateSummary(current())).toBeNull();
    const copy = join(dir, 'golden.json');
    writeFileSync(copy, JSON.stringify(current()));
    const v1 = JSON.parse(readFileSync(asVersion1(copy), 'utf8')) as unknown;
    expect(validateSummary(v1)).toBeNull();
  });

  it('names what a /2 summary lacks or gets wrong', () => {
    const s = current();
    delete s['byProduct'];
    expect(validateSummary(s)).toBe("field 'byProduct' is missing");
    const t = current();
    delete (t['totals'] as Record<string, unknown>)['otherCloud'];
    expect(validateSummary(t)).toBe("field 'totals.otherCloud' is missing");
    const u = current();
    (u['byProduct'] as { count: unknown }[])[0]!.count = -1;
    expect(validateSummary(u)).toMatch(/^field 'byProduct\.0\.count' must be >= 0/);
    const v = current();
    v['countedProducts'] = 'some';
    expect(validateSummary(v)).toMatch(/countedProducts/);
  });
});
