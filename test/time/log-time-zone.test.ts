import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { leadingTimeAt } from '../../src/lines/line-time.js';
import { parseTimestamp, setLogTimeZone } from '../../src/time/parse-time.js';
import { parseTimeZone, UTC } from '../../src/time/time-zone.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

afterEach(() => setLogTimeZone(UTC));

describe('--log-tz: the zone of timestamps written without one', () => {
  it('is UTC by default', () => {
    expect(parseTimestamp('2026-11-22 09:44:34,085')).toBe(Date.parse('2026-11-22T09:44:34.085Z'));
  });

  it('reads a zone-less time in the logs zone, and leaves a time with a zone as written', () => {
    setLogTimeZone(parseTimeZone('Asia/Shanghai')!);
    expect(parseTimestamp('2026-11-22 09:44:34,085')).toBe(Date.parse('2026-11-22T01:44:34.085Z'));
    expect(parseTimestamp('2026/11/22 09:45:00')).toBe(Date.parse('2026-11-22T01:45:00Z'));
    expect(parseTimestamp('2026-11-22T09:44:34.085Z')).toBe(Date.parse('2026-11-22T09:44:34.085Z'));
    expect(parseTimestamp('2026-11-22T09:44:34+09:00')).toBe(Date.parse('2026-11-22T00:44:34Z'));
  });

  it('takes the offset a zone has on that date', () => {
    setLogTimeZone(parseTimeZone('America/New_York')!);
    expect(parseTimestamp('2026-07-01 12:00:00')).toBe(Date.parse('2026-07-01T16:00:00Z'));
    expect(parseTimestamp('2026-12-01 12:00:00')).toBe(Date.parse('2026-12-01T17:00:00Z'));
  });

  it('reaches the byte-level reader of leading times, whatever it read before in another zone', () => {
    const line = '2026-11-22 09:44:30,112 ERROR x';
    expect(leadingTimeAt(line, 0, line.length)).toBe(Date.parse('2026-11-22T09:44:30.112Z'));
    setLogTimeZone(parseTimeZone('+08:00')!);
    expect(leadingTimeAt(line, 0, line.length)).toBe(Date.parse('2026-11-22T01:44:30.112Z'));
  });
});

describe('mqerr --log-tz', () => {
  it('gives worker threads the same times as one thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mqerr-log-tz-'));
    const file = join(dir, 'big.log');
    writeFileSync(file, readFileSync(join(ROOT, 'fixtures/spikes/mid-hour.log'), 'utf8').repeat(40));
    const flags = ['--format', 'json', '--bucket', '1h', '--log-tz', 'Asia/Shanghai', file];
    const env = { MQERR_SEGMENT_BYTES: '16384' };
    const [one, four] = await Promise.all([runCli(['--jobs', '1', ...flags], { env }), runCli(['--jobs', '4', ...flags], { env })]);
    expect(four.stdout).toBe(one.stdout);
    const summary = JSON.parse(one.stdout) as { timeSeries: { from: string } };
    expect(summary.timeSeries.from).toBe('2026-11-20T16:50:00.946Z');
  });

  it('sets the time tag writes for a text record', async () => {
    const line = '2026-11-22 09:45:00,000 ERROR [TencentCloudSDKError] Code=AuthFailure.SignatureExpire, Message=expired, RequestId=8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f\n';
    const result = await runCli(['tag', '--log-tz', '+08:00', '-'], { stdin: line });
    expect(JSON.parse(result.stdout).time).toBe(Date.parse('2026-11-22T01:45:00Z'));
  });
});
