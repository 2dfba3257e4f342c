import { stringify as toYaml } from 'yaml';
import type { Catalog } from '../../catalog/catalog.js';
import { loadCatalog } from '../../catalog/load-catalog.js';
import { EXIT, ExitError } from '../../errors.js';
import { sanitizeForTerminal } from '../../render/sanitize-terminal.js';
import type { CatalogEntry, Category } from '../../types.js';
import { installStdoutGuards, writeOut } from '../output.js';
import { userCatalogFiles } from '../prepare-run.js';

export interface CatalogArgs {
  format?: 'table' | 'json' | 'yaml';
  catalog?: string[];
  check?: string[];
  diff?: string[];
  suggest?: string;
  vendor?: string;
  category?: Category;
}

/** `mqerr catalog`: lists the catalog, or checks, diffs or drafts user catalog files. */
export async function runCatalog(args: CatalogArgs): Promise<number> {
  installStdoutGuards();
  if (args.check?.length === 0) throw new ExitError('--check expects one or more catalog files, such as --check my-codes.yaml');
  if (args.diff?.length === 0) throw new ExitError('--diff expects one or more catalog files, such as --diff my-codes.yaml');
  if (args.suggest === '') throw new ExitError('--suggest expects a JSON summary, such as --suggest day.json');
  if (args.category !== undefined && (args.check || args.diff || args.suggest !== undefined)) {
    throw new ExitError('--category filters the catalog list; it is not used with --check, --diff or --suggest');
  }
  if (args.vendor !== undefined && (args.check || args.diff)) throw new ExitError('--vendor filters the catalog list or picks --suggest\'s vendor; it is not used with --check or --diff');
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
  if (args.vendor !== undefined && !catalog.vendors.has(args.vendor)) {
    throw new ExitError(`--vendor expects a vendor of the catalog (${[...catalog.vendors.keys()].join(', ')}), got '${args.vendor}'`);
  }
  const format = args.format ?? (process.stdout.isTTY ? 'table' : 'json');
  const entries = [...catalog.entries()].filter(
    (e) => (args.vendor === undefined || e.vendor === args.vendor) && (args.category === undefined || e.category === args.category),
  );
  const listing = { version: catalog.version, entries };
  const text =
    format === 'json' ? JSON.stringify(listing, null, 2) + '\n' : format === 'yaml' ? toYaml(listing, { lineWidth: 0 }) : catalogTable(catalog, entries, filterNote(args));
  await writeOut(text);
  return EXIT.ok;
}

/** ` (tencent throttling only)` when the list is filtered. */
function filterNote(args: CatalogArgs): string {
  const parts = [args.vendor, args.category].filter((p) => p !== undefined);
  return parts.length === 0 ? '' : ` (${parts.join(' ')} only)`;
}

function catalogTable(catalog: Catalog, entries: readonly CatalogEntry[], note: string): string {
  const rows: string[][] = [['vendor', 'code', 'http', 'category', 'retryable', 'sections']];
  for (const e of entries) rows.push(row(e));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
  const count = note === '' ? `${catalog.size} entries` : `${entries.length} of ${catalog.size} entries${note}`;
  return `catalog ${catalog.version}, ${count}\n\n${lines.join('\n')}\n`;
}

function row(e: CatalogEntry): string[] {
  const status = e.httpStatus === null ? '-' : String(e.httpStatus);
  const previous = e.previousHttpStatus.length > 0 ? ` (was ${e.previousHttpStatus.join('/')})` : '';
  const retry = e.retryable === null ? '-' : e.retryable ? 'yes' : 'no';
  return [e.vendor, e.code, status + previous, e.category, retry, e.sections.join(',')].map((cell) => sanitizeForTerminal(cell));
}
