import type { AggregatorTimeOptions } from './aggregator.js';
import type { Summary } from './summary.js';
import { TimeWindow } from './time-window.js';
import { DEFAULT_MIN_BASELINE } from './detect-spikes.js';

/**
 * The time settings a summary was made with, as the aggregator takes them,
 * so merging shards reproduces one run's window and series.
 */
export function timeSettingsOf(summary: Summary): AggregatorTimeOptions {
  const w = summary.window;
  const s = summary.timeSeries;
  return {
    window: new TimeWindow(w?.since ? Date.parse(w.since) : null, w?.until ? Date.parse(w.until) : null),
    series: s ? { bucketMs: s.bucketMs, label: s.bucket, maxBuckets: null, spikeFactor: s.spikeFactor, minBaseline: s.minBaselineBuckets ?? DEFAULT_MIN_BASELINE } : null,
  };
}

/**
 * Why two summaries cannot merge into one run's summary because of their
 * time settings, or null when they can. Each reason names the flag to fix.
 * @example timeSettingsConflict(a, b) // "made with --bucket 5m, but the first with --bucket 1h"
 */
export function timeSettingsConflict(first: Summary, other: Summary): string | null {
  const describe = (summary: Summary): [string, string][] => [
    ['--since', summary.window?.since ?? 'none'],
    ['--until', summary.window?.until ?? 'none'],
    ['--bucket', summary.timeSeries?.bucket ?? 'none'],
    ['--spike-factor', summary.timeSeries ? String(summary.timeSeries.spikeFactor) : 'none'],
    ['--spike-baseline', summary.timeSeries ? String(summary.timeSeries.minBaselineBuckets ?? DEFAULT_MIN_BASELINE) : 'none'],
  ];
  const mine = describe(other);
  const theirs = describe(first);
  for (let i = 0; i < mine.length; i++) {
    const [flag, value] = mine[i]!;
    const expected = theirs[i]![1];
    if (value !== expected) {
      const hint = flag === '--since' || flag === '--until' ? '; give every shard the same absolute --since/--until' : `; scan every shard with the same ${flag}`;
      return `made with ${flag} ${value}, but the first summary with ${flag} ${expected}${hint}`;
    }
  }
  const a = first.timeSeries;
  const b = other.timeSeries;
  if (a && b && a.baselineBuckets !== b.baselineBuckets) {
    return `its spikes use a baseline of ${b.baselineBuckets} buckets, the first summary's ${a.baselineBuckets}; rescan with one mqerr version`;
  }
  return null;
}
