import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/aggregation/summary.js';
import { renderSnapshot } from '../../src/render/render-snapshot.js';
import { ROOT } from '../helpers/run-cli.js';
import { ndjson, startCli } from '../helpers/start-cli.js';

const SAMPLE = readFileSync(join(ROOT, 'fixtures/sample/app.log'), 'utf8');

type Snapshot = Summary & { snapshot: { time: string; final: boolean } };

describe('--every snapshots', () => {
  it('writes one JSON line per snapshot while reading and a final line at the end (NDJSON)', async () => {
    const cli = startCli(['--format', 'json', '--every', '200ms']);
    cli.child.stdin.write(SAMPLE);
    await cli.waitForStdout((out) => ndjson(out).filter((s) => (s as unknown as Snapshot).totals.records === 15).length >= 2, 'two snapshots of the whole sample');
    cli.child.stdin.write(SAMPLE);
    cli.child.stdin.end();
    expect((await cli.exited).code).toBe(0);
    const stdout = cli.stdout();
    expect(stdout.endsWith('\n')).toBe(true);
    const snapshots = ndjson(stdout) as unknown as Snapshot[];
    expect(snapshots.length).toBe(stdout.split('\n').length - 1);
    expect(snapshots.map((s) => s.snapshot.final)).toEqual([...Array<boolean>(snapshots.length - 1).fill(false), true]);
    for (const s of snapshots) expect(s.snapshot.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // Cumulative since the start: counts never go down.
    for (let i = 1; i < snapshots.length; i++) expect(snapshots[i]!.totals.lines).toBeGreaterThanOrEqual(snapshots[i - 1]!.totals.lines);
    // The second copy repeats the first one's RequestIds: only its error without an id is a new error.
    expect(snapshots[snapshots.length - 1]!.totals).toMatchObject({ lines: 60, records: 30, errors: 9, successes: 2 });
  });

  it('CSV snapshots share one header and gain time and final columns', async () => {
    const cli = startCli(['--format', 'csv', '--by', 'category', '--every', '200ms']);
    cli.child.stdin.write(SAMPLE);
    await cli.waitForStdout((out) => out.split('throttling').length > 2, 'two snapshots');
    cli.child.stdin.end();
    expect((await cli.exited).code).toBe(0);
    const rows = cli.stdout().split('\r\n').slice(0, -1);
    expect(rows[0]).toBe('time,final,grouping,category,count');
    expect(rows.filter((r) => r.startsWith('time,'))).toHaveLength(1);
    expect(rows.slice(1).every((r) => /^\d{4}-[^,]+Z,(yes|no),category,[\w-]+,\d+$/.test(r))).toBe(true);
    expect(rows.filter((r) => r.includes(',yes,'))).toHaveLength(6);
  });

  it('table and Markdown snapshots say when they were taken', () => {
    const info = { time: '2026-11-22T09:45:00.000Z', final: false, first: true };
    const render = (): string => 'TABLE\n';
    expect(renderSnapshot({} as Summary, 'table', ['category'], info, render)).toBe('snapshot at 2026-11-22T09:45:00.000Z\nTABLE\n\n');
    expect(renderSnapshot({} as Summary, 'markdown', ['category'], { ...info, final: true }, render)).toBe(
      '## Final summary at 2026-11-22T09:45:00.000Z\n\nTABLE\n\n',
    );
  });
});
