import type { ErrorObject } from 'ajv';
import { editDistance } from './edit-distance.js';
import type { ValuePath } from './locate-in-source.js';

/** One thing wrong with a catalog file: where, and what was expected and what arrived. */
export interface CatalogProblem {
  /** Path of the value at fault (for a missing field, the object that lacks it). */
  path: ValuePath;
  /** `entry 3 (code Boom): field 'category' must be one of auth, …; got "explosive"`. */
  text: string;
}

/** What a pattern-checked field must look like, in words. */
const PATTERN_WORDS: Record<string, string> = {
  vendor: "must be a lower-case key such as 'acme' (letters, digits and '-', starting with a letter)",
  code: "must be an API error code such as 'ResourceNotFound.Topic' (letters, digits and '_', parts joined by '.', '%s' for a variable part)",
  sections: "must be a kebab-case name such as 'group-id'",
  name: "must be a kebab-case name such as 'mqapi-fail'",
  product: "must be a lower-case product key such as 'onsmqtt' (letters, digits and '-', starting with a letter)",
  anchors: "must be printable ASCII text without '\"' or '\\'",
};

/**
 * Turns ajv's errors (made with `allErrors` and `verbose`) into one problem
 * per fault, in file order: the alternatives of an `anyOf` (a string or null)
 * become one message, and each message says what arrived.
 * @example describeSchemaErrors({ vendor: 'a', entries: [{ code: 'X', retryable: 'yes' }] }, errors)
 * // [{ path: ['entries', 0, 'retryable'], text: "entry 1 (code X): field 'retryable' must be a boolean or null; got \"yes\"" }]
 */
export function describeSchemaErrors(raw: unknown, errors: readonly ErrorObject[]): CatalogProblem[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    // The root's `if` (a file with 'catalogs' holds several vendors) adds "must match else schema" to the real errors.
    if (error.keyword === 'if') continue;
    const list = byPath.get(error.instancePath) ?? [];
    list.push(error);
    byPath.set(error.instancePath, list);
  }
  const problems: CatalogProblem[] = [];
  const pointers = [...byPath.keys()];
  for (const [pointer, list] of byPath) {
    const path = parsePointer(pointer);
    // A value with errors inside it took an alternative of its anyOf (a sample written as an object): those errors say what is wrong.
    const inside = pointers.some((p) => p.startsWith(`${pointer}/`));
    for (const error of collapseAnyOf(list, inside)) problems.push(describe(raw, path, error));
  }
  return problems.sort((a, b) => comparePaths(a.path, b.path));
}

/**
 * Where a path points, for people: `top level`, `entry 3 (code X)`,
 * `shape 1 (mqapi-fail)`, and in a file of several vendors
 * `catalog 2 (vendor alibaba), entry 3 (code X)`.
 */
export function describeWhere(raw: unknown, path: ValuePath): { where: string; field: string } {
  const { catalog, local } = splitCatalogPath(path);
  const within = catalog === null ? raw : valueAt(raw, ['catalogs', catalog]);
  const inner = describeWithin(within, local);
  if (catalog === null) return inner ?? { where: 'top level', field: fieldName(local) };
  const member = catalogName(within, catalog);
  return inner ? { where: `${member}, ${inner.where}`, field: inner.field } : { where: member, field: fieldName(local) };
}

/** An entry or a shape of one vendor's catalog; null for a path outside them. */
function describeWithin(catalog: unknown, path: ValuePath): { where: string; field: string } | null {
  if (path[0] === 'entries' && typeof path[1] === 'number') {
    const code = valueAt(catalog, ['entries', path[1], 'code']);
    return { where: `entry ${path[1] + 1}${typeof code === 'string' ? ` (code ${code})` : ''}`, field: fieldName(path.slice(2)) };
  }
  if (path[0] === 'shapes' && typeof path[1] === 'number') {
    const name = valueAt(catalog, ['shapes', path[1], 'name']);
    return { where: `shape ${path[1] + 1}${typeof name === 'string' ? ` (${name})` : ''}`, field: fieldName(path.slice(2)) };
  }
  return null;
}

/** `catalog 2 (vendor alibaba)`: a member of a file's `catalogs`, 1-based. */
function catalogName(member: unknown, index: number): string {
  const vendor = valueAt(member, ['vendor']);
  return `catalog ${index + 1}${typeof vendor === 'string' ? ` (vendor ${vendor})` : ''}`;
}

/** A path into a file of several vendors, as the member's index and the path inside that member. */
export function splitCatalogPath(path: ValuePath): { catalog: number | null; local: ValuePath } {
  return path[0] === 'catalogs' && typeof path[1] === 'number' ? { catalog: path[1], local: path.slice(2) } : { catalog: null, local: path };
}

