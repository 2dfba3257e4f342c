import { peelEnvelope } from './peel-envelope.js';
import type { UnwrappedLine } from './unwrap-line.js';

/**
 * A shipper's record written as logfmt: Vector's `logfmt` codec (a file or
 * console sink) writes each event's fields as `key=value` pairs, nested
 * objects flattened with dots and every key sorted, a value quoted where it
 * holds a blank, `=` or `"` (`\"`, `\\` and `\n` escaped inside), so the
 * application's line is one quoted `message=` among the event's metadata
 * and its time comes last (`file=… kubernetes.pod_name=… message="…"
 * source_type=kubernetes_logs stream=stderr timestamp=2026-…Z`).
 */

/** The field Vector gives every event, and no application's logfmt line has. */
const SOURCE_TYPE = 'source_type=';
/** At most this many pairs are read from a line. */
const MAX_PAIRS = 256;

/**
 * The line a Vector logfmt record carries, with the record's metadata as
 * its dimensions (as peelEnvelope reads an envelope); null for any other
 * line: one that is not wholly `key=value` pairs, names no `source_type`,
 * or is no envelope (an application's event fields beside its message).
 * @example takeLogfmtEnvelope('host=node-1 message="boom" source_type=file timestamp=2026-11-22T09:44:34.085Z')?.text // 'boom'
 */
export function takeLogfmtEnvelope(line: string): UnwrappedLine | null {
  if (!mayBeLogfmtEnvelope(line, 0, line.length)) return null;
  const pairs = readLogfmtPairs(line);
  if (pairs === null || !('source_type' in pairs)) return null;
  const peeled = peelEnvelope(pairs);
  return peeled && { text: peeled.text, origin: peeled.dimensions, partial: peeled.partial };
}

/**
 * Whether `text[from, to)` may be a record takeLogfmtEnvelope takes (it
 * takes none other): it starts with a key led by a letter, `_` or `@` and
 * its `=`, and holds `source_type=` — read on the line's first word, and
 * searched in the line alone (`text` may be a whole block's view).
 * @example mayBeLogfmtEnvelope('file=/var/log/a.log message=x source_type=file', 0, 46) // true
 */
export function mayBeLogfmtEnvelope(text: string, from: number, to: number): boolean {
  const first = text.charCodeAt(from);
  if (!((first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a) || first === 0x5f || first === 0x40)) return false;
  // A key's characters up to its `=`: a class name before `: ` (`com.tencentcloudapi….TencentCloudSDKException:`) stops at its colon.
  const limit = Math.min(to, from + MAX_KEY);
  let i = from + 1;
  for (let c = text.charCodeAt(i); i < limit && c < 128 && KEY_CHARACTERS[c] === 1; c = text.charCodeAt(++i));
  if (i >= limit || text.charCodeAt(i) !== 0x3d /* = */) return false;
  return text.substring(from, to).includes(SOURCE_TYPE);
}

/** The longest first key looked for. */
const MAX_KEY = 256;

/**
 * A line that is wholly logfmt pairs, as an object of strings (a key
 * alone is `true`'s flattening: the empty string); null for any other line.
 * @example readLogfmtPairs('a=1 b="x \\"y\\"" c') // { a: '1', b: 'x "y"', c: '' }
 */
export function readLogfmtPairs(line: string): Record<string, string> | null {
  const pairs: Record<string, string> = {};
  let count = 0;
  let i = 0;
  const end = line.length;
  while (i < end) {
    const keyStart = i;
    while (i < end && isKeyCharacter(line.charCodeAt(i))) i++;
    if (i === keyStart || ++count > MAX_PAIRS) return null;
    const key = line.slice(keyStart, i);
    let value = '';
    if (line.charCodeAt(i) === 0x3d /* = */) {
      i++;
      if (line.charCodeAt(i) === 0x22 /* " */) {
        const read = readQuoted(line, i + 1);
        if (read === null) return null;
        value = read.value;
        i = read.end;
      } else {
        const valueStart = i;
        while (i < end && line.charCodeAt(i) !== 0x20 && line.charCodeAt(i) !== 0x22) i++;
        value = line.slice(valueStart, i);
      }
    }
    if (i < end) {
      if (line.charCodeAt(i) !== 0x20) return null;
      i++;
    }
    Object.defineProperty(pairs, key, { value, enumerable: true, configurable: true, writable: true });
  }
  return count === 0 ? null : pairs;
}

/** A quoted value from just after its opening quote: the value with its escapes undone, and where its closing quote ends. */
function readQuoted(line: string, from: number): { value: string; end: number } | null {
  let value = '';
  let start = from;
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x22 /* " */) return { value: value + line.slice(start, i), end: i + 1 };
    if (c !== 0x5c /* \ */) continue;
    const next = line.charAt(i + 1);
    value += line.slice(start, i) + (next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next);
    i++;
    start = i + 1;
  }
  return null;
}

/** A key's characters: letters, digits and `_ . @ / - [ ]` (flattened paths: `kubernetes.pod_labels.app`, `pod_ips[0]`), as a table of ASCII. */
const KEY_CHARACTERS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letterOrDigit = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  KEY_CHARACTERS[c] = letterOrDigit || '_.@/-[]'.includes(String.fromCharCode(c)) ? 1 : 0;
}

function isKeyCharacter(c: number): boolean {
  return c < 128 && KEY_CHARACTERS[c] === 1;
}
