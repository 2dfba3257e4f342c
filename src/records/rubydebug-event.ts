import { stripCarriageReturn } from '../lines/strip-carriage-return.js';

/**
 * Reads an event as Logstash's `rubydebug` codec prints it (the stdout
 * output's default: what `kubectl logs` of a Logstash pod shows), one
 * field per line, keys right-aligned, nested hashes and arrays indented:
 *
 *     {
 *            "message" => "2026-11-22 09:44:35.480 ERROR … requestId:6b6f…",
 *         "@timestamp" => 2026-11-22T09:44:35.480Z,
 *               "host" => {
 *             "name" => "api-7d9f"
 *         },
 *               "tags" => [
 *             [0] "_grokparsefailure"
 *         ]
 *     }
 *
 * Strings are Ruby's `inspect` of them (`\n`, `\t`, `\"`, `\\`, `\e`,
 * `\#`, `\u{…}` escaped), a timestamp is bare, numbers, `true`, `false` and
 * `nil` as Ruby writes them. The event's record is the whole block (the
 * lines after its `{` continue it); any line that is not of this form makes
 * the text no such event.
 */

/** Past this nesting a printed event is not read (Logstash's events nest a few levels). */
const MAX_DEPTH = 32;
/** A key is short: past this, a line is no field's. */
const MAX_KEY = 256;
/** `[3] ` before an array's element. */
const INDEX = /^\s*\[\d{1,9}\] /;
/** A bare value: a timestamp, a number, a symbol-like word (`true`, `false`, `nil`). */
const BARE = /^[^\s",{}[\]][^\s,]{0,63}$/;
const NUMBER = /^-?\d{1,40}(?:\.\d{1,40})?(?:e[-+]?\d{1,4})?$/;

type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

/**
 * The event a rubydebug block holds, as the object it printed; null when
 * `text` is not one (it must open with `{` alone on its first line and hold
 * `"key" => ` on its second).
 * @example readRubydebugEvent('{\n    "message" => "boom",\n    "@version" => "1"\n}') // { message: 'boom', '@version': '1' }
 */
export function readRubydebugEvent(text: string): Record<string, unknown> | null {
  if (!mayBeRubydebugEvent(text)) return null;
  const lines = text.split('\n');
  while (lines.length > 1 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const reader = { lines, at: 1 };
  const value = readHash(reader, 0);
  return value !== null && reader.at === lines.length ? value : null;
}

/** Whether `text` opens as a rubydebug block: `{` alone on its first line, `"key" => ` on its second. */
export function mayBeRubydebugEvent(text: string): boolean {
  let at = 0;
  while (text.charCodeAt(at) === 0x20) at++;
  if (text.charCodeAt(at) !== 0x7b /* { */) return false;
  at++;
  if (text.charCodeAt(at) === 0x0d) at++;
  if (text.charCodeAt(at) !== 0x0a) return false;
  const end = text.indexOf('\n', at + 1);
  return readKey(end < 0 ? text.slice(at + 1) : text.slice(at + 1, end)) !== null;
}

interface Reader {
  lines: string[];
  at: number;
}

/** A hash's fields, from the line after its `{` through its `}` line. */
function readHash(reader: Reader, depth: number): { [key: string]: Value } | null {
  const out: { [key: string]: Value } = {};
  while (reader.at < reader.lines.length) {
    const line = stripCarriageReturn(reader.lines[reader.at++]!);
    if (closes(line, '}')) return out;
    const key = readKey(line);
    if (!key) return null;
    const value = readValue(reader, line.slice(key.end), depth);
    if (value === undefined) return null;
    Object.defineProperty(out, key.name, { value, enumerable: true, writable: true, configurable: true });
  }
  return null;
}

/** An array's elements (`[0] value`), from the line after its `[` through its `]` line. */
function readArray(reader: Reader, depth: number): Value[] | null {
  const out: Value[] = [];
  while (reader.at < reader.lines.length) {
    const line = stripCarriageReturn(reader.lines[reader.at++]!);
    if (closes(line, ']')) return out;
    const index = INDEX.exec(line);
    if (!index) return null;
    const value = readValue(reader, line.slice(index[0].length), depth);
    if (value === undefined) return null;
    out.push(value);
  }
  return null;
}

/** The value written after a key or an index (and what follows it, for a hash or an array); undefined if it is none. */
function readValue(reader: Reader, written: string, depth: number): Value | undefined {
  const text = written.endsWith(',') ? written.slice(0, -1) : written;
  if (text === '{' || text === '[') {
    if (depth >= MAX_DEPTH) return undefined;
    return (text === '{' ? readHash(reader, depth + 1) : readArray(reader, depth + 1)) ?? undefined;
  }
  if (text === '{}') return {};
  if (text === '[]') return [];
  if (text.startsWith('"')) return text.length >= 2 && text.endsWith('"') && !endsEscaped(text) ? unescapeRuby(text.slice(1, -1)) : undefined;
  if (!BARE.test(text)) return undefined;
  if (text === 'nil') return null;
  if (text === 'true' || text === 'false') return text === 'true';
  return NUMBER.test(text) ? Number(text) : text;
}

/** `"key" => ` at a line's start, after its indentation: the key, unescaped, and where its value starts. */
function readKey(line: string): { name: string; end: number } | null {
  let at = 0;
  while (line.charCodeAt(at) === 0x20) at++;
  if (line.charCodeAt(at) !== 0x22 /* " */) return null;
  const start = ++at;
  const limit = Math.min(line.length, start + MAX_KEY);
  while (at < limit && line.charCodeAt(at) !== 0x22) at += line.charCodeAt(at) === 0x5c /* \ */ ? 2 : 1;
  if (at >= limit || !line.startsWith('" => ', at)) return null;
  return { name: unescapeRuby(line.slice(start, at)), end: at + 5 };
}

/** Whether a line closes the open hash or array: its bracket alone, a comma after it. */
function closes(line: string, bracket: string): boolean {
  const trimmed = line.trim();
  return trimmed === bracket || trimmed === `${bracket},`;
}

/** Whether the closing quote of a string is itself escaped (an odd run of backslashes before it). */
function endsEscaped(text: string): boolean {
  let backslashes = 0;
  for (let i = text.length - 2; i > 0 && text.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 1;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', e: '\u001b', a: '\u0007', b: '\b', f: '\f', v: '\v', s: ' ', '0': '\u0000' };

/** A string as Ruby's `inspect` escaped it, unescaped: `\n`, `\"`, `\\`, `\#`, `\e`, `\u00e9`, `\u{1F600}`, `\xE9`. */
function unescapeRuby(text: string): string {
  if (!text.includes('\\')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const next = text[++i]!;
    if (next === 'u' && text[i + 1] === '{') {
      const close = text.indexOf('}', i);
      const point = close > 0 ? Number.parseInt(text.slice(i + 2, close), 16) : Number.NaN;
      if (Number.isInteger(point) && point <= 0x10ffff) {
        out += String.fromCodePoint(point);
        i = close;
        continue;
      }
    }
    const hexLength = next === 'u' ? 4 : next === 'x' ? 2 : 0;
    const hex = hexLength > 0 ? text.slice(i + 1, i + 1 + hexLength) : '';
    if (hexLength > 0 && hex.length === hexLength && /^[0-9A-Fa-f]+$/.test(hex)) {
      out += String.fromCharCode(Number.parseInt(hex, 16));
      i += hexLength;
      continue;
    }
    out += ESCAPES[next] ?? next;
  }
  return out;
}
