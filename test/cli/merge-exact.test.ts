import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/aggregation/summary.js';
import { mergeSummaries, readSummary } from '../../src/cli/commands/merge.js';
import { ExitError } from '../../src/errors.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * merge(scan(A), scan(B)) must print byte for byte what scan(A + B) prints:
 * counts, RequestId samples, first/last seen, window accounting, the time
 * series and the spikes found in it.
 */
const SHARD_A = ['fixtures/nightly/api-7d9f-0.log.gz'];
const SHARD_B = ['fixtures/nightly/admin.log', 'fixtures/nightly/worker.log.gz', 'fixtures/archive'];
const dir = mkdtempSync(join(tmpdir(), 'mqerr-merge-'));

async function scanTo(file: string, flags: string[], paths: string[]): Promise<string> {
  const result = await runCli(['scan', '--format', 'json', ...flags, ...paths]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  writeFileSync(join(dir, file), result.stdout);
  return result.stdout;
}

async function expectExactMerge(name: string, flags: string[]): Promise<Record<string, unknown>> {
  const [, , whole] = await Promise.all([
    scanTo(`${name}-a.json`, flags, SHARD_A),
    scanTo(`${name}-b.json`, flags, SHARD_B),
    scanTo(`${name}-whole.json`, flags, [...SHARD_A, ...SHARD_B]),
  ]);
  // The report is written beside the summary and must not change it.
  const report = join(dir, `${name}.html`);
  const merged = await runCli(['merge', '--format', 'json', '--report', report, join(dir, `${name}-b.json`), join(dir, `${name}-a.json`)]);
  expect(readFileSync(report, 'utf8')).toContain('<h2>Sources</h2>');
  expect(merged.stderr).toBe('');
  expect(merged.code).toBe(0);
  expect(merged.stdout).toBe(whole);
  return JSON.parse(whole) as Record<string, unknown>;
}

describe('mqerr merge is exact', () => {
  it('with a window, 5-minute buckets and spikes', async () => {
    const whole = (await expectExactMerge('windowed', [
      '--bucket', '5m', '--since', '2026-11-21T00:30:00Z', '--until', '2026-11-21T05:30:00Z',
    ])) as { timeSeries: { buckets: unknown[]; spikes: { category: string }[] }; window: { before: number; after: number; untimed: number } };
    // The fixtures must exercise what the merge has to get right.
    expect(whole.timeSeries.buckets.length).toBeGreaterThan(20);
    expect(whole.timeSeries.spikes.map((s) => s.category)).toContain('throttling');
    expect(whole.window.before).toBeGreaterThan(0);
    expect(whole.window.after).toBeGreaterThan(0);
    expect(whole.window.untimed).toBeGreaterThan(0);
    // The merged report charts the merged series: one group per category in it.
    const categories = new Set(whole.timeSeries.buckets.flatMap((b) => Object.keys((b as { byCategory: object }).byCategory)));
    const html = readFileSync(join(dir, 'windowed.html'), 'utf8');
    expect(html.match(/<g class="series"/g)).toHaveLength(categories.size);
  });

  it('with the default flags', async () => {
    const whole = await expectExactMerge('default', []);
    expect(whole['timeSeries']).toBeUndefined();
    expect(whole['window']).toBeUndefined();
    expect(readFileSync(join(dir, 'default.html'), 'utf8')).toContain('These summaries were made without --bucket, so they hold no time series.');
  });

  it('with cross-tabs, which every shard must hold to be shown', async () => {
    const whole = (await expectExactMerge('crossed', ['--by', 'vendor,code', '--by', 'category,httpStatus'])) as { groups: { rows: unknown[] }[] };
    expect(whole.groups).toHaveLength(2);
    expect(whole.groups[0]!.rows.length).toBeGreaterThan(3);
    const refused = await runCli(['merge', '--by', 'pod,code', join(dir, 'crossed-a.json'), join(dir, 'default-a.json')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `mqerr: merge ${join(dir, 'crossed-a.json')}: --by pod,code needs that cross-tab in every summary; scan the shards with --by pod,code\n`,
    );
  });
});

describe('mqerr merge refuses summaries that are not of one run', () => {
  const shard = (): Summary => JSON.parse(readFileSync(join(dir, 'windowed-a.json'), 'utf8')) as Summary;
  const refusal = (change: (summary: Summary) => void): string => {
    const other = shard();
    change(other);
    try {
      mergeSummaries([
        { file: 'a.json', summary: shard() },
        { file: 'b.json', summary: other },
      ]);
    } catch (err) {
      expect(err).toBeInstanceOf(ExitError);
      return (err as ExitError).message;
    }
    throw new Error('merge did not refuse');
  };

  it('of another catalog version, exiting 2 with one line', async () => {
    const other = shard();
    other.catalog.version = 'alibaba@2025.1.0+tencent@2026.11.0';
    const file = join(dir, 'other-catalog.json');
    writeFileSync(file, JSON.stringify(other));
    const result = await runCli(['merge', join(dir, 'windowed-a.json'), file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^mqerr: merge .*other-catalog\.json: made with catalog alibaba@2025\.1\.0\+tencent@2026\.11\.0, but .*windowed-a\.json with alibaba@/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('for a report, of a catalog other than the one given', async () => {
    const result = await runCli(['merge', join(dir, 'windowed-a.json'), '--report', join(dir, 'x.html'), '--catalog', 'fixtures/catalogs/acme.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mqerr: --report: the summaries were made with catalog alibaba@[\d.]+\+tencent@[\d.]+, but this catalog is .*user.*; pass the shards' --catalog files\n$/);
  });

  it('of another schema', () => {
    const file = join(dir, 'other-schema.json');
    writeFileSync(file, JSON.stringify({ ...shard(), schema: 'mqerr.summary/9' }));
    expect(() => readSummary(file)).toThrow(/expected a mqerr\.summary\/2 or mqerr\.summary\/1 summary .* got schema "mqerr\.summary\/9"/);
  });

  it('with another bucket, spike factor or window', () => {
    expect(refusal((s) => delete s.timeSeries)).toBe(
      'merge b.json: made with --bucket none, but a.json with --bucket 5m; scan every shard with the same --bucket',
    );
    expect(refusal((s) => (s.timeSeries!.spikeFactor = 4))).toMatch(/^merge b\.json: made with --spike-factor 4, but a\.json with --spike-factor 3/);
    expect(refusal((s) => (s.window!.since = '2026-11-21T00:31:00.000Z'))).toBe(
      'merge b.json: made with --since 2026-11-21T00:31:00.000Z, but a.json with --since 2026-11-21T00:30:00.000Z; give every shard the same absolute --since/--until',
    );
    expect(refusal((s) => (s.samples = 3))).toMatch(/--samples 3/);
  });
});
