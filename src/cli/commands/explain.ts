import type { Catalog } from '../../catalog/catalog.js';
import { loadCatalog } from '../../catalog/load-catalog.js';
import { EXIT } from '../../errors.js';
import { sanitizeForTerminal } from '../../render/sanitize-terminal.js';
import type { CatalogEntry } from '../../types.js';
import { installStdoutGuards, writeOut } from '../output.js';
import { userCatalogFiles } from '../prepare-run.js';
import { closestCodes } from './closest-codes.js';

export interface ExplainArgs {
  code: string;
  catalog?: string[];
  format?: 'text' | 'json';
}

/** `mqerr explain <code>`: what the catalog knows about a code, for every vendor that has it. */
export async function runExplain(args: ExplainArgs): Promise<number> {
  installStdoutGuards();
  const catalog = loadCatalog(userCatalogFiles(args.catalog));
  const matches = catalog.lookupAnyVendor(args.code);
  if (matches.length === 0) {
    const suggestions = closestCodes(args.code, catalog, 5);
    const hint = suggestions.length > 0 ? `; closest: ${suggestions.join(', ')}` : '';
    process.stderr.write(`mqerr: unknown code '${sanitizeForTerminal(args.code)}'${hint}\n`);
    return EXIT.unknownCode;
  }
  if (args.format === 'json') {
    await writeOut(JSON.stringify(matches.map((m) => ({ ...m.entry, catalogued: m.catalogued })), null, 2) + '\n');
    return EXIT.ok;
  }
  const blocks = matches.map((m) => describe(args.code, m.entry, m.catalogued, catalog));
  await writeOut(blocks.join('\n'));
  return EXIT.ok;
}

function describe(asked: string, e: CatalogEntry, catalogued: boolean, catalog: Catalog): string {
  const vc = catalog.vendors.get(e.vendor);
  const product = vc?.productName ? `${vc.productName} (${e.product})` : e.product;
  const status = e.httpStatus === null ? 'none (client-side)' : String(e.httpStatus);
  const lines = [
    `${asked} — ${vc?.vendorName ?? e.vendor}, ${product}`,
    catalogued ? null : `  not catalogued; nearest catalogued parent: ${e.code}`,
    asked !== e.code && catalogued ? `  matches pattern ${e.code}` : null,
    `  HTTP status: ${status}${e.previousHttpStatus.length ? ` (earlier: ${e.previousHttpStatus.join(', ')})` : ''}`,
    `  category:    ${e.category}${e.clientSide ? ' (client-side)' : ''}`,
    `  retryable:   ${e.retryable === null ? 'not stated by the vendor' : e.retryable ? 'yes' : 'no'}`,
    `  sections:    ${e.sections.join(', ') || '-'}`,
    e.message ? `  message:     ${e.message}` : null,
    e.description ? `  meaning:     ${e.description}` : null,
    e.remedy ? `  what to do:  ${e.remedy}` : null,
    e.source ? `  source:      ${e.source}` : null,
  ];
  // Catalog text is data, possibly from a user's file: shown, never acted on by the terminal.
  return lines
    .filter((l): l is string => l !== null)
    .map((l) => sanitizeForTerminal(l))
    .join('\n') + '\n';
}
