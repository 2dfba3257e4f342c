import type { Category, Vendor } from '../types.js';
import { bucketStart, coarserSize, sizeLabel } from './bucket-size.js';
import { compareKeys, sortCounts } from './compare-keys.js';
import { BASELINE_BUCKETS, detectSpikes } from './detect-spikes.js';
import { OVERFLOW_CODE, type SeriesBucket, type TimeSeries } from './summary.js';

export interface SeriesOptions {
  /** Bucket size in milliseconds. */
  bucketMs: number;
  /** The label `--bucket` was given as; null lets the series name its size (adaptive). */
  label: string | null;
  /**
   * Adaptive series only: when the range needs more buckets than this, the
   * series coarsens to the next size that divides evenly. Null: fixed size.
   */
  maxBuckets: number | null;
  spikeFactor: number;
  /** Complete buckets a category needs before a bucket for it to be a spike (`--spike-baseline`). */
  minBaseline: number;
}

interface CodeBucket {
  vendor: Vendor | null;
  code: string | null;
  count: number;
}

interface BucketState {
  errors: number;
  successes: number;
  categories: Map<string, number>;
  codes: Map<string, CodeBucket>;
}

/**
 * Counts errors per time bucket, per category and per code. Buckets live in
 * a Map keyed by start time and only exist once something falls in them, so
 * a quiet day costs nothing. Two series of the same size merge exactly.
 */
export class TimeSeriesCounter {
  private bucketMs: number;
  private buckets = new Map<number, BucketState>();
  private from: number | null = null;
  private to: number | null = null;
  private untimed = 0;

  constructor(
    private readonly options: SeriesOptions,
    /** `--since`: records before it were left out, so the logs are read from it on, and a bucket starting there is complete. */
    private readonly windowStart: number | null = null,
  ) {
    this.bucketMs = options.bucketMs;
  }

  /** Widens the series' range to a counted record's time (any record, not only errors). */
  noteTime(ms: number): void {
    const from = this.from === null || ms < this.from ? ms : this.from;
    const to = this.to === null || ms > this.to ? ms : this.to;
    if (from === this.from && to === this.to) return;
    this.from = from;
    this.to = to;
    const max = this.options.maxBuckets;
    if (max === null) return;
    while ((bucketStart(to, this.bucketMs) - bucketStart(from, this.bucketMs)) / this.bucketMs + 1 > max) this.coarsen();
  }

  addError(ms: number | null, category: Category, vendor: Vendor | null, code: string | null): void {
    if (ms === null) {
      this.untimed++;
      return;
    }
    const bucket = this.bucket(ms);
    bucket.errors++;
    bucket.categories.set(category, (bucket.categories.get(category) ?? 0) + 1);
    addCode(bucket.codes, vendor, code, 1);
  }

  /**
   * Folds a code's counts, in every bucket, into the overflow code: the
   * aggregator's budget (`--max-keys`) pushed it out of `byCode`. The key is
   * `vendor\u0000code`, as the aggregator writes it.
   */
  foldCode(key: string): void {
    for (const bucket of this.buckets.values()) foldInto(bucket.codes, key);
  }

  /** Folds every code that `kept` says the aggregator does not count on its own (after absorbing another series). */
  foldCodesNotKept(kept: (key: string) => boolean): void {
    for (const bucket of this.buckets.values()) {
      for (const key of [...bucket.codes.keys()]) if (key !== OVERFLOW_KEY && !kept(key)) foldInto(bucket.codes, key);
    }
  }

  addSuccess(ms: number | null): void {
    if (ms !== null) this.bucket(ms).successes++;
  }

  /**
   * Adds a summary's series, exactly: one of the same bucket size, or (for
   * an adaptive series) a finer one whose buckets fit whole into this one's.
   */
  absorb(series: TimeSeries): void {
    const adaptive = this.options.maxBuckets !== null;
    if (series.bucketMs !== this.bucketMs && !(adaptive && this.bucketMs % series.bucketMs === 0)) {
      throw new Error(`cannot absorb a ${series.bucket} series into a ${sizeLabel(this.bucketMs)} one`);
    }
    if (series.from !== null) this.noteTime(Date.parse(series.from));
    if (series.to !== null) this.noteTime(Date.parse(series.to));
    this.untimed += series.untimed;
    for (const b of series.buckets) {
      const bucket = this.bucket(Date.parse(b.start));
      bucket.errors += b.errors;
      bucket.successes += b.successes;
      for (const [category, count] of Object.entries(b.byCategory)) bucket.categories.set(category, (bucket.categories.get(category) ?? 0) + count);
      for (const c of b.byCode) addCode(bucket.codes, c.vendor, c.code, c.count);
    }
  }

