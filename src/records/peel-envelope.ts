import { decodeByteArray } from './decode-byte-array.js';
import { mergeDimensions, readDimensions, type Dimensions } from './envelope-dimensions.js';
import { isEventField, isShipperField, LINE_FIELDS, SHIPPER_LINE_FIELDS } from './envelope-fields.js';
import { isKeyValueList, keyValueNames } from './json-normal-form.js';

/** The line an envelope carried, with what the envelope says about it. */
export interface PeeledEnvelope {
  text: string;
  dimensions: Dimensions;
  /** The runtime split the line: its text goes on in the next envelope of the same stream. */
  partial: boolean;
}

/** Envelopes inside envelopes (an Elastic hit's `_source`) are followed this deep. */
export const MAX_NESTED = 4;
/** Docker's json-file writes these fields only; there a line without its newline is partial. */
const DOCKER_FIELDS = new Set(['log', 'stream', 'time', 'attrs']);

type JsonObject = Record<string, unknown>;

/**
 * Peels a parsed JSON object that is an envelope: a field carries the
 * application's line (see LINE_FIELDS) and the rest is a shipper's or a
 * platform's metadata. An object with a field an application's own event
 * has (an error, a code, a RequestId, an action, see EVENT_FIELDS), itself
 * or among an OpenTelemetry record's `attributes`, is no envelope: it is
 * that event — unless a shipper's line field carries a JSON line that holds
 * that field too, merged beside it by the shipper (see keysOfJsonLine).
 * A line field that shippers alone use (`log`, `MESSAGE`, `textPayload`…)
 * suffices; `message` or `msg` needs a shipper's
 * field beside it, or a pino or winston line would be taken apart. An
 * object whose only carrier is a nested envelope (Elastic's `_source`) is
 * peeled through it. Returns null for anything else.
 * @example peelEnvelope({ log: 'boom\n', stream: 'stderr', kubernetes: { pod_name: 'api-1' } }) // { text: 'boom', … }
 */
export function peelEnvelope(obj: JsonObject, depth = 0): PeeledEnvelope | null {
  let lineField: string | null = null;
  let text: string | null = null;
  for (const field of LINE_FIELDS) {
    if (!(field in obj)) continue;
    const found = lineText(obj[field], field);
    if (found === null || (found === '' && text !== null)) continue;
    text = found;
    lineField = field;
    // An empty line field gives way to a later one that holds a line (CLS's `LogJson` beside `RawLog`).
    if (found !== '') break;
  }
  if (lineField === null || text === null) return depth < MAX_NESTED ? peelNested(obj, depth) : null;
  let shipper = SHIPPER_LINE_FIELDS.has(lineField);
  /** The keys of the line itself when it is a JSON object a shipper's line field carries (see keysOfJsonLine). */
  let lineKeys: ReadonlySet<string> | undefined;
  for (const key of Object.keys(obj)) {
    if (key === lineField) continue;
    if (isEventField(key) || (key === 'attributes' && holdsEventField(obj[key]))) {
      if (shipper && (lineKeys ??= keysOfJsonLine(text)).has(key)) continue;
      return null;
    }
    shipper ||= isShipperField(key);
  }
  if (!shipper) return null;
  const partial = isPartial(obj, lineField, text);
  if (text.endsWith('\n')) text = text.slice(0, -1);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  // Fields merged from the line are the application's (its `hostname`), never the envelope's metadata.
  const metadata = lineKeys === undefined || lineKeys.size === 0 ? obj : withoutKeys(obj, lineKeys);
  return { text, dimensions: readDimensions(metadata, lineField), partial };
}

/** `obj` without `keys`, its own key order kept. */
export function withoutKeys(obj: JsonObject, keys: ReadonlySet<string>): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(obj)) if (!keys.has(key)) Object.defineProperty(out, key, { value: obj[key], enumerable: true });
  return out;
}

