import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { setLogTimeZone } from '../../src/time/parse-time.js';
import { timeBesideWrapper } from '../../src/time/time-beside-wrapper.js';
import { parseTimeZone, UTC } from '../../src/time/time-zone.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const wrapper = Date.parse('2026-11-22T09:56:02.417437Z');

afterEach(() => setLogTimeZone(UTC));

describe('timeBesideWrapper', () => {
  it("reads a zone-less local time in the zone its runtime's UTC stamp shows", () => {
    // A CST service's 17:56:02.417, read as UTC, beside containerd's 09:56:02.417437Z.
    expect(timeBesideWrapper(Date.parse('2026-11-22T17:56:02.417Z'), wrapper)).toBe(Date.parse('2026-11-22T09:56:02.417Z'));
    // A service west of UTC, and the zones on a half and three-quarter hour.
    expect(timeBesideWrapper(wrapper - 5 * HOUR - 1, wrapper)).toBe(wrapper - 1);
    expect(timeBesideWrapper(wrapper + 5.5 * HOUR - 300, wrapper)).toBe(wrapper - 300);
    expect(timeBesideWrapper(wrapper + 5.75 * HOUR, wrapper)).toBe(wrapper);
    expect(timeBesideWrapper(wrapper - 9.5 * HOUR, wrapper)).toBe(wrapper);
  });

  it('keeps a time that agrees with its wrapper, within a runtime\'s or a shipper\'s delay', () => {
    for (const own of [wrapper, wrapper - 14_000, wrapper + 1_500]) expect(timeBesideWrapper(own, wrapper)).toBe(own);
  });

  it('keeps a time whose distance from its wrapper is no zone\'s offset', () => {
    // A file shipped long after it was written, a quarter hour no zone uses, more than 14 hours, a minute off an hour.
    for (const own of [wrapper - 3 * 24 * HOUR, wrapper + 2.25 * HOUR, wrapper + 15 * HOUR, wrapper - 26 * HOUR, wrapper + 8 * HOUR - MINUTE, wrapper + 8 * HOUR + 3_000]) {
      expect(timeBesideWrapper(own, wrapper)).toBe(own);
    }
  });

  it('leaves every time as it is when --log-tz names a zone other than UTC', () => {
    setLogTimeZone(parseTimeZone('Asia/Shanghai')!);
    const own = wrapper + 3 * HOUR;
    expect(timeBesideWrapper(own, wrapper)).toBe(own);
  });

  it('moves a time by whole quarter hours only, onto its wrapper\'s moment, or not at all', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30 * HOUR, max: 30 * HOUR }), (difference) => {
        const own = wrapper + difference;
        const read = timeBesideWrapper(own, wrapper);
        expect(Math.abs(own - read) % (15 * MINUTE)).toBe(0);
        if (read !== own) expect(read - wrapper).toBeGreaterThanOrEqual(-15_000);
        if (read !== own) expect(read - wrapper).toBeLessThanOrEqual(2_000);
        expect(Math.abs(own - read)).toBeLessThanOrEqual(14 * HOUR);
      }),
    );
  });
});
