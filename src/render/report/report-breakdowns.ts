import type { Summary } from '../../aggregation/summary.js';

/** One vendor's errors and successes, as the report's vendor table shows them. */
export interface ReportVendor {
  /** Null: errors whose record did not say whose they were. */
  vendor: string | null;
  errors: number;
  successes: number;
  /** Errors ÷ (errors + successes); null without either. */
  errorRate: number | null;
  /** Distinct codes of the vendor among the summary's code rows. */
  codes: number;
}

/** One product of one vendor, counted in the main counts or not (`--product`). */
export interface ReportProduct {
  vendor: string | null;
  product: string | null;
  counted: boolean;
  errors: number;
  successes: number;
  errorRate: number | null;
  /** Its most frequent codes, at most TOP_PRODUCT_CODES. */
  codes: { code: string | null; count: number }[];
  moreCodes: number;
}

const TOP_PRODUCT_CODES = 3;

/**
 * Errors and successes per vendor: the summary's `byVendor` and
 * `successesByVendor` side by side, most errors first; the distinct codes
 * are counted from the code rows' vendor.
 * @example vendorBreakdown(summary)[0] // { vendor: 'tencent', errors: 104, successes: 14, errorRate: 0.88, codes: 19 }
 */
export function vendorBreakdown(summary: Summary): ReportVendor[] {
  const rows = new Map<string | null, ReportVendor>();
  const row = (vendor: string | null): ReportVendor => {
    let r = rows.get(vendor);
    if (!r) rows.set(vendor, (r = { vendor, errors: 0, successes: 0, errorRate: null, codes: 0 }));
    return r;
  };
  for (const k of summary.byVendor) row(k.key).errors += k.count;
  for (const k of summary.successesByVendor) row(k.key).successes += k.count;
  for (const c of summary.byCode) if (!c.overflow) row(c.vendor).codes++;
  for (const r of rows.values()) r.errorRate = rateOf(r.errors, r.successes);
  // A vendor seen only in code rows folded away by --max-keys has no counts of its own to show.
  return [...rows.values()]
    .filter((r) => r.errors > 0 || r.successes > 0)
    .sort((a, b) => b.errors - a.errors || b.successes - a.successes || (a.vendor ?? '\uffff').localeCompare(b.vendor ?? '\uffff'));
}

/**
 * Every product of every vendor, counted or not, in the summary's order
 * (most errors first), with its top codes.
 * @example productBreakdown(summary)[0] // { vendor: 'tencent', product: null, counted: true, errors: 97, …, codes: [{ code: 'RequestLimitExceeded', count: 34 }, …] }
 */
export function productBreakdown(summary: Summary): ReportProduct[] {
  return summary.byProduct.map((p) => ({
    vendor: p.vendor,
    product: p.product,
    counted: p.counted,
    errors: p.count,
    successes: p.successes,
    errorRate: rateOf(p.count, p.successes),
    codes: p.codes.slice(0, TOP_PRODUCT_CODES),
    moreCodes: Math.max(0, p.codes.length - TOP_PRODUCT_CODES),
  }));
}

function rateOf(errors: number, successes: number): number | null {
  return errors + successes === 0 ? null : errors / (errors + successes);
}
