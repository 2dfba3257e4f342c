/**
 * Reads, in place, the shape of nearly every pino, bunyan or winston line: a
 * JSON object without escapes whose containers nest at most three deep.
 * Everything accepted is valid JSON (RFC 8259, as JSON.parse reads it); what
 * is rejected may still be valid and is left to JSON.parse. Works on the
 * Latin-1 view of the bytes, where a string may hold any byte but `"`, `\`
 * and the control characters.
 *
 * Written as a single forward pass rather than a regular expression: the
 * grammar is LL(1), so each character is looked at once and hostile lines
 * cost time linear in their length.
 */

/** Containers (objects and arrays) nest at most this deep, the line's own object included. */
const MAX_DEPTH = 3;
const NOT_JSON = -1;

/**
 * The keys of a line's JSON object, at every depth, as jsonObjectEnd found
 * them: where each key's text starts and ends (its quotes excluded), how
 * many whitespace characters stand between its closing quote and its colon,
 * how deep its object is (1: the line's own) and where its value starts;
 * and whether any string, key or value, starts with `_`. Made once and
 * refilled line after line, so reading a line's keys allocates nothing.
 */
export class JsonKeys {
  count = 0;
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  gaps = new Int32Array(32);
  /** Where each key's last `.` is, or -1. */
  lastDots = new Int32Array(32);
  /** How deep each key's object is: 1 for the line's own object. */
  depths = new Int32Array(32);
  /** Where each key's value starts. */
  values = new Int32Array(32);
  underscoreString = false;
  /**
   * What the keys may be, at most: the union of each key's class in a table
   * of key classes (see keyClassSlot) and KEY_WITH_DOT for a key with a dot.
   * A bit not set is a class no key has; ANY_KEY_CLASS where not known
   * (this walk does not read the table; LineSearch's does).
   */
  classes = ANY_KEY_CLASS;
  /** The last `.` of the key just read (see keyEnd), for `add`. */
  keyDot = -1;

  clear(): void {
    this.count = 0;
    this.underscoreString = false;
    this.classes = ANY_KEY_CLASS;
  }

  /** Records the key just read by keyEnd, `gap` whitespace characters before its colon. */
  add(start: number, end: number, gap: number, depth: number, value: number): void {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.gaps[this.count] = gap;
    this.lastDots[this.count] = this.keyDot;
    this.depths[this.count] = depth;
    this.values[this.count] = value;
    this.count++;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const grown = (from: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const to = new Int32Array(size);
      to.set(from);
      return to;
    };
    this.starts = grown(this.starts);
    this.ends = grown(this.ends);
    this.gaps = grown(this.gaps);
    this.lastDots = grown(this.lastDots);
    this.depths = grown(this.depths);
    this.values = grown(this.values);
  }
}

/**
 * A table of key classes has one byte per slot: a key's slot is its length
 * (63 for any longer) and the low six bits of its first character, so keys
 * that share a slot share a class. A class is a set of bits the table's
 * maker chooses (bit 7 is KEY_WITH_DOT's); a key's class says what it may
 * be, never what it is.
 */
export const KEY_CLASS_SLOTS = 64 * 64;
/** Set in JsonKeys.classes when a key holds a `.`. */
export const KEY_WITH_DOT = 0x80;
/** Every class: nothing is known of the keys. */
export const ANY_KEY_CLASS = 0xff;

/** The slot in a table of key classes of a key `length` characters long that starts with the character `first`. */
export function keyClassSlot(length: number, first: number): number {
  return (Math.min(length, 63) << 6) | (first & 63);
}

/**
 * The index just past the JSON object that starts at `at`, or -1 when there
 * is none of the accepted shape there. The caller checks that only
 * whitespace follows it on the line. Given `keys`, it is cleared and then
 * filled with the object's keys (meaningful only when the object is
 * accepted).
 * @example jsonObjectEnd('{"level":30,"req":{"url":"/"}} ', 0) // 30
 */
export function jsonObjectEnd(text: string, at: number, keys: JsonKeys | null = null): number {
  keys?.clear();
  return text.charCodeAt(at) === 0x7b /* { */ ? objectEnd(text, at, 1, keys) : NOT_JSON;
}

/**
 * The index just past the JSON number at `at`, or -1 when none starts there.
 * @example jsonNumberEnd('-1.5e3,', 0) // 6
 */
