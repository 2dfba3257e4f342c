import { describe, expect, it } from 'vitest';
import { resolveSeries, resolveTimeZone, resolveWindow } from '../../src/cli/time-options.js';
import { ExitError } from '../../src/errors.js';
import { UTC } from '../../src/time/time-zone.js';

const NOW = Date.UTC(2026, 10, 22, 6, 0, 0);

describe('time flags', () => {
  it('turns --since/--until into a window, relative values counted from now', () => {
    const window = resolveWindow({ since: '24h', until: '2026-11-22' }, NOW, UTC);
    expect([window.since, window.until]).toEqual([Date.UTC(2026, 10, 21, 6), Date.UTC(2026, 10, 22)]);
    expect(resolveWindow({}, NOW, UTC).bounded).toBe(false);
  });

  it('refuses a window that ends before it starts, naming both ends', () => {
    expect(() => resolveWindow({ since: '2026-11-22', until: '2026-11-21' }, NOW, UTC)).toThrow(
      new ExitError('--since (2026-11-22T00:00:00.000Z) must be before --until (2026-11-21T00:00:00.000Z)'),
    );
    expect(() => resolveWindow({ until: 'soon' }, NOW, UTC)).toThrow(/--until expects a time .* got 'soon'/);
  });

  it('keeps the --bucket series for the summary, an adaptive one only when something displays it', () => {
    expect(resolveSeries({ bucket: '5m', spikeFactor: 4 }, false)).toEqual({ bucketMs: 300_000, label: '5m', maxBuckets: null, spikeFactor: 4, minBaseline: 3 });
    expect(resolveSeries({}, true)).toMatchObject({ bucketMs: 1000, label: null, maxBuckets: 240, spikeFactor: 3 });
    expect(resolveSeries({}, false)).toBeNull();
  });

  it('refuses a spike factor that would flag ordinary buckets', () => {
    for (const factor of [1, 0.5, Number.NaN]) expect(() => resolveSeries({ bucket: '1h', spikeFactor: factor }, false)).toThrow(/--spike-factor expects a number greater than 1/);
  });

  it('resolves --tz, defaulting to UTC', () => {
    expect(resolveTimeZone({}).name).toBe('UTC');
    expect(resolveTimeZone({ tz: 'Europe/Berlin' }).name).toBe('Europe/Berlin');
    expect(() => resolveTimeZone({ tz: 'CEST+2' })).toThrow(ExitError);
  });
});
