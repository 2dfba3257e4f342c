import type { Category, Vendor } from '../types.js';
import type { CountedProducts } from './product-selection.js';
import type { UncataloguedCode } from './uncatalogued.js';
import type { CrossTab } from './cross-tabs.js';

/** The names of the overflow rows (`--max-keys`): each row also has `"overflow": true`. */
export const OVERFLOW_CODE = '(other codes)';
export const OVERFLOW_KEY = '(other)';
export const OVERFLOW_SOURCE = '(other sources)';

/** The JSON summary's schema name; scripts check it. */
export const SUMMARY_SCHEMA = 'mqerr.summary/2';
/** The schema before products and other clouds were told apart; `mqerr merge` still reads it. */
export const SUMMARY_SCHEMA_V1 = 'mqerr.summary/1';

/** Line and record accounting; every physical line read is counted. */
export interface Totals {
  lines: number;
  records: number;
  errors: number;
  successes: number;
  /** Lines longer than --max-line-bytes, cut to that length. */
  truncated: number;
  /** Lines holding bytes that are not valid UTF-8. */
  undecodable: number;
  /** Errors of products the main counts leave out (`--product`), counted in `byProduct` only. */
  otherProducts: number;
  /** Records set aside as another cloud's API errors (AWS, Azure, Google), counted in `otherClouds` only. */
  otherCloud: number;
  /**
   * Errors not counted because an earlier input of the run had counted their
   * RequestId: one API error logged by two inputs is one error. Absent in
   * summaries written before it existed.
   */
  repeatsAcrossInputs: number;
}

/** The errors and successes of one product of one vendor, and its codes. */
export interface ProductCount {
  vendor: Vendor | null;
  /** Lower-case (`onsmqtt`, `mqtt`, `cvm`); null when the records do not show it. */
  product: string | null;
  /** Whether the main counts hold this product's errors (see `countedProducts`). */
  counted: boolean;
  count: number;
  successes: number;
  codes: { code: string | null; count: number }[];
}

/** Records set aside as one other cloud's errors. */
export interface OtherCloudCount {
  cloud: string;
  count: number;
}

export interface CodeCount {
  vendor: Vendor | null;
  code: string | null;
  catalogued: boolean;
  category: Category;
  section: string | null;
  httpStatus: number | null;
  retryable: boolean | null;
  clientSide: boolean;
  count: number;
  requestIds: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  /**
   * Alibaba's `Recommend` troubleshooting link (https, on aliyun.com) that a
   * record of this code carried, when one did: of several, the least in
   * string order, so that merged shards give the whole run's.
   */
  recommend?: string;
  /** The row of the codes past `--max-keys` (code `(other codes)`). */
  overflow?: true;
}

export interface KeyCount {
  key: string | null;
  count: number;
  /** The row of the keys past `--max-keys` (key `(other)`). */
  overflow?: true;
}

export interface SourceStats {
  name: string;
  lines: number;
  bytes: number;
  records: number;
  errors: number;
  successes: number;
  firstSeen: string | null;
  lastSeen: string | null;
  error: string | null;
  /**
   * An id of what was read: a hash of a file's size and first and last
   * 64 KiB; null for standard input. `merge` refuses two summaries that read
   * the same. Absent in summaries written before it existed.
   */
  id?: string | null;
  /** Other names the same file was given under on the command line; it was read once. */
  alsoGivenAs?: string[];
  /** The row of the sources past `--max-keys` (name `(other sources)`). */
  overflow?: true;
}

/** Present when a grouping had more distinct keys than `--max-keys`: what its overflow row counts. */
export interface OverflowStats {
  maxKeys: number;
  /** Summary field → the count in its overflow row (errors; successes; for `sources`, lines; for `uncatalogued`, errors of codes not listed). */
  folded: Record<string, number>;
}

/** How one `--fail-on` threshold stands: its value, in the expression's unit, and whether it fired. */
export interface ThresholdResult {
  expr: string;
  value: number | null;
  limit: number;
  fired: boolean;
}

/** The summary of a run, as `--format json` prints it. */
export interface Summary {
  schema: typeof SUMMARY_SCHEMA;
  catalog: { version: string; entries: number };
  samples: number;
  totals: Totals;
  byCategory: Record<string, number>;
  byCode: CodeCount[];
  /** Codes the catalog does not list, with one redacted sample record each. */
  uncatalogued: UncataloguedCode[];
  byVendor: KeyCount[];
  byHttpStatus: KeyCount[];
  byAction: KeyCount[];
  byPod: KeyCount[];
  byContainer: KeyCount[];
  successesByVendor: KeyCount[];
  successesByAction: KeyCount[];
  /** Every vendor product's errors and successes, counted in the main counts or not: nothing is hidden. */
  byProduct: ProductCount[];
  /** The products the main counts hold (`--product`); null stands for errors whose product the records do not show. */
  countedProducts: CountedProducts;
  otherClouds: OtherCloudCount[];
  errorRate: number | null;
  sources: SourceStats[];
  /** Present only when `--since` or `--until` was given. */
  window?: WindowStats;
  /** Present only when `--bucket` was given. */
  timeSeries?: TimeSeries;
  /** Present only when `--fail-on` is given. */
  thresholds?: ThresholdResult[];
  /** Present only when `--by` crosses dimensions (`--by pod,code`): one cross-tab each. */
  groups?: CrossTab[];
  /** Present only when some grouping had more distinct keys than `--max-keys`. */
  overflow?: OverflowStats;
}

/** What `--since` / `--until` kept out: records before, after, or without a time. */
export interface WindowStats {
  /** Inclusive. */
  since: string | null;
  /** Exclusive. */
  until: string | null;
  before: number;
  after: number;
  untimed: number;
}

export interface BucketCodeCount {
  vendor: Vendor | null;
  code: string | null;
  count: number;
}

/** One bucket of the time series; only buckets with an error or a success are listed. */
export interface SeriesBucket {
  /** The bucket's start; it ends where the next bucket of `bucketMs` starts. */
  start: string;
  errors: number;
  successes: number;
  byCategory: Record<string, number>;
  byCode: BucketCodeCount[];
}

/** A bucket whose count for a category reached `spikeFactor` × its trailing baseline. */
export interface Spike {
  category: string;
  start: string;
  count: number;
  /** Mean errors of this category per bucket over up to `baselineBuckets` buckets before. */
  baseline: number;
}

/** Errors over time: counts per bucket, per category and per code, and the spikes among them. */
export interface TimeSeries {
  bucket: string;
  bucketMs: number;
  /** First and last time of the records counted (not only errors): the series' range. */
  from: string | null;
  to: string | null;
  /** Errors whose record carried no time and inherited none. */
  untimed: number;
  spikeFactor: number;
  baselineBuckets: number;
  /**
   * Complete buckets a category needs before a bucket for a baseline
   * (`--spike-baseline`); the first bucket is complete only when the records start at its start.
   * Absent in summaries written before it existed (read as the default, 3).
   */
  minBaselineBuckets?: number;
  buckets: SeriesBucket[];
  spikes: Spike[];
}
