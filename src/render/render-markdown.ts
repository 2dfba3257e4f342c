import type { Summary } from '../aggregation/summary.js';
import { groupTable, type Grouping } from './groupings.js';
import { uncataloguedTable } from './uncatalogued-table.js';
import { sanitizeForTerminal } from './sanitize-terminal.js';

/** GitHub-flavoured Markdown: totals, one table per `--by` grouping, then the uncatalogued codes if any. */
export function renderMarkdown(summary: Summary, by: readonly Grouping[]): string {
  const t = summary.totals;
  const out = [
    `**${t.errors}** errors, **${t.successes}** successes in ${t.records} records (${t.lines} lines); catalog ${summary.catalog.version}`,
    '',
  ];
  const gaps = uncataloguedTable(summary);
  for (const table of [...by.map((g) => groupTable(summary, g)), ...(gaps.rows.length > 0 ? [gaps] : [])]) {
    out.push(`### ${table.title}`, '', `| ${table.columns.join(' | ')} |`, `|${table.columns.map(() => ' --- ').join('|')}|`);
    for (const row of table.rows) out.push(`| ${row.map(mdCell).join(' | ')} |`);
    out.push('');
  }
  if (summary.thresholds) {
    out.push('### Thresholds (--fail-on)', '', '| threshold | value | fired |', '| --- | --- | --- |');
    for (const t of summary.thresholds) out.push(`| ${mdCell(t.expr)} | ${t.value ?? ''} | ${t.fired ? '**yes**' : 'no'} |`);
    out.push('');
  }
  return out.join('\n');
}

function mdCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  return sanitizeForTerminal(String(value)).replace(/[\\|`*_<>[\]]/g, (c) => `\\${c}`);
}
