import { escapeHtml as h } from './escape-html.js';
import { codeText, num, pct, ratio, tableBox } from './html-cells.js';
import type { ReportData } from './report-data.js';

/**
 * Errors per vendor and per product: which cloud, and which of its API
 * services, the errors came from, with the successes logged beside them
 * and so an error rate. Products the main counts leave out (`--product`)
 * are listed too, marked as not counted.
 */
export function renderBreakdowns(data: ReportData): string {
  return [renderVendors(data), renderProducts(data)].filter((s) => s !== '').join('\n');
}

function renderVendors(data: ReportData): string {
  if (data.vendors.length === 0) return '';
  const head = '<tr><th>Vendor</th><th class="num">Errors</th><th class="num">Share</th><th class="num">Successes</th><th class="num">Error rate</th><th class="num">Codes</th></tr>';
  const rows = data.vendors.map(
    (v) =>
      `<tr><td>${h(v.vendor ?? 'vendor unknown')}</td><td class="num">${num(v.errors)}</td><td class="num">${pct(v.errors, data.totals.errors)}</td><td class="num">${num(v.successes)}</td><td class="num">${ratio(v.errorRate)}</td><td class="num">${num(v.codes)}</td></tr>`,
  );
  return `<section id="vendors">
<h2>Errors by vendor</h2>
${tableBox('vendors', 'Errors by vendor', head, rows.join('\n'))}
</section>`;
}

function renderProducts(data: ReportData): string {
  if (data.products.length === 0) return '';
  const head = '<tr><th>Product</th><th>Vendor</th><th>Counted?</th><th class="num">Errors</th><th class="num">Successes</th><th class="num">Error rate</th><th>Top codes</th></tr>';
  const rows = data.products.map((p) => {
    const codes = p.codes.map((c) => `<li><code>${c.code === null ? '(no code)' : codeText(c.code)}</code> ×${num(c.count)}</li>`).join('');
    const more = p.moreCodes > 0 ? `<li class="muted">and ${num(p.moreCodes)} more</li>` : '';
    return `<tr><td class="mono nowrap">${h(p.product ?? 'not shown')}</td><td class="nowrap">${h(p.vendor ?? 'vendor unknown')}</td><td class="nowrap">${p.counted ? 'yes' : 'no (--product)'}</td><td class="num">${num(p.errors)}</td><td class="num">${num(p.successes)}</td><td class="num">${ratio(p.errorRate)}</td><td><ul class="top-codes">${codes}${more}</ul></td></tr>`;
  });
  const uncounted = data.products.some((p) => !p.counted)
    ? '<p class="muted">Products marked “no” are outside <code>--product</code>: their errors are listed here only, not in the other counts.</p>'
    : '';
  return `<section id="products">
<h2>Errors by product</h2>
<p class="muted">A product is the vendor's API service the record names (by its host, SDK or Recommend link); “not shown” counts records that do not name one.</p>
${tableBox('products', 'Errors by product', head, rows.join('\n'))}
${uncounted}</section>`;
}