  /** The series as the summary prints it: buckets by time, lists by count. */
  toJson(): TimeSeries {
    const starts = [...this.buckets.keys()].sort((a, b) => a - b);
    const buckets: SeriesBucket[] = starts.map((start) => {
      const state = this.buckets.get(start)!;
      const byCategory: Record<string, number> = {};
      for (const [category, count] of sortCounts([...state.categories])) byCategory[category] = count;
      const byCode = [...state.codes.values()]
        .sort((a, b) => b.count - a.count || compareKeys(a.vendor, b.vendor) || compareKeys(a.code, b.code))
        .map((c) => ({ vendor: c.vendor, code: c.code, count: c.count }));
      return { start: new Date(start).toISOString(), errors: state.errors, successes: state.successes, byCategory, byCode };
    });
    const spikes =
      this.from === null
        ? []
        : detectSpikes(
            starts.map((start) => ({ start, categories: this.buckets.get(start)!.categories })),
            {
              rangeStart: bucketStart(this.from, this.bucketMs),
              bucketMs: this.bucketMs,
              factor: this.options.spikeFactor,
              baselineBuckets: BASELINE_BUCKETS,
              minBaseline: this.options.minBaseline,
              firstComplete: this.firstBucketComplete(this.from),
            },
          );
    return {
      bucket: this.options.label ?? sizeLabel(this.bucketMs),
      bucketMs: this.bucketMs,
      from: this.from === null ? null : new Date(this.from).toISOString(),
      to: this.to === null ? null : new Date(this.to).toISOString(),
      untimed: this.untimed,
      spikeFactor: this.options.spikeFactor,
      baselineBuckets: BASELINE_BUCKETS,
      minBaselineBuckets: this.options.minBaseline,
      buckets,
      spikes: spikes.map((s) => ({ category: s.category, start: new Date(s.start).toISOString(), count: s.count, baseline: s.baseline })),
    };
  }

  /** Whether the first bucket covers all its time: the records start at its start, or `--since` is at or before it. */
  private firstBucketComplete(from: number): boolean {
    const start = bucketStart(from, this.bucketMs);
    return start === from || (this.windowStart !== null && this.windowStart <= start);
  }

  private bucket(ms: number): BucketState {
    const start = bucketStart(ms, this.bucketMs);
    let state = this.buckets.get(start);
    if (!state) {
      state = { errors: 0, successes: 0, categories: new Map(), codes: new Map() };
      this.buckets.set(start, state);
    }
    return state;
  }

  /** Doubles (or more) the bucket size, adding whole buckets together. */
  private coarsen(): void {
    const old = this.buckets;
    this.bucketMs = coarserSize(this.bucketMs);
    this.buckets = new Map();
    for (const [start, state] of old) {
      const into = this.bucket(start);
      into.errors += state.errors;
      into.successes += state.successes;
      for (const [category, count] of state.categories) into.categories.set(category, (into.categories.get(category) ?? 0) + count);
      for (const c of state.codes.values()) addCode(into.codes, c.vendor, c.code, c.count);
    }
  }
}

/** Where a bucket counts the codes past the budget. */
const OVERFLOW_KEY = `\u0000${OVERFLOW_CODE}`;

function foldInto(codes: Map<string, CodeBucket>, key: string): void {
  const entry = codes.get(key);
  if (!entry) return;
  codes.delete(key);
  addCode(codes, null, OVERFLOW_CODE, entry.count);
}

function addCode(codes: Map<string, CodeBucket>, vendor: Vendor | null, code: string | null, count: number): void {
  const key = `${vendor ?? ''}\u0000${code ?? ''}`;
  const entry = codes.get(key);
  if (entry) entry.count += count;
  else codes.set(key, { vendor, code, count });
}
