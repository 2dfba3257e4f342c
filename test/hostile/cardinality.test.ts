import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/aggregation/summary.js';
import { summaryInvariantProblem } from '../../src/aggregation/summary-invariants.js';
import { summaryJsonChunks } from '../../src/render/summary-json-chunks.js';
import { startCli } from '../helpers/cli-process.js';
import { runCli } from '../helpers/run-cli.js';
import { scanJson, totalsProblems } from '../helpers/scan-json.js';

const dir = mkdtempSync(join(tmpdir(), 'mqerr-cardinality-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A Tencent error body whose code is made up: every line a distinct, uncatalogued code. */
function bodyLine(i: number): string {
  const id = `6b6f0e2a-5c1d-4f3e-9a7b-${i.toString(16).padStart(12, '0')}`;
  return `{"Response":{"Error":{"Code":"FailedOperation.Forged${i}","Message":"forged"},"RequestId":"${id}"}}`;
}

function distinctCodes(from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += `${bodyLine(i)}\n`;
  return out;
}

/** The parts of a summary that must not depend on how the run was split or ordered. */
function counts(summary: Summary): unknown {
  const { byCode, byCategory, byVendor, uncatalogued, overflow, totals } = summary;
  return { byCode, byCategory, byVendor, uncatalogued: uncatalogued.map((u) => [u.vendor, u.code, u.count]), overflow, errors: totals.errors };
}

describe('--max-keys bounds what is kept per distinct key, with an overflow row that keeps the totals adding up', () => {
  const whole = join(dir, 'whole.log');
  writeFileSync(whole, distinctCodes(0, 20_000));

  it('20,000 distinct codes with --max-keys 500: 500 codes, one overflow row, the totals add up, the summary says so', async () => {
    const run = await scanJson(['--max-keys', '500', whole]);
    expect(run.code).toBe(0);
    const { summary } = run;
    expect(summary.totals.errors).toBe(20_000);
    expect(summary.byCode).toHaveLength(501);
    expect(summary.byCode.at(-1)).toMatchObject({ code: '(other codes)', vendor: null, count: 19_500, overflow: true });
    expect(summary.byCode.slice(0, -1).every((c) => c.count === 1 && c.overflow === undefined)).toBe(true);
    expect(summary.uncatalogued.length).toBe(500);
    expect(summary.overflow).toEqual({ maxKeys: 500, folded: { byCode: 19_500, uncatalogued: 19_500 } });
    expect(totalsProblems(summary)).toEqual([]);
    expect(summaryInvariantProblem(summary)).toBeNull();
  });

  it('which codes are kept does not depend on the order of the lines, and shards merge exactly', async () => {
    const reversed = join(dir, 'reversed.log');
    writeFileSync(reversed, distinctCodes(0, 20_000).trimEnd().split('\n').reverse().join('\n') + '\n');
    const a = join(dir, 'a.log');
    const b = join(dir, 'b.log');
    writeFileSync(a, distinctCodes(0, 7_000));
    writeFileSync(b, distinctCodes(7_000, 20_000));
    const one = (await scanJson(['--max-keys', '500', whole])).summary;
    const backwards = (await scanJson(['--max-keys', '500', reversed])).summary;
    expect(counts(backwards)).toEqual(counts(one));
    const shardA = join(dir, 'a.json');
    const shardB = join(dir, 'b.json');
    writeFileSync(shardA, JSON.stringify((await scanJson(['--max-keys', '500', a])).summary));
    writeFileSync(shardB, JSON.stringify((await scanJson(['--max-keys', '500', b])).summary));
    const merged = JSON.parse((await runCli(['merge', '--format', 'json', '--max-keys', '500', shardA, shardB])).stdout) as Summary;
    expect(counts(merged)).toEqual(counts(one));
  });

  it('pods past the budget share one row; sources past it too', async () => {
    let pods = '';
    for (let i = 0; i < 300; i++) pods += `[pod/api-${i}/app] ${bodyLine(i)}\n`;
    const podLog = join(dir, 'pods.log');
    writeFileSync(podLog, pods);
    const { summary } = await scanJson(['--max-keys', '100', podLog]);
    expect(summary.byPod).toHaveLength(101);
    expect(summary.byPod.at(-1)).toEqual({ key: '(other)', count: 200, overflow: true });
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let i = 0; i < 30; i++) writeFileSync(join(many, `f${String(i).padStart(2, '0')}.log`), `${bodyLine(i)}\nok\n`);
    const sources = (await scanJson(['--max-keys', '10', many])).summary;
    expect(sources.sources).toHaveLength(11);
    expect(sources.sources.at(-1)).toMatchObject({ name: '(other sources)', lines: 40, errors: 20, overflow: true });
    expect(totalsProblems(sources)).toEqual([]);
    expect(summaryInvariantProblem(sources)).toBeNull();
  });

  it('100,000 distinct codes at the default --max-keys: peak RSS under 150 MB', async () => {
    const huge = join(dir, 'huge.log');
    writeFileSync(huge, distinctCodes(0, 100_000));
    const run = startCli(['--format', 'json', '--jobs', '1', huge], { measureRss: true });
    const result = await run.done;
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Summary;
    expect(summary.byCode).toHaveLength(2_001);
    expect(summary.overflow?.folded['byCode']).toBe(98_000);
    expect(result.peakRssKiB).not.toBeNull();
    expect(result.peakRssKiB!).toBeLessThan(150 * 1024);
  }, 120_000);
});

describe('a JSON summary is written in chunks, never as one string', () => {
  it('the chunks are JSON.stringify(summary, null, 2) byte for byte, none of them large', async () => {
    const path = join(dir, 'chunks.log');
    writeFileSync(path, distinctCodes(0, 3_000));
    const { summary, stdout } = await scanJson(['--max-keys', '3000', '--bucket', '1h', '--fail-on', 'error-rate>5%', path]);
    const shapes: object[] = [summary, { ...summary, byCode: [], sources: [] }, {}, { a: undefined, b: [[1, [2]], { c: '\n' }] }];
    for (const shape of shapes) {
      const chunks = [...summaryJsonChunks(shape)];
      expect(chunks.join('')).toBe(JSON.stringify(shape, null, 2) + '\n');
      expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(128 * 1024);
    }
    expect(stdout).toBe(JSON.stringify(summary, null, 2) + '\n');
  });
});

describe('the time series is bounded as byCode is', () => {
  it('counts the codes past --max-keys in each bucket’s overflow row, whatever order the lines come in', async () => {
    // Pino lines with a time each, so every error falls in a bucket.
    const line = (i: number): string =>
      `{"level":50,"time":${Date.UTC(2026, 10, 22, 9, i % 3, 0)},"err":{"code":"FailedOperation.Forged${i}","requestId":"6b6f0e2a-5c1d-4f3e-9a7b-${i.toString(16).padStart(12, '0')}","data":{"RequestId":"x","HostId":"h","Code":"FailedOperation.Forged${i}","Recommend":"r"}}}`;
    const lines = Array.from({ length: 300 }, (_v, i) => line(i));
    const forward = join(dir, 'series-forward.log');
    const backward = join(dir, 'series-backward.log');
    writeFileSync(forward, `${lines.join('\n')}\n`);
    writeFileSync(backward, `${[...lines].reverse().join('\n')}\n`);
    const runs = [await scanJson(['--max-keys', '20', '--bucket', '1m', forward]), await scanJson(['--max-keys', '20', '--bucket', '1m', backward])];
    for (const { summary } of runs) {
      const buckets = summary.timeSeries!.buckets;
      expect(buckets).toHaveLength(3);
      for (const bucket of buckets) {
        expect(bucket.byCode.length).toBeLessThanOrEqual(21);
        expect(bucket.byCode.reduce((n, c) => n + c.count, 0)).toBe(bucket.errors);
      }
      // The codes a bucket names on their own are those byCode keeps.
      const kept = new Set(summary.byCode.map((c) => c.code));
      for (const bucket of buckets) for (const c of bucket.byCode) expect(kept.has(c.code), String(c.code)).toBe(true);
    }
    expect(runs[0]!.summary.timeSeries!.buckets).toEqual(runs[1]!.summary.timeSeries!.buckets);
  });
});
