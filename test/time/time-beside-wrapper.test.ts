import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { setLogTimeZone } from '../../src/time/parse-time.js';
import { timeBesideWrapper } from '../../src/time/time-beside-wrapper.js';
import { parseTimeZone, UTC } from '../../src/time/time-zone.js';
import { isZonedTime } from '../../src/time/zoned-time.js';
import { takeStamp } from '../../src/records/leading-stamp.js';
import { scanString } from '../helpers/scan-in-process.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const wrapper = Date.parse('2026-11-22T09:56:02.417437Z');

afterEach(() => setLogTimeZone(UTC));

describe('timeBesideWrapper', () => {
  it("reads a zone-less local time in the zone its runtime's UTC stamp shows", () => {
    // A CST service's 17:56:02.417, read as UTC, beside containerd's 09:56:02.417437Z.
    expect(timeBesideWrapper(Date.parse('2026-11-22T17:56:02.417Z'), wrapper, true)).toBe(Date.parse('2026-11-22T09:56:02.417Z'));
    // A service west of UTC, and the zones on a half and three-quarter hour.
    expect(timeBesideWrapper(wrapper - 5 * HOUR - 1, wrapper, true)).toBe(wrapper - 1);
    expect(timeBesideWrapper(wrapper + 5.5 * HOUR - 300, wrapper, true)).toBe(wrapper - 300);
    expect(timeBesideWrapper(wrapper + 5.75 * HOUR, wrapper, true)).toBe(wrapper);
    expect(timeBesideWrapper(wrapper - 9.5 * HOUR, wrapper, true)).toBe(wrapper);
  });

  it('keeps a time that agrees with its wrapper, within a runtime\'s or a shipper\'s delay', () => {
    for (const own of [wrapper, wrapper - 14_000, wrapper + 1_500]) expect(timeBesideWrapper(own, wrapper, true)).toBe(own);
  });

  it('keeps a time whose distance from its wrapper is no zone\'s offset', () => {
    // A file shipped long after it was written, a quarter hour no zone uses, more than 14 hours, a minute off an hour.
    for (const own of [wrapper - 3 * 24 * HOUR, wrapper + 2.25 * HOUR, wrapper + 15 * HOUR, wrapper - 26 * HOUR, wrapper + 8 * HOUR - MINUTE, wrapper + 8 * HOUR + 3_000]) {
      expect(timeBesideWrapper(own, wrapper, true)).toBe(own);
    }
  });

  it('leaves a time as it is beside a wrapper time written without a zone, or without a wrapper time', () => {
    const own = Date.parse('2026-11-22T17:56:02.417Z');
    expect(timeBesideWrapper(own, wrapper, false)).toBe(own);
    expect(timeBesideWrapper(own, null, true)).toBe(own);
    expect(timeBesideWrapper(null, wrapper, true)).toBeNull();
  });

  it('leaves every time as it is when --log-tz names a zone other than UTC', () => {
    setLogTimeZone(parseTimeZone('Asia/Shanghai')!);
    const own = wrapper + 3 * HOUR;
    expect(timeBesideWrapper(own, wrapper, true)).toBe(own);
  });

  it('moves a time by whole quarter hours only, onto its wrapper\'s moment, or not at all', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30 * HOUR, max: 30 * HOUR }), (difference) => {
        const own = wrapper + difference;
        const read = timeBesideWrapper(own, wrapper, true)!;
        expect(Math.abs(own - read) % (15 * MINUTE)).toBe(0);
        if (read !== own) expect(read - wrapper).toBeGreaterThanOrEqual(-15_000);
        if (read !== own) expect(read - wrapper).toBeLessThanOrEqual(2_000);
        expect(Math.abs(own - read)).toBeLessThanOrEqual(14 * HOUR);
      }),
    );
  });
});

describe('which wrappers show a zone', () => {
  it('a time written with its zone or as an epoch value is the moment itself; a wall-clock time is not', () => {
    for (const zoned of ['2026-11-22T09:56:02.417437077Z', '2026-11-22T17:56:02+08:00', '2026-11-22 17:56 +0800', '1795340674', '1795340674.085', 1795340674085]) expect(isZonedTime(zoned)).toBe(true);
    for (const local of ['2026-11-22 17:56:02,417', '2026-11-22T17:56:02', 'Nov 22 17:56:02', 'Nov 22, 2026 @ 17:56:02.417', '', null]) expect(isZonedTime(local)).toBe(false);
    expect(takeStamp('2026-11-22T09:44:34.085123456Z boom')?.zoned).toBe(true);
    expect(takeStamp('2026-11-22T17:44:34: boom')?.zoned).toBe(false);
    expect(takeStamp('2026-11-22 17:44 +08:00: boom')?.zoned).toBe(true);
  });

  const times = async (text: string): Promise<(string | null)[]> =>
    (await scanString(text)).events.filter((e) => e.event === 'error').map((e) => (e.time === null ? null : new Date(e.time).toISOString()));
  const error = (id: string): string => `ERROR [TencentCloudSDKError] Code=ResourceNotFound.Topic, Message=x, RequestId=${id}`;
  const A = '7d1e4c2b-8a3f-4b6d-9e0c-5f2a1b8c3d4e';
  const B = '8d1e4c2b-8a3f-4b6d-9e0c-5f2a1b8c3d4e';

  it("reads a zone-less time in the zone of a container runtime's, kubectl's or a JSON envelope's time", async () => {
    expect(await times(`2026-11-22T09:56:02.417437077Z stderr F 2026-11-22 17:56:02,417 ${error(A)}\n`)).toEqual(['2026-11-22T09:56:02.417Z']);
    expect(await times(`2026-11-22T09:56:02.417437077Z 2026-11-22 17:56:02,417 ${error(A)}\n`)).toEqual(['2026-11-22T09:56:02.417Z']);
    const docker = JSON.stringify({ log: `2026-11-22 17:56:02,417 ${error(A)}\n`, stream: 'stderr', time: '2026-11-22T09:56:02.417437077Z' });
    expect(await times(`${docker}\n`)).toEqual(['2026-11-22T09:56:02.417Z']);
    // Fluentd's out_file with its time's offset, and its stdout output's `+0000`.
    const log = JSON.stringify({ log: `2026-11-22 17:56:02,417 ${error(A)}` });
    expect(await times(`2026-11-22T09:56:02+00:00\tkube.app\t${log}\n`)).toEqual(['2026-11-22T09:56:02.417Z']);
    expect(await times(`2026-11-22 09:56:02.417000000 +0000 app.0: ${log}\n`)).toEqual(['2026-11-22T09:56:02.417Z']);
  });

  it("keeps a line's own time beside a wrapper's written without a zone (syslog's, journalctl's, PM2's --time)", async () => {
    // A host in China Standard Time relaying an application that writes UTC: the wrapper's time is the one in local time.
    expect(await times(`<11>1 2026-11-22T17:56:02.417 web-1 app 812 - - 2026-11-22 09:56:02,417 ${error(A)}\n`)).toEqual(['2026-11-22T09:56:02.417Z']);
    expect(await times(`2026-11-22T17:56:02: 2026-11-22 09:56:02,417 ${error(B)}\n`)).toEqual(['2026-11-22T09:56:02.417Z']);
    // Fluentd's out_file with a time format without its offset (the host's local time).
    expect(await times(`2026-11-22 17:56:02\tapp.0\t${JSON.stringify({ log: `2026-11-22 09:56:02,417 ${error(B)}` })}\n`)).toEqual(['2026-11-22T09:56:02.417Z']);
  });
});