export function jsonNumberEnd(text: string, at: number): number {
  let i = at;
  if (text.charCodeAt(i) === 0x2d /* - */) i++;
  const first = text.charCodeAt(i);
  if (first === 0x30 /* 0 */) i++;
  else if (isDigit(first)) i = digitsEnd(text, i);
  else return NOT_JSON;
  if (text.charCodeAt(i) === 0x2e /* . */) {
    if (!isDigit(text.charCodeAt(i + 1))) return NOT_JSON;
    i = digitsEnd(text, i + 1);
  }
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45 /* e E */) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d /* + - */) i++;
    if (!isDigit(text.charCodeAt(i))) return NOT_JSON;
    i = digitsEnd(text, i);
  }
  return i;
}

function objectEnd(text: string, at: number, depth: number, keys: JsonKeys | null): number {
  let i = skipWhitespace(text, at + 1);
  if (text.charCodeAt(i) === 0x7d /* } */) return i + 1;
  for (;;) {
    if (text.charCodeAt(i) !== 0x22 /* " */) return NOT_JSON;
    const keyAt = i;
    i = keys === null ? stringEnd(text, i, null) : keyEnd(text, i, keys);
    if (i === NOT_JSON) return NOT_JSON;
    const afterKey = i;
    i = skipWhitespace(text, i);
    if (text.charCodeAt(i) !== 0x3a /* : */) return NOT_JSON;
    const valueAt = skipWhitespace(text, i + 1);
    keys?.add(keyAt + 1, afterKey - 1, i - afterKey, depth, valueAt);
    i = valueEnd(text, valueAt, depth, keys);
    if (i === NOT_JSON) return NOT_JSON;
    i = skipWhitespace(text, i);
    const c = text.charCodeAt(i);
    if (c === 0x7d /* } */) return i + 1;
    if (c !== 0x2c /* , */) return NOT_JSON;
    i = skipWhitespace(text, i + 1);
  }
}

function arrayEnd(text: string, at: number, depth: number, keys: JsonKeys | null): number {
  let i = skipWhitespace(text, at + 1);
  if (text.charCodeAt(i) === 0x5d /* ] */) return i + 1;
  for (;;) {
    i = valueEnd(text, i, depth, keys);
    if (i === NOT_JSON) return NOT_JSON;
    i = skipWhitespace(text, i);
    const c = text.charCodeAt(i);
    if (c === 0x5d /* ] */) return i + 1;
    if (c !== 0x2c /* , */) return NOT_JSON;
    i = skipWhitespace(text, i + 1);
  }
}

/** A value inside a container at `depth`: a nested container may go one deeper, up to MAX_DEPTH. */
function valueEnd(text: string, at: number, depth: number, keys: JsonKeys | null): number {
  const c = text.charCodeAt(at);
  if (c === 0x22 /* " */) return stringEnd(text, at, keys);
  if (c === 0x7b /* { */) return depth < MAX_DEPTH ? objectEnd(text, at, depth + 1, keys) : NOT_JSON;
  if (c === 0x5b /* [ */) return depth < MAX_DEPTH ? arrayEnd(text, at, depth + 1, keys) : NOT_JSON;
  if (c === 0x74 /* t */) return text.startsWith('true', at) ? at + 4 : NOT_JSON;
  if (c === 0x66 /* f */) return text.startsWith('false', at) ? at + 5 : NOT_JSON;
  if (c === 0x6e /* n */) return text.startsWith('null', at) ? at + 4 : NOT_JSON;
  return jsonNumberEnd(text, at);
}

/** Just past the closing quote of the string at `at`; -1 at an escape, a control character or the end. */
function stringEnd(text: string, at: number, keys: JsonKeys | null): number {
  if (keys !== null && text.charCodeAt(at + 1) === 0x5f /* _ */) keys.underscoreString = true;
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) return i + 1;
    if (c === 0x5c /* \ */ || c < 0x20) return NOT_JSON;
  }
  return NOT_JSON;
}

/** stringEnd for a key whose place is recorded: notes its last `.` too (JsonKeys.keyDot). */
function keyEnd(text: string, at: number, keys: JsonKeys): number {
  if (text.charCodeAt(at + 1) === 0x5f /* _ */) keys.underscoreString = true;
  keys.keyDot = -1;
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) return i + 1;
    if (c === 0x2e /* . */) keys.keyDot = i;
    else if (c === 0x5c /* \ */ || c < 0x20) return NOT_JSON;
  }
  return NOT_JSON;
}

function digitsEnd(text: string, from: number): number {
  let i = from;
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** JSON whitespace; "\n" cannot occur inside a line. */
function skipWhitespace(text: string, from: number): number {
  let i = from;
  for (let c = text.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0d; c = text.charCodeAt(++i));
  return i;
}
