/** Buckets a spike is compared with: the trailing baseline's length. */
export const BASELINE_BUCKETS = 12;

/** The factor `--spike-factor` defaults to. */
export const DEFAULT_SPIKE_FACTOR = 3;

/** The complete buckets `--spike-baseline` defaults to: fewer make no baseline. */
export const DEFAULT_MIN_BASELINE = 3;

export interface SpikeInput {
  /** Bucket start, epoch milliseconds. */
  start: number;
  categories: ReadonlyMap<string, number>;
}

export interface SpikeOptions {
  /** The start of the series' first bucket; buckets before it do not exist. */
  rangeStart: number;
  bucketMs: number;
  factor: number;
  baselineBuckets: number;
  /** Complete buckets a category needs before a bucket for a baseline (`--spike-baseline`). */
  minBaseline: number;
  /** Whether the first bucket is complete: the records start at its start. A partial one is never a baseline. */
  firstComplete: boolean;
}

export interface DetectedSpike {
  category: string;
  start: number;
  count: number;
  baseline: number;
}

/**
 * Finds the buckets where a category's errors reach `factor` times its
 * trailing baseline: the mean per bucket over the up to `baselineBuckets`
 * complete buckets before it (empty buckets count as 0). The first bucket
 * is partial unless the records start exactly at its start, and a partial
 * bucket is never part of a baseline; a bucket with fewer than
 * `minBaseline` complete buckets before it has no baseline and is never a
 * spike (so the first full hour of a day that starts mid-hour is not one).
 * The baseline is floored at one error per bucket, so a few scattered
 * errors after a quiet hour are not a spike.
 * Works on the sparse list (only non-empty buckets), so a long quiet range
 * costs nothing. Pure: the same series always gives the same spikes, which
 * keeps merged summaries exact.
 * @example detectSpikes([{ start: 0, categories: new Map([['auth', 1]]) }, { start: 60000, categories: new Map([['auth', 9]]) }], { rangeStart: 0, bucketMs: 60000, factor: 3, baselineBuckets: 12, minBaseline: 1, firstComplete: true })
 * // [{ category: 'auth', start: 60000, count: 9, baseline: 1 }]
 */
export function detectSpikes(buckets: readonly SpikeInput[], options: SpikeOptions): DetectedSpike[] {
  const perCategory = new Map<string, { index: number; start: number; count: number }[]>();
  for (const bucket of buckets) {
    const index = Math.round((bucket.start - options.rangeStart) / options.bucketMs);
    for (const [category, count] of bucket.categories) {
      let list = perCategory.get(category);
      if (!list) perCategory.set(category, (list = []));
      list.push({ index, start: bucket.start, count });
    }
  }
  const spikes: DetectedSpike[] = [];
  const firstComplete = options.firstComplete ? 0 : 1;
  const minBaseline = Math.max(1, options.minBaseline);
  for (const [category, all] of perCategory) {
    // A partial first bucket is neither a baseline nor measured against one.
    const list = all.filter((b) => b.index >= firstComplete).sort((a, b) => a.index - b.index);
    let windowSum = 0;
    let tail = 0;
    for (let i = 0; i < list.length; i++) {
      const { index, start, count } = list[i]!;
      while (tail < i && list[tail]!.index < index - options.baselineBuckets) windowSum -= list[tail++]!.count;
      const preceding = Math.min(options.baselineBuckets, index - firstComplete);
      if (preceding >= minBaseline) {
        const baseline = windowSum / preceding;
        if (count >= options.factor * Math.max(baseline, 1)) {
          spikes.push({ category, start, count, baseline: Math.round(baseline * 1000) / 1000 });
        }
      }
      windowSum += count;
    }
  }
  return spikes.sort((a, b) => a.start - b.start || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
}
