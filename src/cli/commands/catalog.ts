import { stringify as toYaml } from 'yaml';
import type { Catalog } from '../../catalog/catalog.js';
import { loadCatalog } from '../../catalog/load-catalog.js';
import { EXIT, ExitError } from '../../errors.js';
import { sanitizeForTerminal } from '../../render/sanitize-terminal.js';
import type { CatalogEntry } from '../../types.js';
import { installStdoutGuards, writeOut } from '../output.js';
import { userCatalogFiles } from '../prepare-run.js';

export interface CatalogArgs {
  format?: 'table' | 'json' | 'yaml';
  catalog?: string[];
  check?: string[];
  diff?: string[];
  suggest?: string;
  vendor?: string;
}

/** `mqerr catalog`: lists the catalog, or checks, diffs or drafts user catalog files. */
export async function runCatalog(args: CatalogArgs): Promise<number> {
  installStdoutGuards();
  if (args.check) {
    if (args.format === 'yaml') throw new ExitError('--check reports as table or json, not yaml');
    return (await import('./catalog-check.js')).runCatalogCheck(args.check, userCatalogFiles(args.catalog), args.format ?? 'table');
  }
  if (args.diff) {
    if (args.format === 'yaml') throw new ExitError('--diff shows changes as table or json, not yaml');
    const format = args.format ?? (process.stdout.isTTY ? 'table' : 'json');
    return (await import('./catalog-diff.js')).runCatalogDiff(args.diff, userCatalogFiles(args.catalog), format);
  }
  if (args.suggest !== undefined) {
    if (args.format === 'table') throw new ExitError('--suggest prints a catalog file: use --format yaml (the default) or json');
    return (await import('./catalog-suggest.js')).runCatalogSuggest(args.suggest, args.vendor, args.format ?? 'yaml');
  }
  const catalog = loadCatalog(userCatalogFiles(args.catalog));
  const format = args.format ?? (process.stdout.isTTY ? 'table' : 'json');
  const listing = { version: catalog.version, entries: [...catalog.entries()] };
  const text = format === 'json' ? JSON.stringify(listing, null, 2) + '\n' : format === 'yaml' ? toYaml(listing, { lineWidth: 0 }) : catalogTable(catalog);
  await writeOut(text);
  return EXIT.ok;
}

function catalogTable(catalog: Catalog): string {
  const rows: string[][] = [['vendor', 'code', 'http', 'category', 'retry', 'sections']];
  for (const e of catalog.entries()) rows.push(row(e));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
  return `catalog ${catalog.version}, ${catalog.size} entries\n\n${lines.join('\n')}\n`;
}

function row(e: CatalogEntry): string[] {
  const status = e.httpStatus === null ? '-' : String(e.httpStatus);
  const previous = e.previousHttpStatus.length > 0 ? ` (was ${e.previousHttpStatus.join('/')})` : '';
  const retry = e.retryable === null ? '-' : e.retryable ? 'yes' : 'no';
  return [e.vendor, e.code, status + previous, e.category, retry, e.sections.join(',')].map((cell) => sanitizeForTerminal(cell));
}
