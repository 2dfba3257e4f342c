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
  /** Shapes of text the file adds to recognition's table (see RawShape). */
  shapes?: RawShape[];
}

/**
 * A shape of text a user catalog adds to recognition's table of shapes, as
 * written (data/catalog.schema.json, definition `shape`): an in-house
 * logger's error line, found by its anchors and read by its pattern's named groups.
 * @example { name: 'mqapi-fail', vendor: 'alibaba', anchors: ['MQAPI-FAIL '], pattern: 'MQAPI-FAIL op=(?<action>\\w+) err=(?<code>[\\w.]+)', samples: ['MQAPI-FAIL op=CreateTopic err=Throttling.User'] }
 */
export interface RawShape {
  name: string;
  description?: string;
  vendor: 'alibaba' | 'tencent';
  product?: string;
  anchors: string[];
  anyCase?: boolean;
  pattern: string;
  samples: RawSample[];
}

/** A line a shape must match: the text alone, or with the code and RequestId its groups must capture. */
export type RawSample = string | { text: string; code?: string; requestId?: string };

/** `hints.products` as written: every list optional. */
export type RawProductHints = Partial<Omit<ProductHints, 'known'>> & {
  known?: (Pick<KnownProduct, 'product'> & Partial<Omit<KnownProduct, 'product'>>)[];
};

/** Several vendors' catalogs in one file, applied in order (data/catalog.schema.json, `catalogs`). */
export interface RawCatalogBundle {
  $schema?: string;
  catalogs: RawCatalog[];
}
