import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setLogTimeZone } from '../../src/time/parse-time.js';
import { parseTimeZone, UTC } from '../../src/time/time-zone.js';
import { setTimeReference } from '../../src/time/time-reference.js';
import { yearLessTime } from '../../src/time/year-less-time.js';
import { runCli } from '../helpers/run-cli.js';

const RUN = Date.UTC(2026, 11, 6, 12, 0, 0);

afterEach(() => {
  setLogTimeZone(UTC);
  setTimeReference({ at: Date.now(), year: null, date: null });
});

describe('timestamps written without a year', () => {
  it('are the latest such instant before the run’s start, a day’s grace allowed', () => {
    setTimeReference({ at: RUN, year: null, date: null });
    expect(yearLessTime('Nov', 22, '09:44:34.085')).toBe(Date.UTC(2026, 10, 22, 9, 44, 34, 85));
    expect(yearLessTime('Dec', 6, '12:00:00')).toBe(RUN);
    expect(yearLessTime('Dec', 7, '11:59:59')).toBe(Date.UTC(2026, 11, 7, 11, 59, 59));
    expect(yearLessTime('Dec', 7, '12:00:01')).toBe(Date.UTC(2025, 11, 7, 12, 0, 1));
    expect(yearLessTime('Dec', 31, '23:59:59')).toBe(Date.UTC(2025, 11, 31, 23, 59, 59));
    // Read on New Year's morning, the last night is last year's.
    setTimeReference({ at: Date.UTC(2027, 0, 1, 0, 5), year: null, date: null });
    expect(yearLessTime('Dec', 31, '23:59:59')).toBe(Date.UTC(2026, 11, 31, 23, 59, 59));
    expect(yearLessTime('Jan', 1, '00:00:01')).toBe(Date.UTC(2027, 0, 1, 0, 0, 1));
  });

  it('are in the year --log-year names, and in the logs’ zone', () => {
    setTimeReference({ at: RUN, year: 2024, date: null });
    expect(yearLessTime('Dec', 31, '23:59:59')).toBe(Date.UTC(2024, 11, 31, 23, 59, 59));
    setTimeReference({ at: RUN, year: null, date: null });
    setLogTimeZone(parseTimeZone('Asia/Shanghai')!);
    expect(yearLessTime('Nov', 22, '09:44:34')).toBe(Date.UTC(2026, 10, 22, 1, 44, 34));
  });

  it('have none for a month no name gives', () => {
    setTimeReference({ at: RUN, year: null, date: null });
    expect(yearLessTime('Foo', 22, '09:44:34')).toBeNull();
    expect(yearLessTime('ovD', 22, '09:44:34')).toBeNull();
  });
});

describe('mqerr --log-year', () => {
  const lines = Array.from({ length: 2000 }, (_, i) => {
    const minute = String(i % 60).padStart(2, '0');
    return `Nov 22 09:${minute}:34 node-1 mqtt-admin[812]: describe failed: [TencentCloudSDKError] Code=ResourceNotFound.Topic, Message=gone, RequestId=7d1e4c2b-8a3f-4b6d-9e0c-${String(i).padStart(12, '0')}\n`;
  }).join('');

  it('reads a relayed line’s year-less time in the year it names, on worker threads as on one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mqerr-log-year-'));
    const file = join(dir, 'syslog');
    writeFileSync(file, lines);
    const flags = ['--format', 'json', '--log-year', '2025', file];
    const env = { MQERR_SEGMENT_BYTES: '16384' };
    const [one, four] = await Promise.all([runCli(['--jobs', '1', ...flags], { env }), runCli(['--jobs', '4', ...flags], { env })]);
    expect(four.stdout).toBe(one.stdout);
    const summary = JSON.parse(one.stdout) as { sources: { firstSeen: string; lastSeen: string }[] };
    expect(summary.sources[0]).toMatchObject({ firstSeen: '2025-11-22T09:00:34.000Z', lastSeen: '2025-11-22T09:59:34.000Z' });
  });

  it('reads it, without the flag, in the latest year that puts it before the run', async () => {
    const result = await runCli(['--format', 'json', '-'], { stdin: lines.slice(0, 200) });
    const now = new Date();
    const thisYear = Date.UTC(now.getUTCFullYear(), 10, 22, 9, 0, 34);
    const expected = thisYear > now.getTime() + 86_400_000 ? Date.UTC(now.getUTCFullYear() - 1, 10, 22, 9, 0, 34) : thisYear;
    expect((JSON.parse(result.stdout) as { sources: { firstSeen: string }[] }).sources[0]!.firstSeen).toBe(new Date(expected).toISOString());
  });

  it('refuses what is no year, in one line', async () => {
    const result = await runCli(['--log-year', '26', '-'], { stdin: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("mqerr: --log-year expects a year such as 2026, got '26'\n");
  });
});
