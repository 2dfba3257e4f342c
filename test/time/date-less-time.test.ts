import { afterEach, describe, expect, it } from 'vitest';
import { dateLessTime } from '../../src/time/date-less-time.js';
import { leadingTime } from '../../src/time/leading-time.js';
import { setLogTimeZone } from '../../src/time/parse-time.js';
import { advanceTimeReference, setTimeReference } from '../../src/time/time-reference.js';
import { parseTimeZone, UTC } from '../../src/time/time-zone.js';
import { runCli } from '../helpers/run-cli.js';
import { scanString } from '../helpers/scan-in-process.js';

const RUN = Date.UTC(2026, 11, 6, 12, 0, 0);

afterEach(() => {
  setLogTimeZone(UTC);
  setTimeReference({ at: Date.now(), year: null, date: null });
});

describe('times of day written without a date', () => {
  it('are the latest such instant at or before the run’s start, ten minutes’ grace allowed', () => {
    setTimeReference({ at: RUN, year: null, date: null });
    expect(dateLessTime(9, 44, 34, '085')).toBe(Date.UTC(2026, 11, 6, 9, 44, 34, 85));
    expect(dateLessTime(12, 0, 0, '')).toBe(RUN);
    expect(dateLessTime(12, 10, 0, '')).toBe(Date.UTC(2026, 11, 6, 12, 10, 0));
    expect(dateLessTime(12, 10, 1, '')).toBe(Date.UTC(2026, 11, 5, 12, 10, 1));
    expect(dateLessTime(23, 59, 59, '999999')).toBe(Date.UTC(2026, 11, 5, 23, 59, 59, 999));
    // Just after midnight, the last evening is yesterday's, across a month's end too.
    setTimeReference({ at: Date.UTC(2026, 11, 1, 0, 5), year: null, date: null });
    expect(dateLessTime(23, 58, 0, '')).toBe(Date.UTC(2026, 10, 30, 23, 58, 0));
    expect(dateLessTime(0, 1, 0, '')).toBe(Date.UTC(2026, 11, 1, 0, 1, 0));
  });

  it('are on the date --log-date names, in the logs’ zone', () => {
    setTimeReference({ at: RUN, year: null, date: '2026-11-22' });
    expect(dateLessTime(23, 59, 59, '')).toBe(Date.UTC(2026, 10, 22, 23, 59, 59));
    setTimeReference({ at: RUN, year: null, date: null });
    setLogTimeZone(parseTimeZone('Asia/Shanghai')!);
    // 20:30 in Shanghai is 12:30 UTC, past the run's start: yesterday's evening there.
    expect(dateLessTime(20, 30, 0, '')).toBe(Date.UTC(2026, 11, 5, 12, 30, 0));
    expect(dateLessTime(19, 59, 0, '')).toBe(Date.UTC(2026, 11, 6, 11, 59, 0));
  });

  it('follow a live input’s reading: the reference moves on, never back', () => {
    setTimeReference({ at: RUN, year: null, date: null });
    expect(dateLessTime(15, 0, 0, '')).toBe(Date.UTC(2026, 11, 5, 15, 0, 0));
    advanceTimeReference(Date.UTC(2026, 11, 6, 15, 0, 5));
    expect(dateLessTime(15, 0, 0, '')).toBe(Date.UTC(2026, 11, 6, 15, 0, 0));
    advanceTimeReference(RUN);
    expect(dateLessTime(15, 0, 0, '')).toBe(Date.UTC(2026, 11, 6, 15, 0, 0));
  });

  it('yield to a wrapper’s or an envelope’s time, which has its date', async () => {
    setTimeReference({ at: RUN, year: null, date: null });
    const error = '09:44:31.250 [main] ERROR c.e.App - failed: [TencentCloudSDKException]code: ResourceNotFound.Topic message:gone requestId:7d1e4c2b-8a3f-4b6d-9e0c-000000000001';
    const wrapped = [
      `2026-11-22T09:44:31.251000000Z ${error}`,
      JSON.stringify({ log: `${error}\n`, stream: 'stdout', time: '2026-11-22T09:44:31.251Z' }),
      `[pod/mqtt-admin-7d9f/app] 2026-11-22T09:44:31.251Z ${error}`,
    ];
    for (const line of wrapped) {
      const { events } = await scanString(`${line}\n`);
      expect(events.map((e) => e.time), line).toEqual([Date.UTC(2026, 10, 22, 9, 44, 31, 251)]);
    }
    // Alone, the time of day is read against the run's start.
    const { events } = await scanString(`${error}\n`);
    expect(events.map((e) => e.time)).toEqual([Date.UTC(2026, 11, 6, 9, 44, 31, 250)]);
  });

  it('have none out of a day’s range', () => {
    setTimeReference({ at: RUN, year: null, date: null });
    expect(dateLessTime(24, 0, 0, '')).toBeNull();
    expect(dateLessTime(9, 60, 0, '')).toBeNull();
    expect(dateLessTime(9, 0, 60, '')).toBeNull();
  });

  it('lead a line in log4j’s, logback’s, Serilog’s and Go’s Kitchen forms', () => {
    setTimeReference({ at: RUN, year: null, date: '2026-11-22' });
    const at = (h: number, m: number, s: number, ms = 0): number => Date.UTC(2026, 10, 22, h, m, s, ms);
    expect(leadingTime('09:44:34.123 [main] ERROR c.e.App - failed')).toEqual({ time: at(9, 44, 34, 123), length: 12 });
    expect(leadingTime('09:44:34,123 ERROR failed')).toEqual({ time: at(9, 44, 34, 123), length: 12 });
    // Serilog's bracket holds the level too: the time is not a word of its own there.
    expect(leadingTime('[09:44:34 ERR] failed')).toEqual({ time: at(9, 44, 34), length: 0 });
    expect(leadingTime('[09:44:34.5] failed')).toEqual({ time: at(9, 44, 34, 500), length: 11 });
    expect(leadingTime('9:44AM ERR failed')).toEqual({ time: at(9, 44, 0), length: 6 });
    expect(leadingTime('12:05AM INF ok')?.time).toBe(at(0, 5, 0));
    expect(leadingTime('12:05PM INF ok')?.time).toBe(at(12, 5, 0));
    for (const line of ['13:05PM x', '09:44 x', '09:44:34x', '09:44:34.123.4 x', '25:00:00 x', '9:44:34 x', '10:02 PM x']) {
      expect(leadingTime(line), line).toBeNull();
    }
  });
});

