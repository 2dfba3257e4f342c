import { loadCatalog, readUserCatalog } from '../../catalog/load-catalog.js';
import type { Catalog } from '../../catalog/catalog.js';
import { EXIT } from '../../errors.js';
import type { CatalogEntry } from '../../types.js';
import { installStdoutGuards, writeOut } from '../output.js';
import { userCatalogFiles } from '../prepare-run.js';

export interface CatalogArgs {
  format?: 'table' | 'json';
  catalog?: string[];
  check?: string[];
}

/** `mqerr catalog`: lists the catalog, or checks user catalog files. */
export async function runCatalog(args: CatalogArgs): Promise<number> {
  installStdoutGuards();
  if (args.check && args.check.length > 0) {
    for (const file of args.check) {
      const raw = readUserCatalog(file);
      await writeOut(`${file}: ok (vendor ${raw.vendor}, ${raw.entries.length} entries)\n`);
    }
    return EXIT.ok;
  }
  const catalog = loadCatalog(userCatalogFiles(args.catalog));
  const format = args.format ?? (process.stdout.isTTY ? 'table' : 'json');
  await writeOut(format === 'json' ? catalogJson(catalog) : catalogTable(catalog));
  return EXIT.ok;
}

function catalogJson(catalog: Catalog): string {
  return JSON.stringify({ version: catalog.version, entries: [...catalog.entries()] }, null, 2) + '\n';
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
  return [e.vendor, e.code, status + previous, e.category, retry, e.sections.join(',')];
}
