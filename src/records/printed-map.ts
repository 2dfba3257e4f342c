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
const NUMBER = /-?\d{1,20}(?:\.\d{1,20})?(?:[eE][+-]?\d{1,4})?/y;
/**
 * What may follow a map's string value: the next key, or closing brackets to
 * the line's end — the last of them the event's `]` (a JSON line's own `"}`
 * at the end of a line is text).
 */
const AFTER_MAP_VALUE = /(?:[}\]]*\]\r?$|[}\]]*, "[^"\n]{0,256}"=>)/y;
/** What may follow an array's string: the next element, or closing brackets to the line's end or the next key. */
const AFTER_ARRAY_VALUE = /(?:, |[}\]]+(?:\r?$|, |[}\]]))/y;

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
  NUMBER.lastIndex = at;
  const m = NUMBER.exec(text);
  return m === null ? null : { value: Number(m[0]), end: at + m[0].length, open: false };
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
 * shows to be its end (see AFTER_MAP_VALUE).
 */
function readString(text: string, at: number, context: Context, from = at + 1): Printed | null {
  const start = at + 1;
  for (let quote = text.indexOf('"', from); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    if (endsString(text, quote + 1, context)) return { value: text.slice(start, quote), end: quote + 1, open: false };
  }
  // A key never runs past its line; a value does when its text holds a line break.
  return context === 'key' ? null : { value: text.slice(start), end: text.length, open: true };
}

function endsString(text: string, after: number, context: Context): boolean {
  if (context === 'key') return text.startsWith('=>', after);
  const follows = context === 'map' ? AFTER_MAP_VALUE : AFTER_ARRAY_VALUE;
  follows.lastIndex = after;
  return follows.test(text);
}
