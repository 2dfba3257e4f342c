import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { CatalogError } from '../errors.js';
import type { CatalogEntry, Category, VendorHints } from '../types.js';
import { Catalog, type VendorCatalog } from './catalog.js';

/** Where the built-in catalog lives: data/ at the package root. */
export const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data');
const SCHEMA_FILE = 'catalog.schema.json';

/** A catalog file as it is written, before defaults are applied. */
interface RawEntry {
  code: string;
  product?: string;
  httpStatus?: number | null;
  previousHttpStatus?: number[];
  sections?: string[];
  category?: Category;
  retryable?: boolean | null;
  clientSide?: boolean;
  message?: string | null;
  messages?: string[];
  description?: string | null;
  remedy?: string | null;
  source?: string | null;
}
interface RawCatalog {
  vendor: string;
  vendorName?: string;
  product?: string;
  productName?: string;
  apiVersion?: string;
  version?: string;
  hints?: Partial<VendorHints>;
  entries: RawEntry[];
}

let validator: ValidateFunction | undefined;
function validate(raw: unknown): ErrorObject[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(join(DATA_DIR, SCHEMA_FILE), 'utf8')) as object;
    validator = new Ajv({ allErrors: false, strict: false }).compile(schema);
  }
  return validator(raw) ? [] : (validator.errors ?? []);
}

/** Parses a catalog file as data only: JSON, or YAML by its extension. */
function parseCatalogFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CatalogError(`catalog ${path}: cannot read it (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const ext = extname(path).toLowerCase();
  try {
    return ext === '.yaml' || ext === '.yml' ? parseYaml(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (err) {
    const what = ext === '.yaml' || ext === '.yml' ? 'YAML' : 'JSON';
    throw new CatalogError(`catalog ${path}: not valid ${what}: ${firstLine((err as Error).message)}`);
  }
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}

/** Turns an ajv error into "entry 3 (code X): field 'category' must be …". */
function describeError(raw: unknown, error: ErrorObject): string {
  const parts = error.instancePath.split('/').slice(1);
  let where = 'top level';
  let field = parts.join('.');
  if (parts[0] === 'entries' && parts[1] !== undefined) {
    const index = Number(parts[1]);
    const entries = (raw as { entries?: unknown[] }).entries;
    const code = (entries?.[index] as { code?: unknown } | undefined)?.code;
    where = `entry ${index + 1}${typeof code === 'string' ? ` (code ${code})` : ''}`;
    field = parts.slice(2).join('.');
  }
  if (error.keyword === 'required') field = String((error.params as { missingProperty: string }).missingProperty);
  if (error.keyword === 'additionalProperties') {
    return `${where}: unknown field '${String((error.params as { additionalProperty: string }).additionalProperty)}'`;
  }
  const allowed = error.keyword === 'enum' ? ` (one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
  return `${where}: field '${field || '(root)'}' ${error.message ?? 'is invalid'}${allowed}`;
}

function checkCatalog(path: string, raw: unknown): RawCatalog {
  const errors = validate(raw);
  if (errors.length > 0) throw new CatalogError(`catalog ${path}: ${describeError(raw, errors[0]!)}`);
  const catalog = raw as RawCatalog;
  const seen = new Set<string>();
  catalog.entries.forEach((entry, i) => {
    if (seen.has(entry.code)) throw new CatalogError(`catalog ${path}: entry ${i + 1} (code ${entry.code}): code listed twice`);
    seen.add(entry.code);
  });
  return catalog;
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
    if (key === 'code') continue;
    (merged as unknown as Record<string, unknown>)[key] = raw[key] ?? null;
  }
  return merged;
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
    },
    entries: raw.entries.map((e) => toEntry(e, raw.vendor, product)),
  };
}

/** Adds a user catalog's vendors and codes, or overrides the fields it sets. */
function applyUserCatalog(vendors: Map<string, VendorCatalog>, raw: RawCatalog): void {
  const existing = vendors.get(raw.vendor);
  if (!existing) {
    vendors.set(raw.vendor, toVendorCatalog(raw));
    return;
  }
  const hints = raw.hints ?? {};
  const merged: VendorCatalog = {
    ...existing,
    hints: {
      requestIdCase: hints.requestIdCase ?? existing.hints.requestIdCase,
      hosts: [...existing.hints.hosts, ...(hints.hosts ?? [])],
      markers: [...existing.hints.markers, ...(hints.markers ?? [])],
    },
    entries: [...existing.entries],
  };
  const product = raw.product ?? existing.product;
  for (const entry of raw.entries) {
    const at = merged.entries.findIndex((e) => e.code === entry.code);
    if (at >= 0) merged.entries[at] = overrideEntry(merged.entries[at]!, entry);
    else merged.entries.push(toEntry(entry, raw.vendor, product));
  }
  vendors.set(raw.vendor, merged);
}

/** Reads and validates one user catalog file without applying it. */
export function readUserCatalog(path: string): RawCatalog {
  return checkCatalog(path, parseCatalogFile(path));
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
 * @example loadCatalog(['./my-codes.yaml'])
 */
export function loadCatalog(userFiles: readonly string[] = []): Catalog {
  const vendors = new Map<string, VendorCatalog>();
  const versionParts: string[] = [];
  for (const file of builtInFiles()) {
    const raw = checkCatalog(file, parseCatalogFile(file));
    vendors.set(raw.vendor, toVendorCatalog(raw));
    versionParts.push(`${raw.vendor}@${raw.version ?? basename(file, '.json')}`);
  }
  for (const file of userFiles) {
    applyUserCatalog(vendors, readUserCatalog(file));
    const text = readFileSync(file);
    versionParts.push(`user:${createHash('sha256').update(text).digest('hex').slice(0, 12)}`);
  }
  return new Catalog([...vendors.values()], versionParts.join('+'));
}
