import { mergeDimensions, readDimensions, type Dimensions } from './envelope-dimensions.js';
import { isEventField, isShipperField, LINE_FIELDS, SHIPPER_LINE_FIELDS } from './envelope-fields.js';
import { holdsEventField, lineText, MAX_NESTED, oneNested, withoutKeys } from './peel-envelope.js';

type JsonObject = Record<string, unknown>;

/**
 * What the platform's metadata says about an exported event that is read
 * as the event it is, not peeled: a record whose application fields a
 * platform parsed beside its own (Datadog's Logs Search API: `attributes`
 * with `host`, `service`, `tags` and the application's fields in a nested
 * `attributes`; an Elastic hit whose `_source` holds an application's
 * JSON fields beside `kubernetes` and `host`). The object, or the one
 * object it nests the event in, carries a line field and a shipper's field
 * beside the event's fields; its dimensions are read from the platform's
 * fields alone (see isMetadata), so an application's own `hostname`, or a
 * `pod` inside its error, never names the host or the pod;
 * the time is the event's, read with it, not a wrapper's (null here).
 * Null where no such envelope stands around the event. Pure.
 * @example eventDimensions({ attributes: { host: 'node-1', tags: ['pod_name:api-1'], message: 'failed', attributes: { err: { code: 'X' } } } })
 * // { …, host: 'node-1', pod: 'api-1' }
 */
export function eventDimensions(obj: JsonObject, depth = 0): Dimensions | null {
  const lineField = LINE_FIELDS.find((field) => field in obj && lineText(obj[field], field) !== null);
  if (lineField !== undefined) {
    const left = new Set(Object.keys(obj).filter((key) => key !== lineField && !isMetadata(key, obj[key])));
    const metadata = left.size === 0 ? obj : withoutKeys(obj, left);
    const shipper = SHIPPER_LINE_FIELDS.has(lineField) || Object.keys(metadata).some((key) => key !== lineField && isShipperField(key));
    if (!shipper) return null;
    // The event's time is read with the event (see timeOneLevelDown), as its record's own, not as a wrapper's.
    return { ...readDimensions(metadata, lineField), time: null, zoned: false };
  }
  if (depth >= MAX_NESTED) return null;
  const nested = oneNested(obj, (value) => eventDimensions(value, depth + 1));
  return nested && mergeDimensions({ ...readDimensions(obj, nested.field), time: null, zoned: false }, nested.found);
}

/**
 * Whether a field beside an exported event's line is the platform's: not
 * one of the event's own (an error, a code, an `attributes` holding them),
 * and a value only a shipper writes so, or an object or list (`kubernetes`,
 * `host`, Datadog's `tags`). A scalar the application merged in beside
 * them (pino's `hostname`, `pid`) is its own.
 */
function isMetadata(key: string, value: unknown): boolean {
  if (isEventField(key) || (key === 'attributes' && holdsEventField(value))) return false;
  return isShipperField(key) || (value !== null && typeof value === 'object');
}
