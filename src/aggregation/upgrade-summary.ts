import { SUMMARY_SCHEMA, SUMMARY_SCHEMA_V1, type ProductCount, type Summary } from './summary.js';

/** A summary as a file holds it: this version's, or one written before products were told apart. */
export type StoredSummary = Summary | (Omit<Summary, 'schema' | 'byProduct' | 'countedProducts' | 'otherClouds'> & { schema: typeof SUMMARY_SCHEMA_V1 });

/**
 * A `mqerr.summary/1` summary in this version's shape, counts unchanged: it
 * told no products apart and counted every error, so its errors are those of
 * product null, all counted (`countedProducts: "all"`), and it set no record
 * aside as another cloud's. A current summary is returned as it is.
 * @example upgradeSummary(v1).byProduct // [{ vendor: 'tencent', product: null, counted: true, count: 4, successes: 1, codes: […] }]
 */
export function upgradeSummary(stored: StoredSummary): Summary {
  if (stored.schema === SUMMARY_SCHEMA) return stored as Summary;
  const v1 = stored;
  const products = new Map<string, ProductCount>();
  const productOf = (vendor: string | null): ProductCount => {
    const key = vendor ?? '';
    let p = products.get(key);
    if (!p) products.set(key, (p = { vendor, product: null, counted: true, count: 0, successes: 0, codes: [] }));
    return p;
  };
  for (const c of v1.byCode) {
    const p = productOf(c.vendor);
    p.count += c.count;
    const known = p.codes.find((x) => x.code === c.code);
    if (known) known.count += c.count;
    else p.codes.push({ code: c.code, count: c.count });
  }
  for (const { key, count } of v1.successesByVendor) productOf(key).successes += count;
  return {
    ...v1,
    schema: SUMMARY_SCHEMA,
    totals: { ...v1.totals, otherProducts: v1.totals.otherProducts ?? 0, otherCloud: v1.totals.otherCloud ?? 0 },
    byProduct: [...products.values()],
    countedProducts: 'all',
    otherClouds: [],
  };
}
