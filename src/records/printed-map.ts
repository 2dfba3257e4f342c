/**
 * Reads a value as msgpack-c's `msgpack_object_print` writes it, which is
 * how Fluent Bit's stdout output shows a record: maps as `{"key"=>value, …}`,
 * arrays as `[a, b]`, `nil`, `true`, numbers, and strings between quotes
 * written raw — a quote or a line break inside one is not escaped. So a
 * string ends at the quote that what follows shows to be its end: `=>` after
 * a key; after a value, closing brackets up to the line's end, or the next
 * key (`, "stream"=>`). A string still unended at the line's end (the log
 * line's own newline, or a multi-line record) leaves the value open: its
 * text continues on the lines after it.
 */

/** A value read, where its text ends, and whether a string of it runs past the line. */
export interface Printed {
  value: unknown;
  end: number;
  open: boolean;
}

type Context = 'key' | 'map' | 'array';

/** Past this nesting a printed value is not read (Kubernetes' metadata nests three deep). */
const MAX_DEPTH = 16;
/** A key is short: past this, a quote is no key's end. */
const MAX_KEY = 256;

/**
 * The value printed at `text[at]`, or null where the text is not a printed
 * value. Reads one line's text: a string that runs to its end is open.
 * @example readPrinted('{"log"=>"boom", "stream"=>"stderr"}', 0) // { value: { log: 'boom', stream: 'stderr' }, end: 35, open: false }
 */
export function readPrinted(text: string, at: number, context: Context = 'map', depth = 0): Printed | null {
  if (depth > MAX_DEPTH) return null;
  const c = text.charCodeAt(at);
  if (c === 0x7b /* { */) return readMap(text, at, depth);
  if (c === 0x5b /* [ */) return readArray(text, at, depth);
  if (c === 0x22 /* " */) return readString(text, at, context);
  for (const [word, value] of WORDS) if (text.startsWith(word, at)) return { value, end: at + word.length, open: false };
  const end = numberEnd(text, at);
  return end === at ? null : { value: Number(text.slice(at, end)), end, open: false };
}

/** Where a number msgpack-c printed (`-12`, `0.500000`, `1e+21`) that starts at `at` ends; `at` when none does. */
function numberEnd(text: string, at: number): number {
  let i = text.charCodeAt(at) === 0x2d /* - */ ? at + 1 : at;
  const digits = i;
  while (isDigit(text.charCodeAt(i))) i++;
  if (i === digits) return at;
  if (text.charCodeAt(i) === 0x2e /* . */ && isDigit(text.charCodeAt(i + 1))) for (i += 1; isDigit(text.charCodeAt(i)); i++);
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    let j = i + 1;
    if (text.charCodeAt(j) === 0x2b || text.charCodeAt(j) === 0x2d) j++;
    if (isDigit(text.charCodeAt(j))) for (i = j; isDigit(text.charCodeAt(i)); i++);
  }
  return i;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

const WORDS: ReadonlyArray<readonly [string, unknown]> = [
  ['nil', null],
  ['true', true],
  ['false', false],
];

function readMap(text: string, at: number, depth: number): Printed | null {
  const map: Record<string, unknown> = {};
  let i = at + 1;
  if (text.charCodeAt(i) === 0x7d /* } */) return { value: map, end: i + 1, open: false };
  for (;;) {
    const key = readString(text, i, 'key');
    if (key === null || key.open) return null;
    i = key.end + 2;
    const value = readMapValue(text, i, depth);
    if (value === null) return null;
    map[key.value as string] = value.value;
    if (value.open) return { value: map, end: text.length, open: true };
    i = value.end;
    if (text.charCodeAt(i) === 0x7d /* } */) return { value: map, end: i + 1, open: false };
    i += 2;
  }
}

/**
 * A map's value, followed by its map's `}` or `, `: a string whose first
 * possible end leaves neither after it ends at a later quote.
 */
function readMapValue(text: string, at: number, depth: number): Printed | null {
  if (text.charCodeAt(at) !== 0x22 /* " */) {
    const value = readPrinted(text, at, 'map', depth + 1);
    return value === null || value.open || closesOrContinuesMap(text, value.end) ? value : null;
  }
  for (let from = at + 1; ; ) {
    const value = readString(text, at, 'map', from);
    if (value === null || value.open || closesOrContinuesMap(text, value.end)) return value;
    from = value.end;
  }
}

function closesOrContinuesMap(text: string, at: number): boolean {
  return text.charCodeAt(at) === 0x7d /* } */ || text.startsWith(', ', at);
}

function readArray(text: string, at: number, depth: number): Printed | null {
  const array: unknown[] = [];
  let i = at + 1;
  if (text.charCodeAt(i) === 0x5d /* ] */) return { value: array, end: i + 1, open: false };
  for (;;) {
    const value = readPrinted(text, i, 'array', depth + 1);
    if (value === null) return null;
    array.push(value.value);
    if (value.open) return { value: array, end: text.length, open: true };
    i = value.end;
    if (text.charCodeAt(i) === 0x5d /* ] */) return { value: array, end: i + 1, open: false };
    if (!text.startsWith(', ', i)) return null;
    i += 2;
  }
}

/**
 * A raw string: it ends at the first quote from `from` on that what follows
 * shows to be its end (see endsString).
 */
function readString(text: string, at: number, context: Context, from = at + 1): Printed | null {
  const start = at + 1;
  for (let quote = text.indexOf('"', from); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    if (endsString(text, quote + 1, context)) return { value: text.slice(start, quote), end: quote + 1, open: false };
  }
  // A key never runs past its line; a value does when its text holds a line break.
  return context === 'key' ? null : { value: text.slice(start), end: text.length, open: true };
}

/**
 * Whether the quote before `after` ends a string: a key's when `=>`
 * follows; a map value's when the next key follows (`, "stream"=>`), or
 * closing brackets to the line's end, the last of them the event's `]` (a
 * JSON line's own `"}` at the end of a line is text); an array element's
 * when `, ` or closing brackets follow.
 */
function endsString(text: string, after: number, context: Context): boolean {
  if (context === 'key') return text.startsWith('=>', after);
  let i = after;
  let last = 0;
  for (let c = text.charCodeAt(i); c === 0x7d /* } */ || c === 0x5d /* ] */; c = text.charCodeAt(++i)) last = c;
  if (i === text.length || (i === text.length - 1 && text.charCodeAt(i) === 0x0d)) return context === 'array' ? last !== 0 : last === 0x5d;
  if (context === 'array') return text.startsWith(', ', i);
  return startsKey(text, i);
}

/** Whether `, "<key>"=>` starts at `at`. */
function startsKey(text: string, at: number): boolean {
  if (!text.startsWith(', "', at)) return false;
  const limit = Math.min(text.length, at + 3 + MAX_KEY);
  for (let i = at + 3; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) return text.startsWith('=>', i + 1);
    if (c === 0x0a) return false;
  }
  return false;
}
