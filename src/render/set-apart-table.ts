import type { Summary } from '../aggregation/summary.js';
import type { GroupTable } from './groupings.js';

/** Codes shown per product; the JSON summary has them all. */
const SHOWN_CODES = 5;

/**
 * What the main counts leave out, so nothing is hidden: the errors of
 * products `--product` does not select, and the records set aside as another
 * cloud's errors. No rows when nothing was left out.
 * @example setApartTable(summary).rows[0] // ['product', 'tencent', 'cvm', 3, 'InvalidInstanceId.NotFound×2 AuthFailure.SignatureExpire×1']
 */
export function setApartTable(summary: Summary): GroupTable {
  const rows: GroupTable['rows'] = [];
  for (const p of summary.byProduct) {
    if (p.counted || p.count === 0) continue;
    const shown = p.codes.slice(0, SHOWN_CODES).map((c) => `${c.code ?? '-'}×${c.count}`);
    if (p.codes.length > SHOWN_CODES) shown.push(`+${p.codes.length - SHOWN_CODES} more`);
    rows.push(['product', p.vendor, p.product, p.count, shown.join(' ')]);
  }
  for (const c of summary.otherClouds) rows.push(['other cloud', c.cloud, null, c.count, null]);
  return {
    title: 'Set apart, not in the counts above (other products: --product all counts them)',
    columns: ['kind', 'vendor/cloud', 'product', 'count', 'codes'],
    rows,
  };
}
