import { describe, expect, it } from 'vitest';
import { Aggregator, type AggregatorTimeOptions } from '../../src/aggregation/aggregator.js';
import { bucketStart } from '../../src/aggregation/bucket-size.js';
import { TimeWindow } from '../../src/aggregation/time-window.js';
import type { Category, TaggedEvent } from '../../src/types.js';
import { taggedEvent } from '../helpers/tagged-event.js';

const T0 = Date.UTC(2026, 10, 21, 0, 0, 0);
const MIN = 60_000;
const HOUR = 3_600_000;

function event(time: number | null, category: Category | null = 'throttling', code = 'RequestLimitExceeded', source = 'a.log'): TaggedEvent {
  return taggedEvent({
    source,
    event: category ? 'error' : null,
    vendor: category ? 'tencent' : null,
    code: category ? code : null,
    category,
    catalogued: true,
    time,
  });
}

function aggregator(time: Partial<AggregatorTimeOptions> & { bucketMs?: number } = {}): Aggregator {
  return new Aggregator({ version: 'test', entries: 0 }, 5, {
    window: time.window ?? new TimeWindow(null, null),
    series: { bucketMs: time.bucketMs ?? HOUR, label: '1h', maxBuckets: null, spikeFactor: 3, minBaseline: 3 },
  });
}

describe('--since / --until window', () => {
  it('counts from since (inclusive) up to until (exclusive), and accounts for what it leaves out', () => {
    const agg = aggregator({ window: new TimeWindow(T0 + HOUR, T0 + 2 * HOUR) });
    const kept = [T0 + HOUR, T0 + 2 * HOUR - 1].map((t) => agg.add(event(t)));
    const left = [T0 + HOUR - 1, T0 + 2 * HOUR, null].map((t) => agg.add(event(t)));
    expect(kept).toEqual([true, true]);
    expect(left).toEqual([false, false, false]);
    const summary = agg.toSummary();
    expect(summary.totals.errors).toBe(2);
    expect(summary.totals.records).toBe(2);
    expect(summary.window).toEqual({
      since: '2026-11-21T01:00:00.000Z',
      until: '2026-11-21T02:00:00.000Z',
      before: 1,
      after: 1,
      untimed: 1,
    });
    // The source's time range is what the file holds, window or not.
    expect(summary.sources[0]).toMatchObject({ records: 2, firstSeen: '2026-11-21T00:59:59.999Z', lastSeen: '2026-11-21T02:00:00.000Z' });
  });

  it('leaves the summary without a window object when none was given', () => {
    const agg = aggregator();
    agg.add(event(null));
    expect(agg.toSummary().window).toBeUndefined();
    expect(agg.toSummary().totals.errors).toBe(1);
  });
});

describe('time buckets', () => {
  it('puts the last millisecond of a bucket in it and the next millisecond in the next one', () => {
    expect(bucketStart(T0 + HOUR - 1, HOUR)).toBe(T0);
    expect(bucketStart(T0 + HOUR, HOUR)).toBe(T0 + HOUR);
    const agg = aggregator({ bucketMs: 5 * MIN });
    agg.add(event(T0 + 5 * MIN - 1));
    agg.add(event(T0 + 5 * MIN));
    agg.add(event(T0 + 5 * MIN + 1, 'auth', 'AuthFailure.SignatureExpire'));
    const series = agg.toSummary().timeSeries!;
    expect(series.buckets.map((b) => [b.start, b.errors])).toEqual([
      ['2026-11-21T00:00:00.000Z', 1],
      ['2026-11-21T00:05:00.000Z', 2],
    ]);
    expect(series.buckets[1]!.byCategory).toEqual({ auth: 1, throttling: 1 });
    expect(series.buckets[1]!.byCode).toEqual([
      { vendor: 'tencent', code: 'AuthFailure.SignatureExpire', count: 1 },
      { vendor: 'tencent', code: 'RequestLimitExceeded', count: 1 },
    ]);
  });

  it('counts errors without a time as untimed, so buckets plus untimed give the total', () => {
    const agg = aggregator();
    agg.add(event(null));
    agg.add(event(T0));
    agg.add(event(T0 + 10, null));
    const summary = agg.toSummary();
    const s = summary.timeSeries!;
    expect(s.untimed).toBe(1);
    expect(s.buckets.reduce((n, b) => n + b.errors, 0) + s.untimed).toBe(summary.totals.errors);
    expect([s.from, s.to]).toEqual(['2026-11-21T00:00:00.000Z', '2026-11-21T00:00:00.010Z']);
  });

  it('absorbs two halves into exactly the series of the whole', () => {
    const times = Array.from({ length: 200 }, (_, i) => T0 + ((i * 7919) % 360) * MIN);
    const whole = aggregator({ bucketMs: 5 * MIN });
    const a = aggregator({ bucketMs: 5 * MIN });
    const b = aggregator({ bucketMs: 5 * MIN });
    times.forEach((t, i) => {
      const e = event(t, i % 3 === 0 ? 'auth' : 'throttling', i % 3 === 0 ? 'AuthFailure.SignatureExpire' : 'RequestLimitExceeded', i % 2 ? 'a.log' : 'b.log');
      whole.add(e);
      (i % 2 ? a : b).add(e);
    });
    const merged = aggregator({ bucketMs: 5 * MIN });
    merged.absorb(b.toSummary());
    merged.absorb(a.toSummary());
    expect(JSON.stringify(merged.toSummary())).toBe(JSON.stringify(whole.toSummary()));
  });

  it('coarsens an adaptive series exactly when its range outgrows the bucket limit', () => {
    const adaptive = new Aggregator({ version: 'test', entries: 0 }, 5, {
      window: new TimeWindow(null, null),
      series: { bucketMs: 1000, label: null, maxBuckets: 240, spikeFactor: 3, minBaseline: 3 },
    });
    // One error every 5 minutes for a day: 288 five-minute buckets are too many, 96 of 15 minutes are not.
    for (let i = 0; i < 288; i++) adaptive.add(event(T0 + i * 5 * MIN));
    const series = adaptive.timeSeries()!;
    expect(series.bucketMs).toBe(15 * MIN);
    expect(series.bucket).toBe('15m');
    expect(series.buckets).toHaveLength(96);
    expect(series.buckets.every((b) => b.errors === 3)).toBe(true);
    // An adaptive series feeds displays only; the JSON summary stays as it was.
    expect(adaptive.toSummary().timeSeries).toBeUndefined();
  });
});
