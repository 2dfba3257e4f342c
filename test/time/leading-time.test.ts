import { afterEach, describe, expect, it } from 'vitest';
import { leadingTime, leadingTimeOf } from '../../src/time/leading-time.js';
import { setLogTimeZone } from '../../src/time/parse-time.js';
import { setTimeReference } from '../../src/time/time-reference.js';
import { parseTimeZone, UTC } from '../../src/time/time-zone.js';

afterEach(() => {
  setLogTimeZone(UTC);
  setTimeReference({ at: Date.now(), year: null, date: null });
});

const at = (iso: string): number => Date.parse(iso);

describe('a plain line’s leading time, in each logger’s default form', () => {
  it('reads ISO 8601, Python logging’s and Go log’s forms, a bracket before them', () => {
    expect(leadingTime('2026-11-22 09:44:34,085 ERROR app: x')).toEqual({ time: at('2026-11-22T09:44:34.085Z'), length: 23 });
    expect(leadingTime('[2026/11/22 09:44:34] x')).toEqual({ time: at('2026-11-22T09:44:34Z'), length: 20 });
  });

  it('reads java.util.logging’s SimpleFormatter: month, day, year and a twelve-hour clock', () => {
    expect(leadingTime('Nov 22, 2026 9:44:34 AM com.example.App main')).toEqual({ time: at('2026-11-22T09:44:34Z'), length: 23 });
    expect(leadingTimeOf('Nov 02, 2026 12:05:00 AM c m')).toBe(at('2026-11-02T00:05:00Z'));
    expect(leadingTimeOf('Nov 22, 2026 12:05:00 PM c m')).toBe(at('2026-11-22T12:05:00Z'));
    expect(leadingTimeOf('Dec 1, 2026 11:59:59 PM c m')).toBe(at('2026-12-01T23:59:59Z'));
  });

  it('reads Tomcat’s OneLineFormatter and log4j’s DATE: day, month, year', () => {
    expect(leadingTime('22-Nov-2026 09:44:31.250 SEVERE [main] c.m x')).toEqual({ time: at('2026-11-22T09:44:31.250Z'), length: 24 });
    expect(leadingTimeOf('22 Nov 2026 09:44:31,250 ERROR x')).toBe(at('2026-11-22T09:44:31.250Z'));
    expect(leadingTimeOf('05-Jan-2027 00:00:00 INFO x')).toBe(at('2027-01-05T00:00:00Z'));
  });

  it('reads C’s ctime and Apache’s error log, whose year comes last', () => {
    expect(leadingTime('[Sun Nov 22 09:44:34.123456 2026] [php:error] x')).toEqual({ time: at('2026-11-22T09:44:34.123Z'), length: 32 });
    expect(leadingTimeOf('Sun Nov  1 09:44:34 2026 x')).toBe(at('2026-11-01T09:44:34Z'));
  });

  it('reads Ruby’s Logger, whose time is not the line’s first word (length 0)', () => {
    expect(leadingTime('E, [2026-11-22T09:44:34.123456 #1234] ERROR -- : x')).toEqual({ time: at('2026-11-22T09:44:34.123Z'), length: 0 });
  });

  it('reads journalctl’s -o verbose entry header, its zone’s abbreviation UTC’s or the logs’ zone’s (length 0)', () => {
    expect(leadingTime('Sun 2026-11-22 09:44:34.085123 UTC [s=4f1e;i=1a2b;b=9c8d;m=12345;t=5a1b2c3d4e5f6;x=abcdef]')).toEqual({ time: at('2026-11-22T09:44:34.085Z'), length: 0 });
    setLogTimeZone(parseTimeZone('+08:00')!);
    expect(leadingTimeOf('Sun 2026-11-22 17:44:34 CST [s=1]')).toBe(at('2026-11-22T09:44:34Z'));
    expect(leadingTimeOf('Sun 2026-11-22 09:44:34 GMT [s=1]')).toBe(at('2026-11-22T09:44:34Z'));
    expect(leadingTimeOf('Sun 2026-11-22 09:44:34UTC')).toBeNull();
    expect(leadingTimeOf('Sum 2026-11-22 09:44:34 UTC')).toBeNull();
  });

  it('reads a logfmt line’s time: its first pair, or its second after the level (slog, logrus, go-kit, log15)', () => {
    expect(leadingTime('time=2026-11-22T09:44:34.123+08:00 level=ERROR msg="x"')).toEqual({ time: at('2026-11-22T01:44:34.123Z'), length: 0 });
    expect(leadingTimeOf('time="2026-11-22T09:44:34Z" level=error msg="x"')).toBe(at('2026-11-22T09:44:34Z'));
    expect(leadingTimeOf('level=error ts=2026-11-22T09:44:34.123456789Z caller=a.go:1 msg=x')).toBe(at('2026-11-22T09:44:34.123Z'));
    expect(leadingTimeOf('t=2026-11-22T09:44:34+0000 lvl=eror msg=x')).toBe(at('2026-11-22T09:44:34Z'));
    expect(leadingTimeOf('ts=1795340674.5 msg=x')).toBe(at('2026-11-22T09:44:34.500Z'));
    expect(leadingTimeOf('timestamp="2026-11-22 09:44:34,085" msg=x')).toBe(at('2026-11-22T09:44:34.085Z'));
  });

  it('reads JavaScript’s en-US toLocaleString, bare or after NestJS’s prefix (not the line’s first word there), and rich’s [%x %X]', () => {
    expect(leadingTime('11/22/2026, 9:44:34 AM boom')).toEqual({ time: at('2026-11-22T09:44:34Z'), length: 22 });
    expect(leadingTime('[Nest] 19096  - 11/22/2026, 9:44:34 PM   ERROR [TopicService] x')).toEqual({ time: at('2026-11-22T21:44:34Z'), length: 0 });
    expect(leadingTimeOf('[Nest] 7  - 1/2/2027, 12:00:01 AM     LOG [App] x')).toBe(at('2027-01-02T00:00:01Z'));
    expect(leadingTime('[11/22/26 09:44:34] ERROR    x    sync.py:41')).toEqual({ time: at('2026-11-22T09:44:34Z'), length: 18 });
  });

  it('reads klog’s year-less time in the latest year before the run’s start, not as the line’s first word', () => {
    setTimeReference({ at: Date.UTC(2026, 11, 6), year: null, date: null });
    expect(leadingTime('E1122 09:44:34.123456       1 admin.go:42] describe failed')).toEqual({ time: at('2026-11-22T09:44:34.123Z'), length: 0 });
    expect(leadingTimeOf('I1231 23:59:59.000001 1 a.go:1] x')).toBe(at('2025-12-31T23:59:59Z'));
    setTimeReference({ at: Date.UTC(2026, 11, 6), year: 2024, date: null });
    expect(leadingTimeOf('W1122 09:44:34.5 1 a.go:1] x')).toBe(at('2024-11-22T09:44:34.500Z'));
  });

  it('reads each form’s time in the logs’ zone (--log-tz)', () => {
    setLogTimeZone(parseTimeZone('Asia/Shanghai')!);
    expect(leadingTimeOf('Nov 22, 2026 9:44:34 AM c m')).toBe(at('2026-11-22T01:44:34Z'));
    expect(leadingTimeOf('22-Nov-2026 09:44:31.250 INFO x')).toBe(at('2026-11-22T01:44:31.250Z'));
    expect(leadingTimeOf('[Sun Nov 22 09:44:34 2026] x')).toBe(at('2026-11-22T01:44:34Z'));
    expect(leadingTimeOf('I, [2026-11-22T09:44:34.5 #1]  INFO -- : x')).toBe(at('2026-11-22T01:44:34.500Z'));
  });

  it('reads none from look-alikes: an unknown month, a missing part, an open bracket, a year-less form', () => {
    for (const line of [
      'Nov 22 09:44:34 host app[1]: x', // syslog: no year
      'E1122 09:44 1 a.go:1] x',
      'E1322 09:44:34.123456 1 a.go:1] x', // no 13th month
      '09:44 [main] ERROR x', // a time of day without its seconds
      '13/22/2026, 9:44:34 AM x', // month first: no 13th month
      '[Nest] 19096  - 22/11/2026, 09:44:34', // another locale's form: not read
      '[13/22/26 09:44:34] x',
      '[11/22/26 09:44:34 x',
      '22-Foo-2026 09:44:31.250 INFO x',
      '22-Nov-2026 09:44 INFO x',
      '22-Nov 2026 09:44:31 INFO x',
      'Nov 22, 2026 9:44:34 XM c m',
      'Nov 22, 2026 9:44:34 AMx',
      '[Sun Nov 22 09:44:34 2026 x',
      'Sun Nov 22 09:44:34 20261',
      'E, [2026-11-22T09:44:34.123456] x',
      'X, [2026-11-22T09:44:34 #1] x',
      'ERROR describe failed',
      'msg=x time=2026-11-22T09:44:34Z', // not a leading pair
      'level=error msg=x ts=2026-11-22T09:44:34Z',
      'time=soon level=info',
      'times=2026-11-22T09:44:34Z x',
      'time="2026-11-22T09:44:34Z x',
      '',
    ]) {
      expect(leadingTime(line), line).toBeNull();
    }
  });
});
