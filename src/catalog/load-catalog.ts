import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CatalogError } from '../errors.js';
import type { CatalogEntry, KnownProduct, ProductHints, Vendor } from '../types.js';
import { Catalog, type VendorCatalog } from './catalog.js';
import { isDraft } from './draft-entries.js';
import { inspectCatalogFile } from './inspect-catalog-file.js';
import type { RawCatalog, RawEntry, RawProductHints, RawShape } from './raw-catalog.js';

/** Where the built-in catalog lives: data/ at the package root. */
export const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data');
const SCHEMA_FILE = 'catalog.schema.json';

/** Reads and validates one catalog file, its vendors in file order; the first problem found ends the run (exit 2). */
function readCatalogFile(path: string): RawCatalog[] {
  const { catalogs, problems } = inspectCatalogFile(path, DATA_DIR);
  if (!catalogs) throw new CatalogError(problems[0] ?? `catalog ${path}: not a catalog`);
  return catalogs;
}

function toEntry(raw: RawEntry, vendor: string, product: string): CatalogEntry {
  return {
    vendor,
    product: raw.product ?? product,
    code: raw.code,
    httpStatus: raw.httpStatus ?? null,
    previousHttpStatus: raw.previousHttpStatus ?? [],
    sections: raw.sections ?? [],
    category: raw.category ?? 'unknown',
    retryable: raw.retryable ?? null,
    clientSide: raw.clientSide ?? false,
    message: raw.message ?? null,
    messages: raw.messages ?? [],
    description: raw.description ?? null,
    remedy: raw.remedy ?? null,
    source: raw.source ?? null,
  };
}

/** Applies only the fields a user entry sets, over the entry it overrides. */
function overrideEntry(base: CatalogEntry, raw: RawEntry): CatalogEntry {
  const merged: CatalogEntry = { ...base };
  for (const key of Object.keys(raw) as (keyof RawEntry)[]) {
    if (key === 'code' || key === 'draft') continue;
    (merged as unknown as Record<string, unknown>)[key] = raw[key] ?? null;
  }
  return merged;
}

const NO_PRODUCT_HINTS: ProductHints = { sharedSections: [], hosts: [], markers: [], notProducts: [], known: [] };

/** Product hints with a file's added: lists are joined; a known product's signs are added to its own. */
function withProductHints(base: ProductHints, raw: RawProductHints | undefined): ProductHints {
  if (!raw) return base;
  const known: KnownProduct[] = base.known.map((k) => ({ ...k }));
  for (const r of raw.known ?? []) {
    const at = known.findIndex((k) => k.product === r.product);
    const add = { product: r.product, hosts: r.hosts ?? [], markers: r.markers ?? [], actions: r.actions ?? [] };
    if (at < 0) known.push(add);
    else known[at] = { product: r.product, hosts: [...known[at]!.hosts, ...add.hosts], markers: [...known[at]!.markers, ...add.markers], actions: [...known[at]!.actions, ...add.actions] };
  }
  return {
    sharedSections: [...base.sharedSections, ...(raw.sharedSections ?? [])],
    hosts: [...base.hosts, ...(raw.hosts ?? [])],
    markers: [...base.markers, ...(raw.markers ?? [])],
    notProducts: [...base.notProducts, ...(raw.notProducts ?? [])],
    known,
  };
}

function toVendorCatalog(raw: RawCatalog): VendorCatalog {
  const product = raw.product ?? raw.vendor;
  return {
    vendor: raw.vendor,
    vendorName: raw.vendorName ?? null,
    product,
    productName: raw.productName ?? null,
    apiVersion: raw.apiVersion ?? null,
    version: raw.version ?? null,
    hints: {
      requestIdCase: raw.hints?.requestIdCase ?? null,
      hosts: raw.hints?.hosts ?? [],
      markers: raw.hints?.markers ?? [],
      products: withProductHints(NO_PRODUCT_HINTS, raw.hints?.products),
    },
    entries: raw.entries.map((e) => toEntry(e, raw.vendor, product)),
  };
}

