import type { Summary } from './summary.js';
import type { UncataloguedCode } from './uncatalogued.js';
import { CODE_SHAPE } from '../recognition/patterns.js';
import type { Vendor } from '../types.js';
import type { RawCatalog, RawCatalogBundle, RawEntry } from '../catalog/raw-catalog.js';

/** A draft entry and what the reader should know about it. */
export interface SuggestedEntry {
  entry: RawEntry;
  seen: UncataloguedCode;
  /** True when category, httpStatus and retryable were copied from the nearest parent. */
  fromParent: boolean;
}

/** The draft entries of one vendor. */
export interface VendorSuggestion {
  vendor: Vendor;
  entries: SuggestedEntry[];
}

/** Draft user-catalog entries for a summary's uncatalogued codes, grouped per vendor. */
export interface Suggestion {
  /** One group per vendor drafted for, in vendor order; empty when no uncatalogued code shows its vendor. */
  vendors: VendorSuggestion[];
  /** Uncatalogued codes of vendors left out by `vendor`. */
  otherVendors: Map<Vendor, UncataloguedCode[]>;
  /** Codes whose records do not show the vendor: they belong in a file the user picks. */
  noVendor: UncataloguedCode[];
}

/**
 * Drafts a user catalog for the uncatalogued codes of a summary, for every
 * vendor they show (or only `vendor`). Only what is known is filled in: the
 * code, and for a code with a catalogued parent the category, HTTP status
 * and retryability mqerr already applied from it. message, description,
 * remedy and source are null, to be filled from the vendor's documentation,
 * and every entry is marked `draft: true`, so that it is not applied until
 * someone has edited it (see isDraft). Returns null when the summary has no
 * uncatalogued codes.
 * @example suggestEntries(summary)?.vendors[0]?.entries[0]?.entry // { code: 'ResourceNotFound.Cluster', draft: true, category: 'not-found', … }
 */
export function suggestEntries(summary: Summary, vendor?: Vendor): Suggestion | null {
  const gaps = summary.uncatalogued.filter((u) => CODE_SHAPE.test(u.code));
  if (gaps.length === 0) return null;
  const byVendor = new Map<Vendor, UncataloguedCode[]>();
  for (const u of gaps) if (u.vendor !== null) byVendor.set(u.vendor, [...(byVendor.get(u.vendor) ?? []), u]);
  const chosen = [...byVendor.keys()].filter((v) => vendor === undefined || v === vendor).sort();
  if (vendor !== undefined && !byVendor.has(vendor)) chosen.push(vendor);
  return {
    vendors: chosen.map((v) => ({ vendor: v, entries: (byVendor.get(v) ?? []).map((seen) => draft(seen, summary)) })),
    otherVendors: new Map([...byVendor].filter(([v]) => !chosen.includes(v))),
    noVendor: gaps.filter((u) => u.vendor === null),
  };
}

/**
 * The suggestion as a user catalog (what `--check` validates and `--catalog`
 * reads): one vendor's catalog, or `{ catalogs: […] }` with one per vendor;
 * null when no vendor has draft entries.
 */
export function suggestionCatalog(suggestion: Suggestion): RawCatalog | RawCatalogBundle | null {
  const catalogs = suggestion.vendors
    .filter((v) => v.entries.length > 0)
    .map((v): RawCatalog => ({ vendor: v.vendor, entries: v.entries.map((s) => s.entry) }));
  if (catalogs.length === 0) return null;
  return catalogs.length === 1 ? catalogs[0]! : { catalogs };
}

function draft(seen: UncataloguedCode, summary: Summary): SuggestedEntry {
  // The summary's byCode row holds the metadata mqerr used for the code: the parent's.
  const used = summary.byCode.find((c) => c.vendor === seen.vendor && c.code === seen.code);
  const fromParent = seen.parent !== null && used !== undefined;
  const entry: RawEntry = { code: seen.code, draft: true };
  if (fromParent) {
    entry.category = used.category;
    entry.httpStatus = used.httpStatus;
    entry.retryable = used.retryable;
  }
  Object.assign(entry, { message: null, description: null, remedy: null, source: null });
  return { entry, seen, fromParent };
}
