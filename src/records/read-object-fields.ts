import { isScalarByte } from './json-scalar.js';

/**
 * The fields of a JSON object read so far that describe what follows: the
 * bytes are the object from its `{` up to a member still being read (whose
 * value is an array of entries, see json-document-reader.ts), and every
 * completed member whose value is a scalar or an object of at most
 * `maxFieldBytes` bytes is kept. Arrays are left out whatever their size:
 * they are the entries of the document, not a description of them.
 * The bytes are expected to have been checked for structure already; null
 * when a kept field is still not valid JSON (a bad escape, say).
 * @example
 * readObjectFields(Buffer.from('{"stream":{"app":"mq"},"n":1,"values":'), 1024) // { stream: { app: 'mq' }, n: 1 }
 */
export function readObjectFields(buf: Buffer, maxFieldBytes: number): Record<string, unknown> | null {
  const kept: string[] = [];
  let i = skipSpace(buf, 1);
  while (buf[i] === 0x22 /* " */) {
    const keyEnd = stringEnd(buf, i);
    let at = keyEnd < 0 ? -1 : skipSpace(buf, keyEnd);
    if (at < 0 || buf[at] !== 0x3a /* : */) break;
    at = skipSpace(buf, at + 1);
    const end = valueEnd(buf, at);
    // The member being read when the object's entries began: not a field.
    if (end < 0) break;
    if (buf[at] !== 0x5b /* [ */ && end - at <= maxFieldBytes) kept.push(`${buf.toString('utf8', i, keyEnd)}:${buf.toString('utf8', at, end)}`);
    i = skipSpace(buf, end);
    if (buf[i] !== 0x2c /* , */) break;
    i = skipSpace(buf, i + 1);
  }
  try {
    // One parse of the kept members, so a key such as "__proto__" stays an own property, as JSON.parse makes it.
    return JSON.parse(`{${kept.join(',')}}`) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Just past the value at `at`; -1 when it does not end inside `buf`. */
function valueEnd(buf: Buffer, at: number): number {
  const c = buf[at];
  if (c === undefined) return -1;
  if (c === 0x22) return stringEnd(buf, at);
  if (c === 0x7b /* { */ || c === 0x5b /* [ */) return containerEnd(buf, at);
  let i = at;
  while (i < buf.length && isScalarByte(buf[i]!)) i++;
  return i < buf.length && i > at ? i : -1;
}

/** Just past the closing quote of the string at `at`; -1 when it does not close inside `buf`. */
function stringEnd(buf: Buffer, at: number): number {
  for (let i = at + 1; i < buf.length; i++) {
    const c = buf[i];
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x22) return i + 1;
  }
  return -1;
}

/** Just past the object or array at `at`; -1 when it does not close inside `buf`. */
function containerEnd(buf: Buffer, at: number): number {
  let depth = 0;
  for (let i = at; i < buf.length; i++) {
    const c = buf[i];
    if (c === 0x22) {
      i = stringEnd(buf, i) - 1;
      if (i < 0) return -1;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if ((c === 0x7d /* } */ || c === 0x5d) /* ] */ && --depth === 0) return i + 1;
  }
  return -1;
}

function skipSpace(buf: Buffer, from: number): number {
  let i = from;
  for (let c = buf[i]; c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = buf[++i]);
  return i;
}
