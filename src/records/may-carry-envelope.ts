import { KEY_CLASS_SLOTS, KEY_WITH_DOT, keyClassSlot, type JsonKeys } from '../lines/json-line-shape.js';
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

/** At most this many whitespace characters before a key's colon, as the patterns above allow (`\s{0,8}`). */
const MAX_GAP = 8;
/** DOTTED_KEY's reach: a key's last dot at most this many characters before its end. */
const MAX_AFTER_DOT = 128;

/**
 * Which words a key of some length and first character may be: LINE_WORD
 * and SHIPPER_WORD bits, indexed by `length * 128 + first character`, so
 * that most keys are settled by one look-up.
 */
const LINE_WORD = 1;
const SHIPPER_WORD = 2;
const MAX_WORD = 64;
const WORD_SLOTS = new Uint8Array((MAX_WORD + 1) * 128);
for (const word of LINE_FIELDS) WORD_SLOTS[wordSlot(word, 0, word.length)]! |= LINE_WORD;
for (const word of [...SHIPPER_LINE_FIELDS, ...SHIPPER_FIELDS]) WORD_SLOTS[wordSlot(word, 0, word.length)]! |= SHIPPER_WORD;
const LINE_WORDS: readonly string[] = [...LINE_FIELDS];
const SHIPPER_WORDS: readonly string[] = [...SHIPPER_LINE_FIELDS, ...SHIPPER_FIELDS];
/** Per slot of WORD_SLOTS, the words of each kind that have it: a key is compared with these alone. */
const LINE_WORDS_AT = wordsBySlot(LINE_WORDS);
const SHIPPER_WORDS_AT = wordsBySlot(SHIPPER_WORDS);

function wordsBySlot(words: readonly string[]): Map<number, readonly string[]> {
  const at = new Map<number, string[]>();
  for (const word of words) {
    const slot = wordSlot(word, 0, word.length);
    at.set(slot, [...(at.get(slot) ?? []), word]);
  }
  return at;
}

/** A key's slot in WORD_SLOTS, or 0 (no word) for a key longer than any word or led by a character beyond ASCII. */
function wordSlot(text: string, start: number, end: number): number {
  const first = text.charCodeAt(start);
  return end - start <= MAX_WORD && first < 128 ? (end - start) * 128 + first : 0;
}

/** Whether the key `text[start, end)`, whose slot is `slot`, is one of the words of `at` (LINE_WORDS_AT, SHIPPER_WORDS_AT). */
function isWord(at: Map<number, readonly string[]>, slot: number, text: string, start: number): boolean {
  const words = at.get(slot);
  if (words === undefined) return false;
  for (const word of words) if (text.startsWith(word, start)) return true;
  return false;
}

/**
 * The classes of keys the envelope check asks about, as a table for the
 * JSON walk (see keyClassSlot): a key that may be a line field, a shipper's
 * word, or journald's capitals. A line whose keys' classes (JsonKeys.classes)
 * have no line field, or no shipper's key, string or dot, carries no
 * envelope, and its keys need not be read one by one.
 */
const LINE_CLASS = 1;
const SHIPPER_CLASS = 2;
const CAPITALS_CLASS = 4;
export const ENVELOPE_KEY_CLASSES = new Uint8Array(KEY_CLASS_SLOTS);
for (const word of LINE_WORDS) ENVELOPE_KEY_CLASSES[keyClassSlot(word.length, word.charCodeAt(0))]! |= LINE_CLASS;
for (const word of SHIPPER_WORDS) ENVELOPE_KEY_CLASSES[keyClassSlot(word.length, word.charCodeAt(0))]! |= SHIPPER_CLASS;
for (let length = 3; length <= 65; length++) {
  for (let c = 0x41; c <= 0x5a; c++) ENVELOPE_KEY_CLASSES[keyClassSlot(length, c)]! |= CAPITALS_CLASS;
}

/**
 * mayCarryEnvelope for a line that is one JSON object without escapes (as
 * jsonObjectEnd accepts it), from its keys as that walk found them rather
 * than by searching the line again: in such a line a `"word"` followed by a
 * colon is always a key, and a `"` followed by `_` always opens a string, so
 * the answer is the same — a key that is a line field, and a string led by
 * `_`, a key with a dot, or a shipper's key.
 * @example keysMayCarryEnvelope(line, keys) === mayCarryEnvelope(line)
 */
export function keysMayCarryEnvelope(text: string, keys: JsonKeys): boolean {
  const { classes } = keys;
  if ((classes & LINE_CLASS) === 0 || (!keys.underscoreString && (classes & (SHIPPER_CLASS | CAPITALS_CLASS | KEY_WITH_DOT)) === 0)) return false;
  const { count, starts, ends, gaps, lastDots } = keys;
  let lineField = false;
  let shipper = keys.underscoreString;
  for (let k = 0; k < count; k++) {
    if (gaps[k]! > MAX_GAP) continue;
    const start = starts[k]!;
    const end = ends[k]!;
    if (end === start) continue;
    const at = wordSlot(text, start, end);
    const slot = WORD_SLOTS[at]!;
    if (!lineField && (slot & LINE_WORD) !== 0) lineField = isWord(LINE_WORDS_AT, at, text, start);
    if (!shipper) {
      const dot = lastDots[k]!;
      shipper = (dot >= 0 && end - dot - 1 <= MAX_AFTER_DOT) || ((slot & SHIPPER_WORD) !== 0 && isWord(SHIPPER_WORDS_AT, at, text, start)) || isCapitals(text, start, end);
    }
    if (lineField && shipper) return true;
  }
  return false;
}

/** `[A-Z][A-Z0-9_]{2,64}`, the whole key: journald's user fields. */
function isCapitals(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 3 || length > 65) return false;
  const first = text.charCodeAt(start);
  if (first < 0x41 || first > 0x5a) return false;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f)) return false;
  }
  return true;
}

/** The patterns built here, for the checks on every pattern of src/ (test/hostile/regex-complexity.test.ts). */
export const ENVELOPE_PATTERNS: readonly RegExp[] = [SHIPPER_KEY, LINE_FIELD];

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d;
}
