import type { CatalogEntry, Vendor, VendorHints } from '../types.js';
import type { RawShape } from './raw-catalog.js';

/** A vendor's catalog file after validation and defaulting. */
export interface VendorCatalog {
  vendor: Vendor;
  vendorName: string | null;
  product: string;
  productName: string | null;
  apiVersion: string | null;
  version: string | null;
  hints: VendorHints;
  entries: CatalogEntry[];
}

/** The result of looking a code up for one vendor. */
export interface CodeMatch {
  entry: CatalogEntry;
  /** true for an exact or documented-pattern match, false for a parent fallback. */
  catalogued: boolean;
  /** true when the match is the exact code (not a pattern or parent). */
  exact: boolean;
}

/** Marks a code pattern's variable part, as the vendors' tables write it. */
const PATTERN_MARK = '%s';

const NO_VENDORS: readonly Vendor[] = [];
const MAX_REMEMBERED_CODES = 4096;

/**
 * The error-code catalog, indexed once for O(1) lookups per record.
 */
export class Catalog {
  readonly vendors: ReadonlyMap<Vendor, VendorCatalog>;
  readonly version: string;
  readonly size: number;
  /** The shapes user catalogs add to recognition's table (validated; plain data, so worker threads receive them as they are). */
  readonly shapes: readonly RawShape[];
  private readonly exact = new Map<string, Map<Vendor, CatalogEntry>>();
  /** Pattern prefix ("InvalidParameter.") → vendor → entry. */
  private readonly prefixes = new Map<string, Map<Vendor, CatalogEntry>>();
  /** Normalized message text → entries whose message it is. */
  private readonly byMessage = new Map<string, CatalogEntry[]>();
  /** Code → the vendors listing it exactly, as vendorsWithExact made the list. */
  private readonly exactVendors = new Map<string, readonly Vendor[]>();
  /** Code → lookupAnyVendor's answer. */
  private readonly anyVendor = new Map<string, readonly CodeMatch[]>();

  constructor(vendorCatalogs: VendorCatalog[], version: string, shapes: readonly RawShape[] = []) {
    const vendors = new Map<Vendor, VendorCatalog>();
    let size = 0;
    for (const vc of vendorCatalogs) {
      vendors.set(vc.vendor, vc);
      for (const entry of vc.entries) {
        size++;
        this.index(entry);
      }
    }
    this.vendors = vendors;
    this.version = version;
    this.size = size;
    this.shapes = shapes;
  }

  private index(entry: CatalogEntry): void {
    const markAt = entry.code.indexOf(PATTERN_MARK);
    const table = markAt >= 0 ? this.prefixes : this.exact;
    const key = markAt >= 0 ? entry.code.slice(0, markAt) : entry.code;
    let perVendor = table.get(key);
    if (!perVendor) table.set(key, (perVendor = new Map()));
    perVendor.set(entry.vendor, entry);
    for (const text of [entry.message, ...entry.messages]) {
      if (!text) continue;
      const norm = normalizeMessage(text);
      const list = this.byMessage.get(norm) ?? [];
      if (!list.includes(entry)) list.push(entry);
      this.byMessage.set(norm, list);
    }
  }

  /** Vendors that list this exact code. */
  vendorsWithExact(code: string): readonly Vendor[] {
    const perVendor = this.exact.get(code);
    if (!perVendor) return NO_VENDORS;
    // Asked for every code recognition weighs: the list is made once per catalogued code.
    let vendors = this.exactVendors.get(code);
    if (!vendors) this.exactVendors.set(code, (vendors = [...perVendor.keys()]));
    return vendors;
  }

