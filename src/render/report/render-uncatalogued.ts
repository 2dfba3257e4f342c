import { escapeHtml as h } from './escape-html.js';
import { codeText, num, recommendLink, tableBox } from './html-cells.js';
import type { ReportData, ReportUncatalogued } from './report-data.js';

/** Characters of a sample shown before it is opened. */
const PREVIEW_CHARS = 90;

/**
 * The catalog's gaps: each code mqerr recognized but the catalog does not
 * list, with its nearest catalogued parent and its redacted sample record
 * (opened in place: a `<details>`, so it works without script), and the
 * command that drafts catalog entries for them.
 */
export function renderUncatalogued(data: ReportData): string {
  if (data.uncatalogued.length === 0) return '';
  const folded =
    data.uncataloguedFolded > 0 ? `<p class="muted">${num(data.uncataloguedFolded)} more errors had uncatalogued codes past --max-keys.</p>` : '';
  const head = '<tr><th>Code</th><th>Vendor</th><th class="num">Errors</th><th>Parent</th><th>Sample record (redacted)</th></tr>';
  return `<section id="uncatalogued">
<h2>Uncatalogued codes</h2>
<p class="muted">Codes the catalog does not list; each is counted under its nearest catalogued parent's category, or <code>unknown</code>. <code>mqerr catalog --suggest SUMMARY.json</code> drafts entries for them.</p>
${tableBox('uncatalogued', 'Uncatalogued codes', head, data.uncatalogued.map(renderRow).join('\n'))}
${folded}</section>`;
}

function renderRow(u: ReportUncatalogued): string {
  const flat = u.sample.replace(/\s+/g, ' ').trim();
  const preview = flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS - 1)}…` : flat;
  const link = u.recommend ? `<p class="recommend">${recommendLink(u.recommend)}</p>` : '';
  return `<tr><td class="mono code">${codeText(u.code)}</td><td>${h(u.vendor ?? 'unknown')}</td><td class="num">${num(u.count)}</td><td class="mono">${u.parent === null ? '–' : codeText(u.parent)}</td><td class="sample" data-sort="${h(u.at)}"><details><summary><span class="at mono">${h(u.at)}</span> <span class="preview">${h(preview)}</span></summary><pre>${h(u.sample)}</pre></details>${link}</td></tr>`;
}
