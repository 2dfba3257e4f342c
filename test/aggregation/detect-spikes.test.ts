import { describe, expect, it } from 'vitest';
import { detectSpikes, type SpikeInput } from '../../src/aggregation/detect-spikes.js';

const MIN = 60_000;
/** The rules before complete buckets were asked for: one bucket of baseline, and the first one complete. */
const options = { rangeStart: 0, bucketMs: MIN, factor: 3, baselineBuckets: 12, minBaseline: 1, firstComplete: true };

/** Buckets from counts per minute; zeros are left out as the series leaves them out. */
function series(counts: number[], category = 'throttling'): SpikeInput[] {
  return counts.flatMap((n, i) => (n === 0 ? [] : [{ start: i * MIN, categories: new Map([[category, n]]) }]));
}

describe('spikes: a bucket at factor × its trailing baseline', () => {
  it('flags a burst against a steady baseline, with the baseline it was measured against', () => {
    expect(detectSpikes(series([2, 2, 2, 2, 6]), options)).toEqual([{ category: 'throttling', start: 4 * MIN, count: 6, baseline: 2 }]);
    expect(detectSpikes(series([2, 2, 2, 2, 5]), options)).toEqual([]);
  });

  it('never flags the first bucket of the range: it has no baseline', () => {
    expect(detectSpikes(series([50, 1]), options)).toEqual([]);
    expect(detectSpikes(series([0, 50]), options)).toHaveLength(1);
  });

  it('floors the baseline at one error per bucket, so a few errors after a quiet spell need the factor too', () => {
    expect(detectSpikes(series([0, 0, 0, 2]), options)).toEqual([]);
    expect(detectSpikes(series([0, 0, 0, 3]), options)).toEqual([{ category: 'throttling', start: 3 * MIN, count: 3, baseline: 0 }]);
  });

  it('looks back only baselineBuckets buckets, empty ones counting as zero', () => {
    // Ten a minute for 12 minutes, then `quiet` empty minutes, then 20.
    const after = (quiet: number) => detectSpikes(series([...Array(12).fill(10), ...Array(quiet).fill(0), 20]), options);
    expect(after(12)).toEqual([{ category: 'throttling', start: 24 * MIN, count: 20, baseline: 0 }]);
    expect(after(6)).toEqual([{ category: 'throttling', start: 18 * MIN, count: 20, baseline: 5 }]);
    expect(after(2)).toEqual([]);
  });

  it('keeps categories apart and orders spikes by time, then category', () => {
    const buckets: SpikeInput[] = [
      { start: 0, categories: new Map([['auth', 1], ['server', 1]]) },
      { start: MIN, categories: new Map([['server', 9], ['auth', 9]]) },
    ];
    expect(detectSpikes(buckets, options).map((s) => s.category)).toEqual(['auth', 'server']);
  });

  it('honours the factor', () => {
    expect(detectSpikes(series([2, 2, 5]), { ...options, factor: 2.5 })).toHaveLength(1);
    expect(detectSpikes(series([2, 2, 5]), { ...options, factor: 3 })).toHaveLength(0);
  });
});

describe('spikes need a baseline of complete buckets', () => {
  const strict = { ...options, minBaseline: 3 };

  it('flag nothing until a category has minBaseline complete buckets before the bucket', () => {
    expect(detectSpikes(series([1, 1, 9]), strict)).toEqual([]);
    expect(detectSpikes(series([1, 1, 1, 9]), strict)).toEqual([{ category: 'throttling', start: 3 * MIN, count: 9, baseline: 1 }]);
  });

  it('never take a partial first bucket for a baseline: a day that starts mid-hour does not flag its first full hour', () => {
    // Records from 00:40: the 00:00 bucket holds 20 minutes of errors, the full hours 25 each, then a real spike of 90.
    const hour = 60 * MIN;
    const day = [8, 25, 25, 25, 90].map((n, i) => ({ start: i * hour, categories: new Map([['throttling', n]]) }));
    const partial = { ...strict, bucketMs: hour, firstComplete: false };
    expect(detectSpikes(day, partial)).toEqual([{ category: 'throttling', start: 4 * hour, count: 90, baseline: 25 }]);
    // Were the partial bucket a baseline, the first full hour would be a spike against it.
    expect(detectSpikes(day, { ...partial, minBaseline: 1, firstComplete: true })).toContainEqual({ category: 'throttling', start: hour, count: 25, baseline: 8 });
  });
});
