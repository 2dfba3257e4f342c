import type { Summary } from '../aggregation/summary.js';
import type { UncataloguedCode } from '../aggregation/uncatalogued.js';
import { CODE_SHAPE } from '../recognition/patterns.js';
import type { Vendor } from '../types.js';
import type { RawCatalog, RawEntry } from './raw-catalog.js';

/** A draft entry and what the reader should know about it. */
export interface SuggestedEntry {
  entry: RawEntry;
  seen: UncataloguedCode;
  /** True when category, httpStatus and retryable were copied from the nearest parent. */
  fromParent: boolean;
}

/** Draft user-catalog entries for one vendor's uncatalogued codes. */
export interface Suggestion {
  /** The vendor drafted for; null when no uncatalogued code shows its vendor. */
  vendor: Vendor | null;
  entries: SuggestedEntry[];
  /** Uncatalogued codes of other vendors, left for `--vendor`. */
  otherVendors: Map<Vendor, UncataloguedCode[]>;
  /** Codes whose records do not show the vendor: they belong in a file the user picks. */
  noVendor: UncataloguedCode[];
}

/**
 * Drafts a user catalog for the uncatalogued codes of a summary. Only what
 * is known is filled in: the code, and for a code with a catalogued parent
 * the category, HTTP status and retryability mqerr already applied from it.
 * message, description, remedy and source are null, to be filled from the
 * vendor's documentation. Without `vendor`, the vendor with the most
 * uncatalogued records is chosen. Returns null when the summary has no
 * uncatalogued codes.
 * @example suggestEntries(summary)?.entries[0]?.entry // { code: 'ResourceNotFound.Cluster', category: 'not-found', … }
 */
export function suggestEntries(summary: Summary, vendor?: Vendor): Suggestion | null {
  const gaps = summary.uncatalogued.filter((u) => CODE_SHAPE.test(u.code));
  const byVendor = new Map<Vendor, UncataloguedCode[]>();
  for (const u of gaps) if (u.vendor !== null) byVendor.set(u.vendor, [...(byVendor.get(u.vendor) ?? []), u]);
  const chosen = vendor ?? busiest(byVendor);
  if (gaps.length === 0) return null;
  const otherVendors = new Map([...byVendor].filter(([v]) => v !== chosen));
  return {
    vendor: chosen,
    entries: chosen === null ? [] : (byVendor.get(chosen) ?? []).map((seen) => draft(seen, summary)),
    otherVendors,
    noVendor: gaps.filter((u) => u.vendor === null),
  };
}

/** The suggestion as a user catalog object (what `--check` validates); null without a vendor. */
export function suggestionCatalog(suggestion: Suggestion): RawCatalog | null {
  return suggestion.vendor === null ? null : { vendor: suggestion.vendor, entries: suggestion.entries.map((s) => s.entry) };
}

function draft(seen: UncataloguedCode, summary: Summary): SuggestedEntry {
  // The summary's byCode row holds the metadata mqerr used for the code: the parent's.
  const used = summary.byCode.find((c) => c.vendor === seen.vendor && c.code === seen.code);
  const fromParent = seen.parent !== null && used !== undefined;
  const entry: RawEntry = { code: seen.code };
  if (fromParent) {
    entry.category = used.category;
    entry.httpStatus = used.httpStatus;
    entry.retryable = used.retryable;
  }
  Object.assign(entry, { message: null, description: null, remedy: null, source: null });
  return { entry, seen, fromParent };
}

function busiest(byVendor: Map<Vendor, UncataloguedCode[]>): Vendor | null {
  let best: Vendor | null = null;
  let bestCount = -1;
  for (const [vendor, list] of [...byVendor].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const count = list.reduce((n, u) => n + u.count, 0);
    if (count > bestCount) [best, bestCount] = [vendor, count];
  }
  return best;
}
