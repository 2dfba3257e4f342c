import type { RawCatalog, RawEntry } from './raw-catalog.js';

/** Fields a draft leaves null for the user to fill in from the vendor's documentation. */
const TEXT_FIELDS = ['message', 'description', 'remedy', 'source'] as const;

/** A draft entry of a catalog file, where it is and what it still lacks. */
export interface DraftEntry {
  /** Index in the file's catalogs (0 for a file of one vendor). */
  catalog: number;
  /** Index in that catalog's entries. */
  entry: number;
  vendor: string;
  code: string;
  /** Fields still empty: a null or blank message, description, remedy or source, and a missing category. */
  unfilled: string[];
}

/**
 * Whether an entry is a draft: marked `draft: true`, as `catalog --suggest`
 * writes every entry. A draft is checked but never applied, so its code stays
 * uncatalogued until the marker is removed (or set to false), whatever else
 * was filled in: the marker alone decides, so an entry is never half applied.
 * @example isDraft({ code: 'ResourceNotFound.Cluster', draft: true }) // true
 */
export function isDraft(entry: RawEntry): boolean {
  return entry.draft === true;
}

/**
 * The draft entries of a file's catalogs, in file order.
 * @example findDrafts([{ vendor: 'tencent', entries: [{ code: 'X.Y', draft: true, message: null }] }])
 * // [{ catalog: 0, entry: 0, vendor: 'tencent', code: 'X.Y', unfilled: ['message', 'category'] }]
 */
export function findDrafts(catalogs: readonly RawCatalog[]): DraftEntry[] {
  const drafts: DraftEntry[] = [];
  catalogs.forEach((catalog, c) =>
    catalog.entries.forEach((entry, e) => {
      if (isDraft(entry)) drafts.push({ catalog: c, entry: e, vendor: catalog.vendor, code: entry.code, unfilled: unfilledFields(entry) });
    }),
  );
  return drafts;
}

/**
 * What `catalog --check` says of a draft, after `catalog FILE:LINE: `.
 * @example describeDraft({ catalog: 0, entry: 0, vendor: 'tencent', code: 'X.Y', unfilled: ['message'] })
 * // "vendor tencent, code X.Y: draft, not applied (the code stays uncatalogued); still empty: message; fill in and remove 'draft: true'"
 */
export function describeDraft(draft: DraftEntry): string {
  const head = `vendor ${draft.vendor}, code ${draft.code}: draft, not applied (the code stays uncatalogued)`;
  return draft.unfilled.length > 0
    ? `${head}; still empty: ${draft.unfilled.join(', ')}; fill in and remove 'draft: true'`
    : `${head}; remove 'draft: true' to apply it`;
}

function unfilledFields(entry: RawEntry): string[] {
  const empty: string[] = TEXT_FIELDS.filter((field) => {
    const value = entry[field];
    return value === undefined || value === null || value.trim() === '';
  });
  if (entry.category === undefined) empty.push('category');
  return empty;
}
