import type { CatalogEntry, Vendor } from '../types.js';
import type { VendorCatalog } from './catalog.js';
import { isDraft } from './draft-entries.js';
import type { RawCatalog } from './raw-catalog.js';

/** One field a user catalog changes: its value before and after. */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** What one user catalog file changes in the catalog it is applied to. */
export interface CatalogDiff {
  file: string;
  vendor: Vendor;
  /** True when the file brings a vendor the catalog did not have. */
  vendorAdded: boolean;
  /** Changes to the vendor's hints (hosts and markers are added, the RequestId case replaced). */
  hints: FieldChange[];
  /** Top-level fields that only a new vendor uses, set in a file for a known vendor. */
  ignored: string[];
  /** New codes, as they will be catalogued. */
  added: CatalogEntry[];
  /** Known codes and the fields the file changes in them. */
  overridden: { code: string; changes: FieldChange[] }[];
  /** Known codes the file lists without changing any field. */
  unchanged: string[];
  /** Codes of draft entries (`draft: true`), listed but not applied. */
  drafts: string[];
}

/** Top-level fields a user catalog may set that do not change a vendor the catalog already has. */
const NEW_VENDOR_ONLY = ['vendorName', 'productName', 'apiVersion', 'version'] as const;
/** Entry fields compared, in the order a reader expects them. */
const ENTRY_FIELDS = [
  'product', 'httpStatus', 'previousHttpStatus', 'sections', 'category', 'retryable', 'clientSide',
  'message', 'messages', 'description', 'remedy', 'source',
] as const satisfies readonly (keyof CatalogEntry)[];

/**
 * Compares a vendor's catalog before and after a user catalog file was
 * applied (see withUserCatalog) and lists what changed: codes added, fields
 * overridden (old → new), entries listed without effect. Pure.
 * @example diffCatalog('my.yaml', raw, base.vendors.get('alibaba'), withUserCatalog(base.vendors, raw).get('alibaba')!)
 */
export function diffCatalog(file: string, raw: RawCatalog, before: VendorCatalog | undefined, after: VendorCatalog): CatalogDiff {
  const diff: CatalogDiff = {
    file,
    vendor: raw.vendor,
    vendorAdded: before === undefined,
    hints: [],
    ignored: [],
    added: [],
    overridden: [],
    unchanged: [],
    drafts: raw.entries.filter(isDraft).map((e) => e.code),
  };
  if (!before) {
    diff.added = [...after.entries];
    return diff;
  }
  diff.ignored = NEW_VENDOR_ONLY.filter((key) => raw[key] !== undefined);
  diff.hints = hintChanges(before, after);
  const old = new Map(before.entries.map((e) => [e.code, e]));
  const now = new Map(after.entries.map((e) => [e.code, e]));
  for (const { code } of raw.entries.filter((e) => !isDraft(e))) {
    const previous = old.get(code);
    const current = now.get(code)!;
    if (!previous) {
      diff.added.push(current);
      continue;
    }
    const changes = ENTRY_FIELDS.filter((f) => !same(previous[f], current[f])).map((f) => ({ field: f, old: previous[f], new: current[f] }));
    if (changes.length > 0) diff.overridden.push({ code, changes });
    else diff.unchanged.push(code);
  }
  return diff;
}

function hintChanges(before: VendorCatalog, after: VendorCatalog): FieldChange[] {
  const changes: FieldChange[] = [];
  if (before.hints.requestIdCase !== after.hints.requestIdCase) {
    changes.push({ field: 'hints.requestIdCase', old: before.hints.requestIdCase, new: after.hints.requestIdCase });
  }
  for (const key of ['hosts', 'markers'] as const) {
    const added = after.hints[key].filter((v) => !before.hints[key].includes(v));
    if (added.length > 0) changes.push({ field: `hints.${key}`, old: before.hints[key], new: after.hints[key] });
  }
  if (!same(before.hints.products, after.hints.products)) changes.push({ field: 'hints.products', old: before.hints.products, new: after.hints.products });
  return changes;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
