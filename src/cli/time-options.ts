import type { Argv } from 'yargs';
import { BUCKET_SIZES, FINEST_SIZE, type BucketLabel } from '../aggregation/bucket-size.js';
import { DEFAULT_SPIKE_FACTOR } from '../aggregation/detect-spikes.js';
import type { SeriesOptions } from '../aggregation/time-series.js';
import { TimeWindow } from '../aggregation/time-window.js';
import { ExitError } from '../errors.js';
import { parseTimeOption } from '../time/parse-time-option.js';
import { parseTimeZone, type TimeZone } from '../time/time-zone.js';

/** Time flags as yargs hands them over. */
export interface TimeArgs {
  since?: string;
  until?: string;
  tz?: string;
  bucket?: BucketLabel;
  spikeFactor?: number;
}

/** Buckets an adaptive series (no `--bucket`) may span: enough for a chart, few enough to stay small. */
const DISPLAY_MAX_BUCKETS = 240;

/** `--tz`: the zone people see times in. */
export function tzOption<T>(y: Argv<T>) {
  return y.option('tz', {
    type: 'string',
    describe: 'time zone times are shown in: UTC (default), Asia/Shanghai, +08:00 (JSON output stays UTC)',
  });
}

/** `--since`, `--until` and `--tz`: which records a run counts. */
export function windowOptions<T>(y: Argv<T>) {
  return tzOption(y)
    .option('since', {
      type: 'string',
      describe: 'count records from this time on: 24h, 90m, 7d (ago), 2026-11-21, 2026-11-21T08:00:00+08:00 (no zone: in --tz)',
    })
    .option('until', { type: 'string', describe: 'count records before this time (same forms as --since)' });
}

/** `--bucket` and `--spike-factor`: the time series in the summary. */
export function seriesOptions<T>(y: Argv<T>) {
  return y
    .option('bucket', {
      choices: Object.keys(BUCKET_SIZES) as BucketLabel[],
      describe: 'add a time series with buckets of this size to the summary (UTC-aligned)',
    })
    .option('spike-factor', {
      type: 'number',
      default: DEFAULT_SPIKE_FACTOR,
      describe: 'flag a category in a bucket with this many times its trailing baseline of errors',
    });
}

/** The display zone; a bad `--tz` is a usage error. */
export function resolveTimeZone(args: Pick<TimeArgs, 'tz'>): TimeZone {
  if (args.tz === undefined) return parseTimeZone('UTC')!;
  const zone = parseTimeZone(args.tz);
  if (!zone) throw new ExitError(`--tz expects UTC, an IANA zone such as Asia/Shanghai, or an offset such as +08:00, got '${args.tz}'`);
  return zone;
}

/**
 * The `--since` / `--until` window, relative values counted back from `now`.
 * @example resolveWindow({ since: '24h' }, Date.now(), UTC)
 */
export function resolveWindow(args: Pick<TimeArgs, 'since' | 'until'>, now: number, zone: TimeZone): TimeWindow {
  const read = (flag: '--since' | '--until', value: string | undefined): number | null => {
    if (value === undefined) return null;
    const ms = parseTimeOption(value, now, zone);
    if (ms === null) {
      throw new ExitError(`${flag} expects a time such as 24h, 90m, 2026-11-21 or 2026-11-21T08:00:00Z, got '${value}'`);
    }
    return ms;
  };
  const since = read('--since', args.since);
  const until = read('--until', args.until);
  if (since !== null && until !== null && since >= until) {
    throw new ExitError(
      `--since (${new Date(since).toISOString()}) must be before --until (${new Date(until).toISOString()})`,
    );
  }
  return new TimeWindow(since, until);
}

/**
 * The series to keep: the `--bucket` one (printed in the summary), or an
 * adaptive one for sparklines and the report's chart when `display` asks.
 */
export function resolveSeries(args: Pick<TimeArgs, 'bucket' | 'spikeFactor'>, display: boolean): SeriesOptions | null {
  const spikeFactor = args.spikeFactor ?? DEFAULT_SPIKE_FACTOR;
  if (!Number.isFinite(spikeFactor) || spikeFactor <= 1) {
    throw new ExitError(`--spike-factor expects a number greater than 1, got ${String(args.spikeFactor)}`);
  }
  if (args.bucket !== undefined) {
    return { bucketMs: BUCKET_SIZES[args.bucket], label: args.bucket, maxBuckets: null, spikeFactor };
  }
  return display ? { bucketMs: FINEST_SIZE, label: null, maxBuckets: DISPLAY_MAX_BUCKETS, spikeFactor } : null;
}
