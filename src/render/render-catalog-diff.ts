import type { CatalogDiff } from '../catalog/diff-catalog.js';
import type { CatalogEntry } from '../types.js';
import { sanitizeForTerminal } from './sanitize-terminal.js';

/**
 * What user catalogs change, for people: per file a headline, then `+` for
 * an added code, `~` for an overridden one with each field `old → new`, `=`
 * for a code listed without effect. Text from the files is made terminal-safe.
 * @example renderCatalogDiff([diff]) // 'my.yaml: vendor alibaba: 1 added, 1 overridden\n  + Acme.QuotaFrozen (quota, HTTP 403, not retryable)\n…'
 */
export function renderCatalogDiff(diffs: readonly CatalogDiff[]): string {
  const out: string[] = [];
  for (const d of diffs) {
    const counts = [`${d.added.length} added`, `${d.overridden.length} overridden`];
    if (d.unchanged.length > 0) counts.push(`${d.unchanged.length} unchanged`);
    if (d.drafts.length > 0) counts.push(`${d.drafts.length} draft${d.drafts.length === 1 ? '' : 's'} not applied`);
    out.push(`${d.file}: ${d.vendorAdded ? 'new vendor' : 'vendor'} ${d.vendor}: ${counts.join(', ')}`);
    for (const change of d.hints) out.push(`  ~ ${change.field}: ${show(change.old)} → ${show(change.new)}`);
    for (const e of d.added) out.push(`  + ${e.code} (${summarize(e)})`);
    for (const o of d.overridden) {
      out.push(`  ~ ${o.code}`);
      for (const c of o.changes) out.push(`      ${c.field}: ${show(c.old)} → ${show(c.new)}`);
    }
    for (const code of d.unchanged) out.push(`  = ${code} (listed, but every field it sets already has that value)`);
    for (const code of d.drafts) out.push(`  ? ${code} (draft: true, not applied until the marker is removed)`);
    if (d.ignored.length > 0) out.push(`  ! ${d.ignored.join(', ')}: ignored, the catalog already has vendor ${d.vendor}`);
  }
  return sanitizeForTerminal(out.join('\n'), { multiline: true }) + '\n';
}

function summarize(e: CatalogEntry): string {
  const retry = e.retryable === null ? 'retry advice unknown' : e.retryable ? 'retryable' : 'not retryable';
  const status = e.httpStatus === null ? 'no HTTP status' : `HTTP ${e.httpStatus}`;
  return [e.category, status, retry, ...(e.sections.length > 0 ? [`sections ${e.sections.join(',')}`] : [])].join(', ');
}

function show(value: unknown): string {
  return value === undefined ? 'unset' : JSON.stringify(value);
}