function describe(raw: unknown, path: ValuePath, error: ErrorObject): CatalogProblem {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    const { where } = describeWhere(raw, path);
    return { path, text: `${where}: missing required field '${String(params['missingProperty'])}'` };
  }
  if (error.keyword === 'additionalProperties') {
    const name = String(params['additionalProperty']);
    const { where } = describeWhere(raw, path);
    const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const near = known.filter((k) => editDistance(k.toLowerCase(), name.toLowerCase()) <= 2).sort();
    const hint = near.length > 0 ? ` (did you mean '${near[0]}'?)` : known.length > 0 ? ` (known fields: ${known.join(', ')})` : '';
    return { path: [...path, name], text: `${where}: unknown field '${name}'${hint}` };
  }
  const value = valueAt(raw, path);
  // A list too short is described by its length: `got an array` would not say what is wrong.
  const got = `; got ${error.keyword === 'minItems' && Array.isArray(value) ? (value.length === 0 ? 'none' : `${value.length}`) : describeValue(value)}`;
  const { where, field } = describeWhere(raw, path);
  const { catalog, local } = splitCatalogPath(path);
  const wholeCatalog = local.length === 0 && (catalog === null || error.keyword === 'type');
  if (wholeCatalog || ((local[0] === 'entries' || local[0] === 'shapes') && local.length === 2 && error.keyword === 'type')) {
    const expected =
      local.length === 0
        ? "an object with 'vendor' and 'entries'"
        : local[0] === 'entries'
          ? "an object with at least 'code'"
          : "an object with 'name', 'vendor', 'anchors', 'pattern' and 'samples'";
    return { path, text: `${where}: expected ${expected}${got}` };
  }
  return { path, text: `${where}: field '${field}' ${expectation(error, path)}${got}` };
}

function expectation(error: ErrorObject, path: ValuePath): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `must be ${typeWords(params['type'])}`;
    case 'enum':
      return `must be one of ${(params['allowedValues'] as unknown[]).map((v) => (v === null ? 'null' : String(v))).join(', ')}`;
    case 'pattern': {
      const field = [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
      return PATTERN_WORDS[field] ?? `must match ${String(params['pattern'])}`;
    }
    case 'minimum':
      return `must be at least ${String(params['limit'])}`;
    case 'maximum':
      return `must be at most ${String(params['limit'])}`;
    case 'minLength':
      return Number(params['limit']) > 1 ? `must be at least ${String(params['limit'])} characters long` : 'must not be empty';
    case 'minItems':
      return `must list at least ${Number(params['limit']) === 1 ? 'one item' : `${String(params['limit'])} items`}`;
    case 'uniqueItems':
      return `must not list the same value twice (items ${Number(params['j']) + 1} and ${Number(params['i']) + 1})`;
    default:
      return error.message ?? 'is invalid';
  }
}

/**
 * ajv reports each failed alternative of an `anyOf` and then the `anyOf`
 * itself. When every alternative failed on type, say "a string or null";
 * when one had the right type but a wrong value, report that alone; when
 * the value is an object that took an alternative (`inside`: errors within
 * it, or a field missing or unknown), report only what is wrong in it.
 */
function collapseAnyOf(list: ErrorObject[], inside: boolean): ErrorObject[] {
  const anyOf = list.find((e) => e.keyword === 'anyOf');
  if (!anyOf) return list;
  const branches = list.filter((e) => e !== anyOf && e.keyword !== 'required' && e.keyword !== 'additionalProperties');
  const rest = list.filter((e) => e !== anyOf && !branches.includes(e));
  if (inside || rest.length > 0) return rest;
  const valueErrors = branches.filter((e) => e.keyword !== 'type');
  if (valueErrors.length > 0) return [...rest, ...valueErrors];
  const types = branches.flatMap((e) => [(e.params as { type: string | string[] }).type].flat());
  return [...rest, { ...anyOf, keyword: 'type', params: { type: [...new Set(types)] } }];
}

function typeWords(type: unknown): string {
  const words = [type]
    .flat()
    .flatMap((t) => String(t).split(','))
    .map((t) => (t === 'null' ? 'null' : t === 'integer' || t === 'object' || t === 'array' ? `an ${t}` : `a ${t}`));
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : (words[0] ?? 'valid');
}

/** A value as a reader should see it in a message, kept short. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
}

function fieldName(path: ValuePath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function parsePointer(pointer: string): ValuePath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^(?:0|[1-9]\d*)$/.test(part) ? Number(part) : part));
}

function valueAt(raw: unknown, path: ValuePath): unknown {
  let value = raw;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

/** Top-level fields first, then entries, then shapes, in file order (in a file of several vendors, catalog by catalog). */
function comparePaths(a: ValuePath, b: ValuePath): number {
  const rank = (p: ValuePath): [number, number] => {
    const { catalog, local } = splitCatalogPath(p);
    const at = typeof local[1] !== 'number' ? -1 : local[0] === 'entries' ? local[1] : local[0] === 'shapes' ? Number.MAX_SAFE_INTEGER / 2 + local[1] : -1;
    return [catalog ?? -1, at];
  };
  const [ca, la] = rank(a);
  const [cb, lb] = rank(b);
  return ca - cb || la - lb;
}
