import type { Summary } from '../aggregation/summary.js';
import { cellWord, groupTable, type Grouping } from './groupings.js';
import { plural } from './plural.js';
import { uncataloguedTable } from './uncatalogued-table.js';
import { sanitizeForTerminal } from './sanitize-terminal.js';
import { setApartTable } from './set-apart-table.js';

/** GitHub-flavoured Markdown: totals, one table per `--by` grouping, then the uncatalogued codes if any. */
export function renderMarkdown(summary: Summary, by: readonly Grouping[]): string {
  const t = summary.totals;
  const out = [
    `**${t.errors}** ${plural(t.errors, 'error')}, **${t.successes}** ${plural(t.successes, 'success')} in ${plural(t.records, 'record', true)} (${plural(t.lines, 'line', true)}); catalog ${summary.catalog.version}`,
    '',
  ];
  if (t.repeatsAcrossInputs > 0) out.push(`${plural(t.repeatsAcrossInputs, 'error', true)} already counted from another input (the same RequestId), not counted again.`, '');
  if (t.otherProducts > 0 || t.otherCloud > 0) out.push(`Set apart: ${plural(t.otherProducts, 'error', true)} of other products, ${plural(t.otherCloud, 'record', true)} of other clouds' errors (below).`, '');
  const gaps = uncataloguedTable(summary);
  const setApart = setApartTable(summary);
  for (const table of [...by.map((g) => groupTable(summary, g)), ...[gaps, setApart].filter((table) => table.rows.length > 0)]) {
    out.push(`### ${table.title}`, '', `| ${table.columns.join(' | ')} |`, `|${table.columns.map(() => ' --- ').join('|')}|`);
    for (const row of table.rows) out.push(`| ${row.map(mdCell).join(' | ')} |`);
    out.push('');
  }
  if (summary.thresholds) {
    out.push('### Thresholds (--fail-on)', '', '| threshold | value | fired |', '| --- | --- | --- |');
    for (const t of summary.thresholds) out.push(`| ${mdCell(t.expr)} | ${t.value ?? '-'} | ${t.fired ? '**yes**' : 'no'} |`);
    out.push('');
  }
  return out.join('\n');
}

function mdCell(value: string | number | boolean | null): string {
  return sanitizeForTerminal(cellWord(value)).replace(/[\\|`*_<>[\]]/g, (c) => `\\${c}`);
}
