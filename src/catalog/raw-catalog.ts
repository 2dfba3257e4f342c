import type { Category, KnownProduct, ProductHints, VendorHints } from '../types.js';

/** A catalog entry as it is written in a file, before defaults are applied. */
export interface RawEntry {
  code: string;
  product?: string;
  httpStatus?: number | null;
  previousHttpStatus?: number[];
  sections?: string[];
  category?: Category;
  retryable?: boolean | null;
  clientSide?: boolean;
  message?: string | null;
  messages?: string[];
  description?: string | null;
  remedy?: string | null;
  source?: string | null;
  /** Drafted by `catalog --suggest` and not yet edited: checked, never applied (see isDraft). */
  draft?: boolean;
}

/** A catalog file as it is written (data/catalog.schema.json), after validation. */
export interface RawCatalog {
  $schema?: string;
  vendor: string;
  vendorName?: string;
  product?: string;
  productName?: string;
  apiVersion?: string;
  version?: string;
  hints?: Partial<Omit<VendorHints, 'products'>> & { products?: RawProductHints };
  entries: RawEntry[];
}

/** `hints.products` as written: every list optional. */
export type RawProductHints = Partial<Omit<ProductHints, 'known'>> & {
  known?: (Pick<KnownProduct, 'product'> & Partial<Omit<KnownProduct, 'product'>>)[];
};

/** Several vendors' catalogs in one file, applied in order (data/catalog.schema.json, `catalogs`). */
export interface RawCatalogBundle {
  $schema?: string;
  catalogs: RawCatalog[];
}
