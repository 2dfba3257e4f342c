import { isDraft } from '../../catalog/draft-entries.js';
import { inspectCatalogFile } from '../../catalog/inspect-catalog-file.js';
import { DATA_DIR, loadCatalog } from '../../catalog/load-catalog.js';
import type { RawCatalog } from '../../catalog/raw-catalog.js';
import type { Catalog } from '../../catalog/catalog.js';
import { EXIT } from '../../errors.js';
import { sanitizeForTerminal } from '../../render/sanitize-terminal.js';
import { warn, writeOut } from '../output.js';

/** The outcome of checking one vendor of a file (a broken file: one result, vendor null), as `--format json` prints it. */
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
  /** Draft entries (`draft: true`): checked, not applied. */
  drafts: number;
  /** Shapes the file adds to recognition's table. */
  shapes: number;
  problems: string[];
  /** One line per draft entry; they do not make the check fail. */
  warnings: string[];
}

/**
 * `mqerr catalog --check FILE…`: validates every file (all problems, not just
 * the first) without scanning anything, and exits 2 if any file has a problem.
 * Draft entries are warned about (stderr, or `warnings` in JSON) without
 * changing the exit status.
 */
export async function runCatalogCheck(files: readonly string[], baseFiles: readonly string[], format: 'table' | 'json'): Promise<number> {
  const base = loadCatalog(baseFiles);
  const results = files.flatMap((file): CheckResult[] => {
    const { catalogs, problems, warnings } = inspectCatalogFile(file, DATA_DIR);
    if (!catalogs) return [{ file, ok: false, vendor: null, newVendor: false, overrides: 0, additions: 0, drafts: 0, shapes: 0, problems, warnings: [] }];
    return catalogs.map((catalog, i) => ({
      file,
      ok: true,
      ...counts(catalog, base),
      problems: [],
      warnings: warnings.filter((w) => w.catalog === i).map((w) => w.text),
    }));
  });
  if (format === 'json') {
    await writeOut(JSON.stringify(results, null, 2) + '\n');
  } else {
    for (const r of results) {
      if (r.ok) await writeOut(`${sanitizeForTerminal(r.file)}: ok (${describeCounts(r)})\n`);
      // inspectCatalogFile lists the first problems and says when there are more.
      for (const problem of r.problems) warn(problem);
      for (const warning of r.warnings) warn(warning);
    }
  }
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.usage;
}

/** What one vendor's catalog of a file would change: drafts are left out, as loading leaves them out. */
function counts(catalog: RawCatalog, base: Catalog): Pick<CheckResult, 'vendor' | 'newVendor' | 'overrides' | 'additions' | 'drafts' | 'shapes'> {
  const known = base.vendors.get(catalog.vendor);
  const codes = new Set(known?.entries.map((e) => e.code));
  const applied = catalog.entries.filter((e) => !isDraft(e));
  const overrides = applied.filter((e) => codes.has(e.code)).length;
  return {
    vendor: catalog.vendor,
    newVendor: known === undefined,
    overrides,
    additions: applied.length - overrides,
    drafts: catalog.entries.length - applied.length,
    shapes: catalog.shapes?.length ?? 0,
  };
}

/** `vendor tencent: 0 overridden, 1 added, 2 drafts not applied, 1 shape`. */
function describeCounts(r: CheckResult): string {
  const drafts = r.drafts > 0 ? `, ${r.drafts} draft${r.drafts === 1 ? '' : 's'} not applied` : '';
  const shapes = r.shapes > 0 ? `, ${r.shapes} ${r.shapes === 1 ? 'shape' : 'shapes'}` : '';
  return `${r.newVendor ? 'new vendor' : 'vendor'} ${r.vendor}: ${r.overrides} overridden, ${r.additions} added${drafts}${shapes}`;
}
