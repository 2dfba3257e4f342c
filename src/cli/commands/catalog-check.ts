import { inspectCatalogFile } from '../../catalog/inspect-catalog-file.js';
import { DATA_DIR, loadCatalog } from '../../catalog/load-catalog.js';
import { EXIT } from '../../errors.js';
import { sanitizeForTerminal } from '../../render/sanitize-terminal.js';
import { warn, writeOut } from '../output.js';

/** The outcome of checking one file, as `--format json` prints it. */
interface CheckResult {
  file: string;
  ok: boolean;
  vendor: string | null;
  /** True when the file brings a vendor the catalog does not have. */
  newVendor: boolean;
  /** Codes the catalog already has, whose fields the file overrides. */
  overrides: number;
  /** Codes the file adds. */
  additions: number;
  /** Shapes the file adds to recognition's table. */
  shapes: number;
  problems: string[];
}

/**
 * `mqerr catalog --check FILE…`: validates every file (all problems, not just
 * the first) without scanning anything, and exits 2 if any file has a problem.
 */
export async function runCatalogCheck(files: readonly string[], baseFiles: readonly string[], format: 'table' | 'json'): Promise<number> {
  const base = loadCatalog(baseFiles);
  const results = files.map((file): CheckResult => {
    const { catalog, problems } = inspectCatalogFile(file, DATA_DIR);
    const known = catalog ? base.vendors.get(catalog.vendor) : undefined;
    const codes = new Set(known?.entries.map((e) => e.code));
    const overrides = catalog ? catalog.entries.filter((e) => codes.has(e.code)).length : 0;
    return {
      file,
      ok: catalog !== null,
      vendor: catalog?.vendor ?? null,
      newVendor: catalog !== null && known === undefined,
      overrides,
      additions: catalog ? catalog.entries.length - overrides : 0,
      shapes: catalog?.shapes?.length ?? 0,
      problems,
    };
  });
  if (format === 'json') {
    await writeOut(JSON.stringify(results, null, 2) + '\n');
  } else {
    for (const r of results) {
      if (r.ok) await writeOut(`${sanitizeForTerminal(r.file)}: ok (${r.newVendor ? 'new vendor' : 'vendor'} ${r.vendor}: ${r.overrides} overridden, ${r.additions} added${r.shapes > 0 ? `, ${r.shapes} ${r.shapes === 1 ? 'shape' : 'shapes'}` : ''})\n`);
      // inspectCatalogFile lists the first problems and says when there are more.
      for (const problem of r.problems) warn(problem);
    }
  }
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.usage;
}