/**
 * The vendors after a user catalog is applied: a new vendor is added whole;
 * for a known vendor, a new code is added and a known code gets only the
 * fields the user entry sets. Draft entries (`draft: true`) are left out, so
 * their codes stay uncatalogued. The map given is not changed.
 * @example withUserCatalog(loadCatalog().vendors, readUserCatalogs('my-codes.yaml')[0]!)
 */
export function withUserCatalog(vendors: ReadonlyMap<Vendor, VendorCatalog>, file: RawCatalog): Map<Vendor, VendorCatalog> {
  const raw: RawCatalog = { ...file, entries: file.entries.filter((e) => !isDraft(e)) };
  const result = new Map(vendors);
  const existing = vendors.get(raw.vendor);
  if (!existing) {
    result.set(raw.vendor, toVendorCatalog(raw));
    return result;
  }
  const hints = raw.hints ?? {};
  const merged: VendorCatalog = {
    ...existing,
    hints: {
      requestIdCase: hints.requestIdCase ?? existing.hints.requestIdCase,
      hosts: [...existing.hints.hosts, ...(hints.hosts ?? [])],
      markers: [...existing.hints.markers, ...(hints.markers ?? [])],
      products: withProductHints(existing.hints.products, hints.products),
    },
    entries: [...existing.entries],
  };
  const product = raw.product ?? existing.product;
  // Indexed once, so applying a file is linear in its entries.
  const indexOfCode = new Map(merged.entries.map((e, i) => [e.code, i]));
  for (const entry of raw.entries) {
    const at = indexOfCode.get(entry.code);
    if (at !== undefined) merged.entries[at] = overrideEntry(merged.entries[at]!, entry);
    else {
      indexOfCode.set(entry.code, merged.entries.length);
      merged.entries.push(toEntry(entry, raw.vendor, product));
    }
  }
  result.set(raw.vendor, merged);
  return result;
}

/** Reads and validates one user catalog file without applying it: its vendors' catalogs, in file order. */
export function readUserCatalogs(path: string): RawCatalog[] {
  return readCatalogFile(path);
}

/** The built-in catalog files: every JSON file in data/ but the schema. */
function builtInFiles(): string[] {
  return readdirSync(DATA_DIR)
    .filter((name) => name.endsWith('.json') && name !== SCHEMA_FILE)
    .sort()
    .map((name) => join(DATA_DIR, name));
}

/**
 * Loads the built-in catalog and the user catalogs, validating each file;
 * a bad file throws a CatalogError naming the file, the entry and the field.
 * The user catalogs' shapes are kept, in file order, for recognition's table.
 * @example loadCatalog(['./my-codes.yaml'])
 */
export function loadCatalog(userFiles: readonly string[] = []): Catalog {
  let vendors = new Map<Vendor, VendorCatalog>();
  const versionParts: string[] = [];
  for (const file of builtInFiles()) {
    for (const raw of readCatalogFile(file)) {
      vendors.set(raw.vendor, toVendorCatalog(raw));
      versionParts.push(`${raw.vendor}@${raw.version ?? basename(file, '.json')}`);
    }
  }
  const shapes: RawShape[] = [];
  const shapeFiles = new Map<string, string>();
  for (const file of userFiles) {
    for (const raw of readUserCatalogs(file)) {
      vendors = withUserCatalog(vendors, raw);
      for (const [i, shape] of (raw.shapes ?? []).entries()) {
        const other = shapeFiles.get(shape.name);
        if (other !== undefined) throw new CatalogError(`catalog ${file}: shape ${i + 1} (${shape.name}): name '${shape.name}' is already a shape of catalog ${other}; choose another`);
        shapeFiles.set(shape.name, file);
        shapes.push(shape);
      }
    }
    const text = readFileSync(file);
    versionParts.push(`user:${createHash('sha256').update(text).digest('hex').slice(0, 12)}`);
  }
  return new Catalog([...vendors.values()], versionParts.join('+'), shapes);
}
