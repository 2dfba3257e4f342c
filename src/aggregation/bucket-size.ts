/** The bucket sizes `--bucket` takes, in milliseconds. */
export const BUCKET_SIZES = { '1m': 60_000, '5m': 300_000, '1h': 3_600_000, '1d': 86_400_000 } as const;
export type BucketLabel = keyof typeof BUCKET_SIZES;

/**
 * Sizes a series may coarsen through when no `--bucket` is given (for
 * sparklines and the report's chart). Each divides the next, so coarsening
 * adds whole buckets together and stays exact.
 */
const LADDER_MS = [1000, 5000, 15_000, 60_000, 300_000, 900_000, 3_600_000, 21_600_000, 86_400_000, 604_800_000];

/**
 * The start of the bucket holding `ms`. Buckets are aligned on the UTC epoch
 * (a 1d bucket is a UTC day), so shards and machines in any zone agree.
 * @example bucketStart(Date.UTC(2026, 10, 22, 9, 44, 34), 3_600_000) // Date.UTC(2026, 10, 22, 9)
 */
export function bucketStart(ms: number, size: number): number {
  return Math.floor(ms / size) * size;
}

/** The next coarser size after `size` (doubling past a week). */
export function coarserSize(size: number): number {
  return LADDER_MS.find((s) => s > size && s % size === 0) ?? size * 2;
}

/** The finest size of the ladder, where an adaptive series starts. */
export const FINEST_SIZE = LADDER_MS[0]!;

/**
 * A label for a size: `1m`, `15s`, `6h`, `1d`, `14d`.
 * @example sizeLabel(900_000) // '15m'
 */
export function sizeLabel(size: number): string {
  const units: [string, number][] = [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]];
  for (const [unit, ms] of units) if (size % ms === 0) return `${size / ms}${unit}`;
  return `${size}ms`;
}
