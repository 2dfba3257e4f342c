import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { SourceStats, Summary } from '../../src/aggregation/summary.js';
import { expandInputs } from '../../src/sources/expand-inputs.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const NIGHTLY = ['fixtures/nightly/admin.log', 'fixtures/nightly/api-7d9f-0.log.gz', 'fixtures/nightly/worker.log.gz'];

describe('archive inputs', () => {
  it('expands a glob the shell left quoted, and a directory, to the same sorted files', async () => {
    const names = (inputs: Awaited<ReturnType<typeof expandInputs>>) => inputs.map((i) => `${i.kind}:${i.name}`);
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      expect(names(await expandInputs(['fixtures/nightly/*.log*']))).toEqual(NIGHTLY.map((n) => `file:${n}`));
      expect(names(await expandInputs(['fixtures/nightly/*.gz']))).toEqual([NIGHTLY[1], NIGHTLY[2]].map((n) => `file:${n}`));
      expect(names(await expandInputs(['fixtures/nightly']))).toEqual(NIGHTLY.map((n) => `file:${n}`));
      // An absolute pattern names its files absolutely, as the user wrote it.
      expect(names(await expandInputs([join(ROOT, 'fixtures/nightly/*.gz')]))).toEqual([NIGHTLY[1], NIGHTLY[2]].map((n) => `file:${join(ROOT, n!)}`));
      expect(await expandInputs(['fixtures/nightly/*.zst'])).toEqual([
        { kind: 'failed', name: 'fixtures/nightly/*.zst', error: 'no file matches this pattern' },
      ]);
    } finally {
      process.chdir(cwd);
    }
  });

  it('accounts for every source of mixed plain and gzip inputs: lines, bytes, records, errors, time range', async () => {
    const result = await runCli(['scan', '--format', 'json', 'fixtures/nightly/*.log*']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Summary;
    const byName = new Map(summary.sources.map((s) => [s.name, s]));
    expect([...byName.keys()]).toEqual(NIGHTLY);
    const api = byName.get('fixtures/nightly/api-7d9f-0.log.gz')!;
    expect(api).toEqual<SourceStats>({
      name: 'fixtures/nightly/api-7d9f-0.log.gz',
      lines: 106,
      bytes: statSync(join(ROOT, 'fixtures/nightly/api-7d9f-0.log.gz')).size,
      records: 106,
      errors: 42,
      successes: 4,
      firstSeen: '2026-11-21T00:02:09.109Z',
      lastSeen: '2026-11-21T05:59:17.364Z',
      error: null,
      id: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown as string,
    });
    for (const s of summary.sources) expect(s.bytes, s.name).toBe(statSync(join(ROOT, s.name)).size);
    expect(summary.sources.reduce((n, s) => n + s.lines, 0)).toBe(summary.totals.lines);
    expect(summary.sources.reduce((n, s) => n + s.errors, 0)).toBe(summary.totals.errors);
  });

  it('reports a corrupt gzip, an unreadable path and an empty glob per source, and still counts the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mqerr-inputs-'));
    const good = '2026-11-21 03:00:00,000 ERROR x: body={"RequestId":"5E0B1D4A-2C3B-4D5E-8F90-A1B2C3D4E5F6","HostId":"onsmqtt.cn-hangzhou.aliyuncs.com","Code":"ApplyTokenOverFlow","Message":"m"}\n';
    writeFileSync(join(dir, 'a-good.log'), good);
    writeFileSync(join(dir, 'b-cut.log.gz'), gzipSync(good.repeat(50)).subarray(0, 60));
    const result = await runCli(['scan', '--format', 'json', dir, join(dir, 'missing.log'), join(dir, '*.zst')]);
    expect(result.code).toBe(3);
    const summary = JSON.parse(result.stdout) as Summary;
    const errors = Object.fromEntries(summary.sources.map((s) => [s.name.replace(dir, '<dir>'), s.error]));
    expect(errors).toEqual({
      '<dir>/a-good.log': null,
      '<dir>/b-cut.log.gz': 'truncated gzip data (unexpected end of file)',
      '<dir>/missing.log': 'no such file or directory',
      '<dir>/*.zst': 'no file matches this pattern',
    });
    expect(summary.totals.errors).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(3);
  });
});
