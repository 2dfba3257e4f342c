/**
 * The own keys of the map a field is printed in, as runtimes print maps:
 * braced (Node's util.inspect `{ Data: [], RequestId: '…' }`, Python's repr
 * `{'Data': [], …}`, Ruby's inspect `{"Data"=>[], …}`, and PHP's var_export,
 * whose `array (` … `)` reads the same way), and PHP's print_r, whose
 * entries are lines at one indentation (`    [Data] => Array`) between `(`
 * and `)` lines four spaces less indented.
 */

/** How far around a field its map is read. */
const MAX_MAP_CHARS = 4096;
/** print_r indents a map's entries four spaces past its parentheses. */
const PRINT_R_STEP = 4;
/** The lines of a print_r map read at most. */
const MAX_PRINT_R_LINES = 256;
const KEY = /^[A-Za-z_$][\w$]*$/;
const PRINT_R_ENTRY = /^\[([^\]\n]{1,256})\] => /;
const VAR_EXPORT_OPEN = 'array (';

/**
 * The keys of the map whose field starts at `at` in `text` (a key's first
 * character: `RequestId`, its quote, or print_r's `[`), or null where no map
 * is found around it (the field stands in a list, or alone).
 * @example mapKeysAround("{ TotalCount: 1, RequestId: 'x' }", 17) // ['TotalCount', 'RequestId']
 */
export function mapKeysAround(text: string, at: number): string[] | null {
  if (text.charCodeAt(at) === 0x5b /* [ */) return printRKeys(text, at);
  const open = enclosingOpener(text, at);
  return open < 0 ? null : ownKeys(text.slice(open + 1, closingBracket(text, open)));
}

/** Where the `{` (or var_export's `array (`) of the map that holds `at` is, reading back over nested brackets and quoted strings; -1 if none near. */
function enclosingOpener(text: string, at: number): number {
  let depth = 0;
  let quote = 0;
  const stop = Math.max(0, at - MAX_MAP_CHARS);
  for (let i = at - 1; i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote && text.charCodeAt(i - 1) !== 0x5c /* \ */) quote = 0;
    } else if (c === 0x27 /* ' */ || c === 0x22 /* " */) quote = c;
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */ || c === 0x29 /* ) */) depth++;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */ || c === 0x28 /* ( */) {
      if (depth === 0) return c === 0x7b || (c === 0x28 && text.startsWith(VAR_EXPORT_OPEN, i - VAR_EXPORT_OPEN.length + 1)) ? i : -1;
      depth--;
    }
  }
  return -1;
}

/** Where the map opened at `open` closes (skipping nested brackets and quoted strings), or where reading it stops. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  const stop = Math.min(text.length, open + MAX_MAP_CHARS);
  for (let i = open + 1; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x27 || c === 0x22) i = stringEnd(text, i, c);
    else if (c === 0x7b || c === 0x5b || c === 0x28) depth++;
    else if (c === 0x7d || c === 0x5d || c === 0x29) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return stop;
}

/**
 * The keys written at the top level of a braced map's text (nested maps,
 * arrays and string values skipped): bare (`Data: `) or quoted (`'Data': `,
 * `"Data"=>`, `'Data' => `), before a colon or a `=>`.
 */
function ownKeys(body: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let token = '';
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x27 || c === 0x22) {
      const end = stringEnd(body, i, c);
      if (depth === 0) token = body.slice(i + 1, end);
      i = end;
      continue;
    }
    if (c === 0x7b || c === 0x5b || c === 0x28) depth++;
    else if (c === 0x7d || c === 0x5d || c === 0x29) depth--;
    else if (depth === 0 && (c === 0x3a /* : */ || (c === 0x3d /* = */ && body.charCodeAt(i + 1) === 0x3e /* > */))) {
      if (KEY.test(token.trim())) keys.push(token.trim());
      token = '';
      continue;
    }
    if (depth === 0 && (c === 0x2c /* , */ || c === 0x7b || c === 0x7d)) token = '';
    else if (depth === 0) token += body[i];
  }
  return keys;
}

/** Where the string quoted by `quote` at `at` ends (its closing quote; a backslash escapes), or the text's end. */
function stringEnd(text: string, at: number, quote: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === quote) return i;
  }
  return text.length;
}

/**
 * The keys of the print_r map whose entry starts at `at`: the entries at
 * that entry's indentation, up from it to the map's `(` line and down to its
 * `)` line (deeper lines are nested maps' or a value's). Null where the
 * entry is not indented as print_r indents one, or its map's bounds are not
 * in sight.
 */
function printRKeys(text: string, at: number): string[] | null {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const indent = at - lineStart;
  if (indent < PRINT_R_STEP || !onlySpaces(text, lineStart, at)) return null;
  const bound = indent - PRINT_R_STEP;
  const keys: string[] = [];
  let opened = false;
  // Up to the `(`: lines before the entry.
  let start = lineStart;
  for (let n = 0; n < MAX_PRINT_R_LINES && start > 0; n++) {
    const end = start - 1;
    start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    if (isBoundLine(line, bound, '(')) {
      opened = true;
      break;
    }
    collectEntry(line, indent, keys);
  }
  if (!opened) return null;
  // Down to the `)`: the entry's line and those after it.
  let from = lineStart;
  for (let n = 0; n < MAX_PRINT_R_LINES && from < text.length; n++) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    const line = text.slice(from, end);
    if (isBoundLine(line, bound, ')')) return keys;
    collectEntry(line, indent, keys);
    from = end + 1;
  }
  return null;
}

/** A print_r entry at exactly `indent` spaces: its key joins `keys`. */
function collectEntry(line: string, indent: number, keys: string[]): void {
  if (line.length <= indent || !onlySpaces(line, 0, indent) || line.charCodeAt(indent) !== 0x5b) return;
  const entry = PRINT_R_ENTRY.exec(line.slice(indent));
  if (entry) keys.push(entry[1]!);
}

/** A print_r map's `(` or `)` line: `indent` spaces, the parenthesis, nothing else (but a CR). */
function isBoundLine(line: string, indent: number, parenthesis: string): boolean {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  return text.length === indent + 1 && text.endsWith(parenthesis) && onlySpaces(text, 0, indent);
}

function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 0x20) return false;
  return true;
}
