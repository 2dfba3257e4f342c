import { diffCatalog, type CatalogDiff } from '../../catalog/diff-catalog.js';
import { loadCatalog, readUserCatalogs, withUserCatalog } from '../../catalog/load-catalog.js';
import { EXIT } from '../../errors.js';
import { renderCatalogDiff } from '../../render/render-catalog-diff.js';
import { writeOut } from '../output.js';

/**
 * `mqerr catalog --diff FILE…`: what each file changes, applied in order on
 * top of the built-in catalog and the --catalog/MQERR_CATALOG files.
 */
export async function runCatalogDiff(files: readonly string[], baseFiles: readonly string[], format: 'table' | 'json'): Promise<number> {
  let vendors = loadCatalog(baseFiles).vendors;
  const diffs: CatalogDiff[] = [];
  for (const file of files) {
    // A file of several vendors gives one diff per vendor, in file order.
    for (const raw of readUserCatalogs(file)) {
      const after = withUserCatalog(vendors, raw);
      diffs.push(diffCatalog(file, raw, vendors.get(raw.vendor), after.get(raw.vendor)!));
      vendors = after;
    }
  }
  await writeOut(format === 'json' ? JSON.stringify(diffs, null, 2) + '\n' : renderCatalogDiff(diffs));
  return EXIT.ok;
}