  /**
   * Looks a code up for one vendor: exact code first, then a documented
   * pattern (`InvalidParameter.%s`), then the nearest catalogued dotted parent
   * (`ResourceNotFound.Xyz` → `ResourceNotFound`), reported as not catalogued.
   * @example catalog.lookupCode('ResourceNotFound.Xyz', 'tencent')
   */
  lookupCode(code: string, vendor: Vendor): CodeMatch | null {
    const exact = this.exact.get(code)?.get(vendor);
    if (exact) return { entry: exact, catalogued: true, exact: true };
    for (let dot = code.lastIndexOf('.'); dot > 0; dot = code.lastIndexOf('.', dot - 1)) {
      const pattern = this.prefixes.get(code.slice(0, dot + 1))?.get(vendor);
      if (pattern) return { entry: pattern, catalogued: true, exact: false };
    }
    for (let dot = code.lastIndexOf('.'); dot > 0; dot = code.lastIndexOf('.', dot - 1)) {
      const parent = this.exact.get(code.slice(0, dot))?.get(vendor);
      if (parent) return { entry: parent, catalogued: false, exact: false };
    }
    return null;
  }

  /**
   * Looks a code up for another product of the vendor than the catalog's own:
   * only among the codes every product shares (the vendor's `sharedSections`:
   * Tencent Cloud API 3.0 common codes, gateway and SDK codes), so an
   * API-specific code of the catalog's product never describes another's.
   */
  lookupShared(code: string, vendor: Vendor): CodeMatch | null {
    const exact = this.exact.get(code)?.get(vendor);
    if (exact && this.isShared(exact)) return { entry: exact, catalogued: true, exact: true };
    for (let dot = code.lastIndexOf('.'); dot > 0; dot = code.lastIndexOf('.', dot - 1)) {
      const pattern = this.prefixes.get(code.slice(0, dot + 1))?.get(vendor);
      if (pattern && this.isShared(pattern)) return { entry: pattern, catalogued: true, exact: false };
    }
    for (let dot = code.lastIndexOf('.'); dot > 0; dot = code.lastIndexOf('.', dot - 1)) {
      const parent = this.exact.get(code.slice(0, dot))?.get(vendor);
      if (parent && this.isShared(parent)) return { entry: parent, catalogued: false, exact: false };
    }
    return null;
  }

  /** Whether every product of the entry's vendor can return its code (see lookupShared). */
  isShared(entry: CatalogEntry): boolean {
    const shared = this.vendors.get(entry.vendor)?.hints.products.sharedSections ?? [];
    return entry.sections.some((s) => shared.includes(s));
  }

  /**
   * Whether a product is the one the catalog describes (its file's `product`,
   * any case): for a vendor, that vendor's; without one, any vendor's.
   * @example catalog.isCatalogProduct('tencent', 'mqtt') // true
   */
  isCatalogProduct(vendor: Vendor | null, product: string): boolean {
    if (vendor !== null) return this.vendors.get(vendor)?.product.toLowerCase() === product;
    for (const vc of this.vendors.values()) if (vc.product.toLowerCase() === product) return true;
    return false;
  }

  /**
   * Looks a code up in every vendor; one match per vendor that knows it.
   * Asked several times for each error recognition weighs, so the answers
   * are remembered (for a bounded number of codes: codes come from logs).
   */
  lookupAnyVendor(code: string): readonly CodeMatch[] {
    let matches = this.anyVendor.get(code);
    if (matches === undefined) {
      const found: CodeMatch[] = [];
      for (const vendor of this.vendors.keys()) {
        const match = this.lookupCode(code, vendor);
        if (match) found.push(match);
      }
      if (this.anyVendor.size >= MAX_REMEMBERED_CODES) this.anyVendor.clear();
      this.anyVendor.set(code, (matches = found));
    }
    return matches;
  }

  /** Entries whose verbatim message equals this text (after normalizing). */
  entriesWithMessage(text: string): CatalogEntry[] {
    return this.byMessage.get(normalizeMessage(text)) ?? [];
  }

  /** Every entry, in catalog order (vendor, then file order). */
  *entries(): IterableIterator<CatalogEntry> {
    for (const vc of this.vendors.values()) yield* vc.entries;
  }
}

/** Case, spacing and a final full stop do not distinguish two messages. */
export function normalizeMessage(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/[.。]$/, '').toLowerCase();
}