/**
 * The top-level keys of a line that is a JSON object, else none. A shipper
 * that parses such a line may merge its fields beside the line it keeps
 * (Fluent Bit's kubernetes filter with `Merge_Log On`): an event's field
 * the line itself holds is the line's, and the record is still an envelope.
 */
function keysOfJsonLine(text: string): ReadonlySet<string> {
  const at = text.search(/\S/);
  if (at < 0 || text.charCodeAt(at) !== 0x7b /* { */) return NO_KEYS;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? new Set(Object.keys(parsed)) : NO_KEYS;
  } catch {
    return NO_KEYS;
  }
}
const NO_KEYS: ReadonlySet<string> = new Set();

/** An object with no line of its own whose one envelope is a field's value (`{"_index":…,"_source":{…}}`). */
function peelNested(obj: JsonObject, depth: number): PeeledEnvelope | null {
  const nested = oneNested(obj, (value) => peelEnvelope(value, depth + 1));
  if (!nested) return null;
  const { found, field } = nested;
  return { ...found, dimensions: mergeDimensions(readDimensions(obj, field), found.dimensions) };
}

/**
 * What `read` finds in exactly one of `obj`'s object fields, and that
 * field's name; null where it finds it in none or in two (two lines in one
 * object are not one envelope), or where `obj` holds an event's field itself.
 */
export function oneNested<T>(obj: JsonObject, read: (value: JsonObject) => T | null): { found: T; field: string } | null {
  let inner: { found: T; field: string } | null = null;
  for (const key of Object.keys(obj)) {
    if (isEventField(key)) return null;
    const value = obj[key];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const found = read(value as JsonObject);
    if (found === null) continue;
    if (inner) return null;
    inner = { found, field: key };
  }
  return inner;
}

/**
 * The text a line field holds: a string; journald's `MESSAGE` as an array
 * of byte values (for a message with control characters or invalid UTF-8), decoded as
 * UTF-8; OpenTelemetry's `{"stringValue": …}`; Google Cloud Logging's
 * `jsonPayload` object and Azure Monitor's ContainerLogV2 `LogMessage` (a
 * JSON line kept as the object it parses to), as the JSON line it was. Null for anything else.
 */
export function lineText(value: unknown, field: string): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return field === 'MESSAGE' ? decodeByteArray(value) : null;
  if (field === 'jsonPayload' || field === 'LogMessage') return value !== null && typeof value === 'object' ? JSON.stringify(value) : null;
  if (value !== null && typeof value === 'object') {
    const string = (value as JsonObject)['stringValue'];
    if (typeof string === 'string' && Object.keys(value).length === 1) return string;
  }
  return null;
}

/**
 * Whether the envelope holds part of a line that the runtime split: CRI's
 * `P` tag as Fluent Bit's parsers keep it (`_p`, `logtag`), Docker's fluentd
 * driver's `partial_message`, or a Docker json-file line without its newline.
 */
function isPartial(obj: JsonObject, lineField: string, text: string): boolean {
  if (obj['logtag'] === 'P' || obj['_p'] === 'P') return true;
  const partial = obj['partial_message'];
  if (partial === true || partial === 'true') return obj['partial_last'] !== true && obj['partial_last'] !== 'true';
  // Docker's json-file writes its three fields always; a shipper's record with a bare `log` is no runtime's split.
  const docker = lineField === 'log' && 'stream' in obj && 'time' in obj && Object.keys(obj).every((key) => DOCKER_FIELDS.has(key));
  return docker && !text.endsWith('\n');
}

/**
 * Whether an OpenTelemetry log record's `attributes` (an object, or OTLP's
 * key/value list) hold an event's field: the application's own fields
 * (`error.code`, `request_id`…), which make the record an event, not an envelope.
 */
export function holdsEventField(attributes: unknown): boolean {
  if (Array.isArray(attributes)) {
    return isKeyValueList(attributes) && keyValueNames(attributes).some(isEventField);
  }
  return attributes !== null && typeof attributes === 'object' && Object.keys(attributes).some(isEventField);
}
