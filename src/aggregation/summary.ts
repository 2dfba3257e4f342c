import type { Category, Vendor } from '../types.js';
import type { UncataloguedCode } from './uncatalogued.js';

/** The JSON summary's schema name; scripts check it. */
export const SUMMARY_SCHEMA = 'mqerr.summary/1';

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
}

export interface KeyCount {
  key: string | null;
  count: number;
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
  errorRate: number | null;
  sources: SourceStats[];
}
