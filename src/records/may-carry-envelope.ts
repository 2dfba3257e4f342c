import { LINE_FIELDS, SHIPPER_FIELDS, SHIPPER_LINE_FIELDS } from './envelope-fields.js';

/** Field names as alternatives of a pattern; each is a plain word, which needs no escaping. */
function quoted(fields: Iterable<string>): string {
  const words = [...fields];
  const odd = words.find((w) => !/^[\w@]+$/.test(w));
  if (odd !== undefined) throw new Error(`envelope field ${JSON.stringify(odd)} is not a plain word`);
  return words.join('|');
}

/**
 * Any key a shipper writes: a line field only shippers name (`"log":`,
 * `"MESSAGE":`…) or a shipper's field (`"kubernetes":`); and the forms of
 * such keys (see isShipperField): `_`-led or a journald field in capitals,
 * or a flattened path, found from its dot (a search that starts at every
 * quote would cost more).
 */
const SHIPPER_KEY = new RegExp(`"(?:${quoted(SHIPPER_LINE_FIELDS)}|${quoted(SHIPPER_FIELDS)}|[A-Z][A-Z0-9_]{2,64})"\\s{0,8}:`);
const DOTTED_KEY = /\.[^".]{0,128}"\s{0,8}:/;

/** Any line field. */
const LINE_FIELD = new RegExp(`"(?:${quoted(LINE_FIELDS)})"\\s{0,8}:`);

/**
 * Whether `text[from, to)` may be, or end with, an envelope that
 * peelEnvelope would take apart: a JSON object naming a line field and, for
 * the fields applications use too (`message`, `msg`), a shipper's field; or
 * a line ending in a JSON object after a prefix (Fluentd's
 * `<time>\t<tag>\t{…}`, Fluent Bit's `<tag>: [<time>, {…}]`). Derived from
 * the same vocabulary as the peeler, and a superset of what it takes, so a
 * line it turns away has no envelope. Works on a decoded line or a block's
 * Latin-1 view alike (every word it looks for is ASCII). Keys are taken as
 * JSON writers write them: at most 8 spaces before their colon.
 * @example mayCarryEnvelope('{"level":30,"msg":"ok"}', 0, 23) // false
 */
export function mayCarryEnvelope(text: string, from = 0, to = text.length): boolean {
  let start = from;
  while (start < to && isSpace(text.charCodeAt(start))) start++;
  let end = to;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  const last = text.charCodeAt(end - 1);
  if (last !== 0x7d /* } */ && last !== 0x5d /* ] */) return false;
  const line = text.slice(start, end);
  if (line.charCodeAt(0) !== 0x7b /* { */) return line.includes('{"');
  // A `\u` escape can spell any key once parsed.
  if (line.includes('\\u')) return true;
  if (!LINE_FIELD.test(line)) return false;
  // A `_`-led key (`"_SYSTEMD_UNIT":`, `"_source":`) and a dot (`"k8s.pod.name":`) are found by plain searches first.
  if (line.includes('"_')) return true;
  if (line.includes('.') && DOTTED_KEY.test(line)) return true;
  return SHIPPER_KEY.test(line);
}

/** The patterns built here, for the checks on every pattern of src/ (test/hostile/regex-complexity.test.ts). */
export const ENVELOPE_PATTERNS: readonly RegExp[] = [SHIPPER_KEY, LINE_FIELD];

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}
