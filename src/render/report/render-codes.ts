import { renderCodeSparkline } from './code-sparkline.js';
import { escapeHtml as h } from './escape-html.js';
import { codeText, num, recommendLink, swatch, tableBox } from './html-cells.js';
import type { ReportCode, ReportData } from './report-data.js';

/**
 * The top codes: what each means and what to do, its HTTP status and
 * whether a retry helps, a sparkline of it over time, when it was first
 * and last seen, Alibaba's troubleshooting link where its sample had one,
 * and the sampled RequestIds with copy buttons.
 */
export function renderCodes(data: ReportData): string {
  if (data.codes.length === 0) return '';
  const more = data.moreCodes > 0 ? `<p class="muted">${num(data.moreCodes)} more codes are in the JSON summary.</p>` : '';
  const trendHead = data.trendBucket === null ? '' : `<th data-sort-type="none">Over time<br><span class="unit">(per ${h(data.trendBucket)})</span></th>`;
  const head = `<tr><th>Code · vendor · category</th><th class="num">Errors</th>${trendHead}<th class="num">HTTP</th><th>Retry?</th><th>What it means · what to do</th><th>First / last seen</th><th>Sample RequestIds</th></tr>`;
  return `<section id="codes">
<h2>Top error codes</h2>
${tableBox('codes', 'Top error codes', head, data.codes.map((c) => renderCodeRow(c, data.trendBucket)).join('\n'))}
${more}</section>`;
}

function renderCodeRow(c: ReportCode, trendBucket: string | null): string {
  const name =
    `<div class="mono code">${codeText(c.code ?? '(no code)')}</div>` +
    `<div class="muted">${h(c.vendor ?? 'vendor unknown')}${c.catalogued ? '' : ' · not catalogued'}</div>` +
    `<div class="category">${swatch(c.color)}${h(c.category)}</div>`;
  const retry = c.retryable === null ? 'unknown' : c.retryable ? 'yes' : 'no';
  const trend = c.trend === null || trendBucket === null ? '' : `<td class="trend">${renderCodeSparkline(c.trend, c.color, trendBucket)}</td>`;
  const meaning =
    `<p class="meaning">${h(c.description ?? 'Not in the catalog.')}</p>` +
    (c.remedy ? `<p class="remedy"><strong>Do:</strong> ${h(c.remedy)}</p>` : '') +
    (c.recommend ? `<p class="recommend">${recommendLink(c.recommend)}</p>` : '');
  return `<tr><td data-sort="${h(c.code ?? '')}">${name}</td><td class="num">${num(c.count)}</td>${trend}<td class="num">${h(c.httpStatus ?? '–')}</td><td>${retry}</td><td class="text">${meaning}</td><td class="mono seen" data-sort="${h(c.firstSeen ?? '')}">${h(c.firstSeen ?? '–')}<br>${h(c.lastSeen ?? '–')}</td><td>${requestIds(c.requestIds)}</td></tr>`;
}

function requestIds(ids: readonly string[]): string {
  if (ids.length === 0) return '<span class="muted">none</span>';
  const each = ids.map((id) => `<li><code>${h(id)}</code><button type="button" class="copy" data-copy="${h(id)}">Copy</button></li>`).join('');
  const all = ids.length > 1 ? `<li><button type="button" class="copy" data-copy="${h(ids.join('\n'))}">Copy all</button></li>` : '';
  return `<ul class="ids">${each}${all}</ul>`;
}
