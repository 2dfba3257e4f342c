import type { Argv } from 'yargs';
import { BUCKET_SIZES, FINEST_SIZE, type BucketLabel } from '../aggregation/bucket-size.js';
import { BASELINE_BUCKETS, DEFAULT_MIN_BASELINE, DEFAULT_SPIKE_FACTOR } from '../aggregation/detect-spikes.js';
import type { SeriesOptions } from '../aggregation/time-series.js';
import { TimeWindow } from '../aggregation/time-window.js';
import { ExitError } from '../errors.js';
import { parseTimeOption } from '../time/parse-time-option.js';
import { parseTimeZone, UTC, type TimeZone } from '../time/time-zone.js';
import { setLogTimeZone } from '../time/parse-time.js';
import { setTimeReference } from '../time/time-reference.js';

/** Time flags as yargs hands them over. */
export interface TimeArgs {
  since?: string;
  until?: string;
  tz?: string;
  bucket?: BucketLabel;
  spikeFactor?: number;
  spikeBaseline?: number;
  logTz?: string;
  logYear?: string;
  logDate?: string;
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

/** `--since`, `--until`, `--tz`, `--log-tz`, `--log-year` and `--log-date`: which records a run counts, and how times are read. */
export function windowOptions<T>(y: Argv<T>) {
  return tzOption(y)
    .option('log-tz', {
      type: 'string',
      requiresArg: true,
      describe: 'time zone of log timestamps written without one (default UTC, or the zone a container runtime\'s or shipper\'s time beside the line shows): Asia/Shanghai, +08:00; --tz stays the zone times are shown in',
    })
    .option('log-year', {
      type: 'string',
      requiresArg: true,
      describe: "year of log timestamps written without one (syslog's Nov 22 09:44:34, klog's E1122 09:44:34.123456); default: the latest year that puts them before the run's start",
    })
    .option('log-date', {
      type: 'string',
      requiresArg: true,
      describe: "date of log timestamps written without one (log4j's 09:44:34.123, Serilog's [09:44:34 ERR], 9:44AM), as 2026-11-22; default: the latest day that puts them before the run's start",
    })
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
    })
    .option('spike-baseline', {
      type: 'number',
      default: DEFAULT_MIN_BASELINE,
      describe: 'complete buckets a category needs before a bucket for a baseline (a partial first bucket is never one)',
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
 * Resolves `--log-tz` and makes it the zone of log timestamps written
 * without one (default UTC); returns its name, for worker threads.
 */
export function applyLogTimeZone(args: Pick<TimeArgs, 'logTz'>): string {
  const zone = args.logTz === undefined ? UTC : parseTimeZone(args.logTz);
  if (!zone) throw new ExitError(`--log-tz expects UTC, an IANA zone such as Asia/Shanghai, or an offset such as +08:00, got '${args.logTz}'`);
  setLogTimeZone(zone);
  return zone.name;
}

/**
 * Resolves `--log-year` and `--log-date` and makes log timestamps written
 * without a year read in the year named, and those written without a date
 * on the date named; without them, as the latest such instant before `now`
 * (see yearLessTime, dateLessTime).
 */
export function applyLogDates(args: Pick<TimeArgs, 'logYear' | 'logDate'>, now: number): void {
  const { logYear: year, logDate: date } = args;
  if (year !== undefined && !/^(?:19[7-9]\d|[2-9]\d{3})$/.test(year)) {
    throw new ExitError(`--log-year expects a year such as 2026, got '${year}'`);
  }
  if (date !== undefined && !isCalendarDate(date)) {
    throw new ExitError(`--log-date expects a date such as 2026-11-22, got '${date}'`);
  }
  setTimeReference({ at: now, year: year === undefined ? null : Number(year), date: date ?? null });
}

/** `YYYY-MM-DD`, a day the calendar has, from 1970 on. */
function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text);
  if (!m || Number(m[1]) < 1970) return false;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return day.getUTCMonth() === Number(m[2]) - 1 && day.getUTCDate() === Number(m[3]);
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
export function resolveSeries(args: Pick<TimeArgs, 'bucket' | 'spikeFactor' | 'spikeBaseline'>, display: boolean): SeriesOptions | null {
  const spikeFactor = args.spikeFactor ?? DEFAULT_SPIKE_FACTOR;
  if (!Number.isFinite(spikeFactor) || spikeFactor <= 1) {
    throw new ExitError(`--spike-factor expects a number greater than 1, got ${String(args.spikeFactor)}`);
  }
  const minBaseline = args.spikeBaseline ?? DEFAULT_MIN_BASELINE;
  if (!Number.isInteger(minBaseline) || minBaseline < 1 || minBaseline > BASELINE_BUCKETS) {
    throw new ExitError(`--spike-baseline expects a whole number from 1 to ${BASELINE_BUCKETS}, got ${String(args.spikeBaseline)}`);
  }
  if (args.bucket !== undefined) {
    return { bucketMs: BUCKET_SIZES[args.bucket], label: args.bucket, maxBuckets: null, spikeFactor, minBaseline };
  }
  return display ? { bucketMs: FINEST_SIZE, label: null, maxBuckets: DISPLAY_MAX_BUCKETS, spikeFactor, minBaseline } : null;
}