describe('mqerr --log-date', () => {
  const log = [
    '09:44:30.000 [main] INFO  c.e.App - starting',
    '09:44:31.250 [main] ERROR c.e.App - describe failed: [TencentCloudSDKException]code: ResourceNotFound.Topic message:gone requestId:7d1e4c2b-8a3f-4b6d-9e0c-000000000001',
    '23:10:00.000 [main] ERROR c.e.App - describe failed: [TencentCloudSDKException]code: ResourceNotFound.Topic message:gone requestId:7d1e4c2b-8a3f-4b6d-9e0c-000000000002',
    '',
  ].join('\n');

  it('puts times of day on the date it names, for the window and the summary', async () => {
    const run = await runCli(['scan', '--log-date', '2026-11-22', '--since', '2026-11-22T09:00:00Z', '--until', '2026-11-22T12:00:00Z', '--format', 'json'], { stdin: log });
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { totals: { errors: number }; window: { after: number; untimed: number } };
    expect(summary.totals.errors).toBe(1);
    expect(summary.window).toMatchObject({ after: 1, untimed: 0 });
  });

  it('turns away a day the calendar has not, in one line', async () => {
    const run = await runCli(['scan', '--log-date', '2026-02-30'], { stdin: log });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(["mqerr: --log-date expects a date such as 2026-11-22, got '2026-02-30'"]);
  });
});
