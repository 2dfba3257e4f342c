/**
 * The other ways loggers and exporters write an object's fields, read as
 * the plain nested objects walk-json looks into:
 * - flattened paths (`"error.code": …`, `"http.request.id": …`), as ECS,
 *   Datadog, OpenTelemetry's attribute names and flattening shippers write
 *   them, expanded as Elasticsearch expands dotted field names;
 * - key/value lists (`[{"key":"error.code","value":…}, …]`), as OTLP/JSON
 *   writes attributes and structured bodies, AWS writes tags and HAR writes
 *   headers, read as one object;
 * - OTLP's typed values (`{"stringValue":"…"}`, `{"intValue":"404"}`,
 *   `{"kvlistValue":{"values":[…]}}`) inside such a list, read as the value
 *   they hold.
 * Objects made here have no prototype, so a key such as `__proto__` stays a
 * key. Nothing parsed is changed.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Deeper paths than this are left as written. */
const MAX_PATH_SEGMENTS = 8;
/** The field names of one key/value list's elements: name, value. */
const PAIR_FIELDS: readonly (readonly [string, string])[] = [
  ['key', 'value'],
  ['Key', 'Value'],
  ['name', 'value'],
  ['Name', 'Value'],
];
/** OTLP's AnyValue members that hold a scalar. */
const SCALAR_VALUE_FIELDS: ReadonlySet<string> = new Set(['stringValue', 'boolValue', 'intValue', 'doubleValue', 'bytesValue']);

/** Whether an object has a field whose name is a path (`a.b`); only such objects are expanded. */
export function hasDottedKey(obj: JsonObject): boolean {
  for (const key in obj) if (isPath(key)) return true;
  return false;
}

/**
 * The object with its dotted keys expanded into nested objects, merged with
 * the objects already there: `{"error.code":"X","error":{"message":"m"}}`
 * reads as `{"error":{"message":"m","code":"X"}}`. A field written nested
 * wins over the same path written dotted, which is then kept as written, as
 * is a path that runs into a value that is no object.
 * @example expandDottedKeys({ 'error.code': 'Throttling.User' }) // { error: { code: 'Throttling.User' } }
 */
export function expandDottedKeys(obj: JsonObject): JsonObject {
  const out = copyOf(obj, (key) => !isPath(key));
  /** The objects made or copied here, which may be written into. */
  const own = new Set<JsonObject>([out]);
  for (const key of Object.keys(obj)) {
    if (!isPath(key)) continue;
    const parts = key.split('.');
    let at = out;
    let i = 0;
    for (; i < parts.length - 1; i++) {
      const next = at[parts[i]!];
      if (next === undefined) {
        const made = Object.create(null) as JsonObject;
        own.add(made);
        at = at[parts[i]!] = made;
      } else if (isObject(next)) {
        if (!own.has(next)) {
          const copied = copyOf(next, () => true);
          own.add(copied);
          at[parts[i]!] = copied;
          at = copied;
        } else at = next;
      } else break;
    }
    const leaf = parts[parts.length - 1]!;
    if (i === parts.length - 1 && !(leaf in at)) at[leaf] = obj[key]!;
    else out[key] = obj[key]!;
  }
  return out;
}

/**
 * Whether an array is a key/value list: every element an object of exactly
 * two fields, one pair of PAIR_FIELDS, whose name is a string.
 */
export function isKeyValueList(list: readonly unknown[]): boolean {
  if (list.length === 0) return false;
  const first = list[0] as Json;
  if (!isObject(first)) return false;
  const fields = PAIR_FIELDS.find(([name]) => typeof first[name] === 'string');
  if (fields === undefined) return false;
  const [name, value] = fields;
  for (const element of list as readonly Json[]) {
    if (!isObject(element) || typeof element[name] !== 'string' || !(value in element) || Object.keys(element).length !== 2) return false;
  }
  return true;
}

/**
 * Whether an array element is a part of an object's fields rather than a
 * record of its own: a key/value list's pair, or an OTLP typed value (an
 * `arrayValue`'s element).
 * @example isFieldElement({ key: 'k8s.pod.name', value: { stringValue: 'api-1' } }) // true
 */
export function isFieldElement(element: unknown): boolean {
  if (isKeyValueList([element])) return true;
  if (!isObject(element as Json)) return false;
  const keys = Object.keys(element as JsonObject);
  return keys.length === 1 && (SCALAR_VALUE_FIELDS.has(keys[0]!) || keys[0] === 'kvlistValue' || keys[0] === 'arrayValue');
}

/**
 * A key/value list (see isKeyValueList) read as one object, each value read
 * as OTLP writes it (see typedValue); a name listed twice keeps its last value,
 * as JSON.parse keeps a repeated key's.
 * @example keyValueObject([{ key: 'code', value: { stringValue: 'X' } }]) // { code: 'X' }
 */
export function keyValueObject(list: readonly unknown[]): JsonObject {
  const [name, value] = pairFields(list as readonly Json[]);
  const out = Object.create(null) as JsonObject;
  for (const element of list) {
    const pair = element as JsonObject;
    out[pair[name] as string] = typedValue(pair[value]!);
  }
  return out;
}

/** The names a key/value list gives its values, in order (for a list isKeyValueList accepts). */
export function keyValueNames(list: readonly unknown[]): string[] {
  const [name] = pairFields(list as readonly Json[]);
  return list.map((element) => (element as JsonObject)[name] as string);
}

function pairFields(list: readonly Json[]): readonly [string, string] {
  const first = list[0] as JsonObject;
  return PAIR_FIELDS.find(([n]) => typeof first[n] === 'string')!;
}

/**
 * What an OTLP AnyValue holds: `{"stringValue":"x"}` is `"x"`, an
 * `intValue` (written as a string, being 64 bits) a number where it is one
 * exactly, a `kvlistValue` an object, an `arrayValue` an array. Any other
 * value is itself.
 */
function typedValue(value: Json): Json {
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1) return value;
  const field = keys[0]!;
  const inner = value[field]!;
  if (SCALAR_VALUE_FIELDS.has(field)) return field === 'intValue' && typeof inner === 'string' ? exactInteger(inner) : inner;
  if ((field === 'kvlistValue' || field === 'arrayValue') && isObject(inner) && Object.keys(inner).length <= 1) {
    const values = inner['values'] ?? [];
    if (!Array.isArray(values)) return value;
    if (field === 'arrayValue') return values.map(typedValue);
    return values.length === 0 ? (Object.create(null) as JsonObject) : isKeyValueList(values) ? keyValueObject(values) : value;
  }
  return value;
}

/** `"404"` as 404; a string that is no safe integer stays a string. */
function exactInteger(text: string): Json {
  const n = Number(text);
  return /^-?\d{1,15}$/.test(text) && Number.isSafeInteger(n) ? n : text;
}

/** `a.b`, with no empty part and at most MAX_PATH_SEGMENTS parts. */
function isPath(key: string): boolean {
  const dot = key.indexOf('.');
  if (dot <= 0 || key.charCodeAt(key.length - 1) === 0x2e || key.includes('..')) return false;
  let parts = 1;
  for (let i = dot; i >= 0; i = key.indexOf('.', i + 1)) parts++;
  return parts <= MAX_PATH_SEGMENTS;
}

function copyOf(obj: JsonObject, keep: (key: string) => boolean): JsonObject {
  const out = Object.create(null) as JsonObject;
  for (const key of Object.keys(obj)) if (keep(key)) out[key] = obj[key]!;
  return out;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
