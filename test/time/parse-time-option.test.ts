import { describe, expect, it } from 'vitest';
import { formatTime } from '../../src/time/format-time.js';
import { parseTimeOption } from '../../src/time/parse-time-option.js';
import { parseTimeZone, UTC } from '../../src/time/time-zone.js';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const shanghai = parseTimeZone('Asia/Shanghai')!;
const newYork = parseTimeZone('America/New_York')!;

describe('--since / --until values', () => {
  it('counts relative values back from now', () => {
    expect(parseTimeOption('24h', NOW, UTC)).toBe(NOW - 24 * 3_600_000);
    expect(parseTimeOption('90m', NOW, UTC)).toBe(NOW - 90 * 60_000);
    expect(parseTimeOption('7d', NOW, UTC)).toBe(NOW - 7 * 86_400_000);
    expect(parseTimeOption('30s', NOW, UTC)).toBe(NOW - 30_000);
    expect(parseTimeOption('now', NOW, UTC)).toBe(NOW);
  });

  it('reads absolute times with a zone as written, whatever --tz is', () => {
    expect(parseTimeOption('2026-11-21T08:00:00+08:00', NOW, newYork)).toBe(Date.UTC(2026, 10, 21, 0));
    expect(parseTimeOption('2026-11-21T00:00:00Z', NOW, shanghai)).toBe(Date.UTC(2026, 10, 21, 0));
    expect(parseTimeOption('2026-11-21T00:00Z', NOW, shanghai)).toBe(Date.UTC(2026, 10, 21, 0));
  });

  it('reads times without a zone, and bare dates (midnight), in --tz', () => {
    expect(parseTimeOption('2026-11-21', NOW, UTC)).toBe(Date.UTC(2026, 10, 21));
    expect(parseTimeOption('2026-11-21', NOW, shanghai)).toBe(Date.UTC(2026, 10, 20, 16));
    expect(parseTimeOption('2026-11-21 08:30', NOW, parseTimeZone('+05:30')!)).toBe(Date.UTC(2026, 10, 21, 3, 0));
    // New York is on EST (UTC-5) in November and EDT (UTC-4) in July.
    expect(parseTimeOption('2026-11-21T00:00:00', NOW, newYork)).toBe(Date.UTC(2026, 10, 21, 5));
    expect(parseTimeOption('2026-07-01T00:00:00', NOW, newYork)).toBe(Date.UTC(2026, 6, 1, 4));
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(parseTimeOption('1795219200', NOW, UTC)).toBe(Date.UTC(2026, 10, 21));
    expect(parseTimeOption('1795219200000', NOW, UTC)).toBe(Date.UTC(2026, 10, 21));
  });

  it('refuses what is not a time, and dates that do not exist', () => {
    for (const bad of ['yesterday', '24', '-1h', '2026-02-30', '2026-11-21T25:00:00Z', '21/11/2026', '']) {
      expect(parseTimeOption(bad, NOW, UTC), bad).toBeNull();
    }
  });
});

describe('--tz', () => {
  it('takes UTC, IANA names and fixed offsets, and refuses the rest', () => {
    expect(parseTimeZone('utc')).toBe(UTC);
    expect(parseTimeZone('+00:00')).toBe(UTC);
    expect(shanghai.name).toBe('Asia/Shanghai');
    expect(shanghai.offsetAt(NOW)).toBe(8 * 3_600_000);
    expect(parseTimeZone('-0330')!.offsetAt(NOW)).toBe(-(3 * 60 + 30) * 60_000);
    expect(parseTimeZone('Mars/Olympus')).toBeNull();
    expect(parseTimeZone('+25:00')).toBeNull();
  });

  it('shows times in the zone, across a DST change', () => {
    expect(formatTime(Date.UTC(2026, 10, 21, 16, 0, 5), shanghai)).toBe('2026-11-22 00:00:05');
    expect(formatTime(Date.UTC(2026, 10, 21, 5, 0), newYork, 'minute')).toBe('2026-11-21 00:00');
    expect(formatTime(Date.UTC(2026, 6, 1, 4, 0), newYork, 'minute')).toBe('2026-07-01 00:00');
    expect(formatTime(Date.UTC(2026, 6, 1, 4, 0, 0, 7), UTC, 'millisecond')).toBe('2026-07-01 04:00:00.007');
  });
});
