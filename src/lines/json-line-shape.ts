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
 * The index just past the JSON object that starts at `at`, or -1 when there
 * is none of the accepted shape there. The caller checks that only
 * whitespace follows it on the line.
 * @example jsonObjectEnd('{"level":30,"req":{"url":"/"}} ', 0) // 30
 */
export function jsonObjectEnd(text: string, at: number): number {
  return text.charCodeAt(at) === 0x7b /* { */ ? objectEnd(text, at, 1) : NOT_JSON;
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

function objectEnd(text: string, at: number, depth: number): number {
  let i = skipWhitespace(text, at + 1);
  if (text.charCodeAt(i) === 0x7d /* } */) return i + 1;
  for (;;) {
    if (text.charCodeAt(i) !== 0x22 /* " */) return NOT_JSON;
    i = stringEnd(text, i);
    if (i === NOT_JSON) return NOT_JSON;
    i = skipWhitespace(text, i);
    if (text.charCodeAt(i) !== 0x3a /* : */) return NOT_JSON;
    i = valueEnd(text, skipWhitespace(text, i + 1), depth);
    if (i === NOT_JSON) return NOT_JSON;
    i = skipWhitespace(text, i);
    const c = text.charCodeAt(i);
    if (c === 0x7d /* } */) return i + 1;
    if (c !== 0x2c /* , */) return NOT_JSON;
    i = skipWhitespace(text, i + 1);
  }
}

function arrayEnd(text: string, at: number, depth: number): number {
  let i = skipWhitespace(text, at + 1);
  if (text.charCodeAt(i) === 0x5d /* ] */) return i + 1;
  for (;;) {
    i = valueEnd(text, i, depth);
    if (i === NOT_JSON) return NOT_JSON;
    i = skipWhitespace(text, i);
    const c = text.charCodeAt(i);
    if (c === 0x5d /* ] */) return i + 1;
    if (c !== 0x2c /* , */) return NOT_JSON;
    i = skipWhitespace(text, i + 1);
  }
}

/** A value inside a container at `depth`: a nested container may go one deeper, up to MAX_DEPTH. */
function valueEnd(text: string, at: number, depth: number): number {
  const c = text.charCodeAt(at);
  if (c === 0x22 /* " */) return stringEnd(text, at);
  if (c === 0x7b /* { */) return depth < MAX_DEPTH ? objectEnd(text, at, depth + 1) : NOT_JSON;
  if (c === 0x5b /* [ */) return depth < MAX_DEPTH ? arrayEnd(text, at, depth + 1) : NOT_JSON;
  if (c === 0x74 /* t */) return text.startsWith('true', at) ? at + 4 : NOT_JSON;
  if (c === 0x66 /* f */) return text.startsWith('false', at) ? at + 5 : NOT_JSON;
  if (c === 0x6e /* n */) return text.startsWith('null', at) ? at + 4 : NOT_JSON;
  return jsonNumberEnd(text, at);
}

/** Just past the closing quote of the string at `at`; -1 at an escape, a control character or the end. */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) return i + 1;
    if (c === 0x5c /* \ */ || c < 0x20) return NOT_JSON;
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
