import { readFileSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type { ParseError } from 'jsonc-parser';
import { checkUserShapes } from './check-user-shapes.js';
import { describeSchemaErrors, describeWhere, type CatalogProblem } from './describe-schema-errors.js';
import { describeDraft, findDrafts } from './draft-entries.js';
import { sourceLocator, type ValuePath } from './locate-in-source.js';
import type { RawCatalog, RawCatalogBundle } from './raw-catalog.js';

/** The result of reading one catalog file: its vendors' catalogs, or every problem found in it. */
export interface CatalogInspection {
  /** One per vendor, in file order (a file of one vendor gives one); null when the file has problems. */
  catalogs: RawCatalog[] | null;
  /** One line each: `catalog my.yaml:7: entry 2 (code X): field 'retryable' must be a boolean or null; got "yes"`. */
  problems: string[];
  /**
   * Draft entries (not applied), one line each with the index in `catalogs` of the vendor it belongs to:
   * `catalog gaps.yaml:9: vendor tencent, code X: draft, not applied …`.
   */
  warnings: { catalog: number; text: string }[];
}

/**
 * Ajv, yaml and jsonc-parser are loaded when they are needed: every run
 * reads the built-in catalog, and start-up time counts.
 */
const require = createRequire(import.meta.url);

/**
 * A catalog file larger than this is refused: 16 MiB holds about 100,000
 * entries, far more than both vendors document, and bounds how long loading
 * takes (a signal is answered once it is done) and what it holds.
 */
export const MAX_CATALOG_BYTES = 16 * 1024 * 1024;
/** Problems described one by one; past these, a broken file gets one line saying there are more. */
const MAX_PROBLEMS = 50;
type Yaml = typeof import('yaml');

let validator: ValidateFunction | undefined;

/**
 * The schema validator, compiled once; `verbose` lets a message list an
 * object's known fields. The build compiles the schema into
 * catalog-validator.cjs beside this file (scripts/compile-catalog-schema.mjs,
 * same options); run from source, Ajv compiles it here.
 */
function schemaValidator(schemaDir: string): ValidateFunction {
  if (!validator) {
    try {
      validator = require('./catalog-validator.cjs') as ValidateFunction;
    } catch {
      const schema = JSON.parse(readFileSync(join(schemaDir, 'catalog.schema.json'), 'utf8')) as object;
      const { Ajv: AjvClass } = require('ajv') as { Ajv: typeof Ajv };
      validator = new AjvClass({ allErrors: true, verbose: true, strict: false }).compile(schema);
    }
  }
  return validator;
}

/**
 * Reads a catalog file (JSON, or YAML by its `.yaml`/`.yml` extension) as
 * data and checks it against the schema, for vendors and codes listed twice,
 * and its shapes for what the schema cannot say (check-user-shapes.ts). A
 * file holds one vendor's catalog, or several under `catalogs`. Every
 * problem names the file, the line when it can be found, the catalog (in a
 * file of several), the entry and the field; draft entries are warnings,
 * not problems.
 * @example inspectCatalogFile('my-codes.yaml', DATA_DIR).problems // []
 */
export function inspectCatalogFile(path: string, schemaDir: string): CatalogInspection {
  let text: string;
  try {
    const info = statSync(path);
    if (!info.isFile()) return failed(`catalog ${path}: ${describeFileKind(info)}, not a regular file; a catalog is read from a file`);
    if (info.size > MAX_CATALOG_BYTES) {
      return failed(`catalog ${path}: ${info.size} bytes, more than a catalog may have (${MAX_CATALOG_BYTES} bytes, 16 MiB)`);
    }
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return failed(`catalog ${path}: cannot read it (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  // The file may have grown since it was measured.
  if (text.length > MAX_CATALOG_BYTES) return failed(`catalog ${path}: more than a catalog may have (${MAX_CATALOG_BYTES} bytes, 16 MiB)`);
  const yaml = ['.yaml', '.yml'].includes(extname(path).toLowerCase());
  if (text.trim() === '') return failed(`catalog ${path}: the file is empty; expected an object with 'vendor' and 'entries'`);
  let raw: unknown;
  try {
    raw = yaml ? parseYamlData(text) : JSON.parse(text);
  } catch (err) {
    return failed(yaml ? yamlSyntaxError(path, err) : jsonSyntaxError(path, text, err as Error));
  }
  const errors = schemaErrors(raw, schemaValidator(schemaDir));
  const found: CatalogProblem[] =
    errors.length === 0 ? [...duplicates(raw as RawCatalog | RawCatalogBundle), ...memberShapeProblems(raw as RawCatalog | RawCatalogBundle)] : describeSchemaErrors(raw, errors);
  const lineOf = () => sourceLocator(text, yaml ? 'yaml' : 'json');
  if (found.length === 0) {
    const valid = raw as RawCatalog | RawCatalogBundle;
    return { catalogs: catalogsOf(valid), problems: [], warnings: draftWarnings(path, valid, lineOf) };
  }
  // Problems come in entry order; past MAX_PROBLEMS they are counted, not located (which costs a parse of the file).
  const shown = found.slice(0, MAX_PROBLEMS);
  const locate = lineOf();
  const located = shown.map((p) => ({ line: locate(p.path), text: p.text }));
  // In file order where the lines are known (sort is stable, so the rest keep entry order).
  located.sort((a, b) => (a.line !== null && b.line !== null ? a.line - b.line : 0));
  const problems = located.map((p) => `catalog ${path}${p.line === null ? '' : `:${p.line}`}: ${p.text}`);
  if (found.length > shown.length) problems.push(`catalog ${path}: more problems not shown (the first ${MAX_PROBLEMS} are listed)`);
  return { catalogs: null, problems, warnings: [] };
}

/** The vendors' catalogs a valid file holds: itself, or the members of its `catalogs`. */
function catalogsOf(raw: RawCatalog | RawCatalogBundle): RawCatalog[] {
  return 'catalogs' in raw ? raw.catalogs : [raw];
}

/** Where a member's paths start: `['catalogs', i]` in a file of several vendors, the top level otherwise. */
function memberPath(raw: RawCatalog | RawCatalogBundle, index: number): ValuePath {
  return 'catalogs' in raw ? ['catalogs', index] : [];
}

/** checkUserShapes for each vendor's catalog, its problems placed and named within the file. */
function memberShapeProblems(raw: RawCatalog | RawCatalogBundle): CatalogProblem[] {
  return catalogsOf(raw).flatMap((catalog, c) => {
    const at = memberPath(raw, c);
    if (at.length === 0) return checkUserShapes(catalog);
    const member = describeWhere(raw, at).where;
    return checkUserShapes(catalog).map((p) => ({ path: [...at, ...p.path], text: `${member}, ${p.text}` }));
  });
}

/** One located line per draft entry; the file is parsed for lines only when it has drafts. */
function draftWarnings(path: string, raw: RawCatalog | RawCatalogBundle, lineOf: () => (path: ValuePath) => number | null): CatalogInspection['warnings'] {
  const drafts = findDrafts(catalogsOf(raw));
  if (drafts.length === 0) return [];
  const locate = lineOf();
  return drafts.map((d) => {
    const line = locate([...memberPath(raw, d.catalog), 'entries', d.entry]);
    return { catalog: d.catalog, text: `catalog ${path}${line === null ? '' : `:${line}`}: ${describeDraft(d)}` };
  });
}

function describeFileKind(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  return 'a special file';
}

/** Entries validated at a time: the validator's cost grows faster than linearly with the errors it collects at once. */
const ENTRY_WINDOW = 256;

/**
 * The schema's errors for a parsed catalog, collected window by window of
 * entries (their paths renumbered as in the whole file) and no further
 * than MAX_PROBLEMS, so a file whose 100,000 entries are all wrong is
 * described in the time of its first few hundred.
 */
function schemaErrors(raw: unknown, validate: ValidateFunction): ErrorObject[] {
  const entries = (raw as { entries?: unknown } | null)?.entries;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Array.isArray(entries) || entries.length <= ENTRY_WINDOW) {
    return validate(raw) ? [] : [...(validate.errors ?? [])];
  }
  const errors: ErrorObject[] = [];
  for (let from = 0; from < entries.length && errors.length < MAX_PROBLEMS; from += ENTRY_WINDOW) {
    if (validate({ ...raw, entries: entries.slice(from, from + ENTRY_WINDOW) })) continue;
    for (const error of validate.errors ?? []) {
      // `/entries/12/category` → ['', 'entries', '12', 'category'].
      const parts = error.instancePath.split('/');
      // Errors outside the entries are the same in every window: taken from the first.
      if (parts[1] !== 'entries' || parts[2] === undefined || !/^\d+$/.test(parts[2])) {
        if (from === 0) errors.push(error);
        continue;
      }
      parts[2] = String(from + Number(parts[2]));
      errors.push({ ...error, instancePath: parts.join('/') });
    }
  }
  return errors;
}

/**
 * YAML as plain data: a tag the core schema does not know (`!!js/function`,
 * `!include`) or a duplicate key is an error, not a warning and a string,
 * and aliases are bounded (no billion laughs).
 */
function parseYamlData(text: string): unknown {
  const doc = (require('yaml') as Yaml).parseDocument(text, { uniqueKeys: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw problem;
  return doc.toJS({ maxAliasCount: 100 });
}

function failed(problem: string): CatalogInspection {
  return { catalogs: null, problems: [problem], warnings: [] };
}

/**
 * A vendor may be listed once per file, and a code once per vendor: the
 * second listing is the problem.
 */
function duplicates(raw: RawCatalog | RawCatalogBundle): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const firstVendor = new Map<string, number>();
  catalogsOf(raw).forEach((catalog, c) => {
    const at = memberPath(raw, c);
    const earlierVendor = firstVendor.get(catalog.vendor);
    if (earlierVendor === undefined) firstVendor.set(catalog.vendor, c);
    else {
      const path = [...at, 'vendor'];
      problems.push({ path, text: `${describeWhere(raw, path).where}: vendor listed twice (first as catalog ${earlierVendor + 1})` });
    }
    const first = new Map<string, number>();
    catalog.entries.forEach((entry, i) => {
      const earlier = first.get(entry.code);
      if (earlier === undefined) first.set(entry.code, i);
      else {
        const path = [...at, 'entries', i, 'code'];
        problems.push({ path, text: `${describeWhere(raw, path).where}: code listed twice (first as entry ${earlier + 1})` });
      }
    });
  });
  return problems;
}

/**
 * Where and why JSON.parse failed, as `file:6:3: not valid JSON: value expected
 * (a trailing comma?)`. V8's message does not always give a position, so the
 * text is parsed again with a scanner that reports the first error's offset.
 */
function jsonSyntaxError(path: string, text: string, err: Error): string {
  const { parse: parseJsonc, printParseErrorCode } = require('jsonc-parser') as typeof import('jsonc-parser');
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return `catalog ${path}: not valid JSON: ${err.message.split('\n', 1)[0]}`;
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const code = printParseErrorCode(first.error);
  const words = code === 'InvalidCommentToken' ? 'comments are not allowed in JSON' : code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const rest = text.slice(first.offset);
  const hint = rest.trim() === '' ? ' (the file ends too early)' : /,\s*$/.test(before) && /^\s*[\]}]/.test(rest) ? ' (a trailing comma?)' : '';
  return `catalog ${path}:${line}:${column}: not valid JSON: ${words}${hint}`;
}

/** `Nested mappings are not allowed … at line 3, column 8:` plus context → one line with the position first. */
function yamlSyntaxError(path: string, err: unknown): string {
  const { YAMLError } = require('yaml') as Yaml;
  if (!(err instanceof YAMLError)) return `catalog ${path}: not valid YAML: ${err instanceof Error ? err.message : String(err)}`;
  const pos = err.linePos?.[0];
  const message = (err.message.split('\n', 1)[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  return `catalog ${path}${pos ? `:${pos.line}:${pos.col}` : ''}: not valid YAML: ${message}`;
}
