/**
 * Whether an input whose first bytes are `firstBytes` is one JSON document
 * (read with JsonDocumentReader) rather than lines (plain text or NDJSON).
 * The rule, after a UTF-8 byte order mark and JSON whitespace (space, tab,
 * CR, LF) are skipped:
 *
 * - `[` followed, after whitespace, by `{`, `[` or `]`: an array of entries
 *   (or an empty one). A log line that starts with `[INFO]` or
 *   `[2026-11-22 …]` is not one: a letter or digit follows its `[`.
 * - `{` followed, after whitespace, by `"` or `}`, when that object does not
 *   close on its first line: a pretty-printed object. An object that closes
 *   on its first line is a line of NDJSON (or a log line that starts with
 *   one), so NDJSON is never taken for a document. When the sample ends
 *   before the first line does, the object is a line too: one JSON record,
 *   walked whole, so that nothing after a long payload is missed (a short
 *   whole input that is one document is recognized by the pipeline, which
 *   sees it end).
 * - Anything else (including a sample too short to decide) is not.
 *
 * @example startsJsonDocument(Buffer.from('[\n  {\n    "message": "x"')) // true
 * @example startsJsonDocument(Buffer.from('{"level":50,"msg":"x"}\n{"level":30')) // false
 * @example startsJsonDocument(Buffer.from('[INFO] started\n')) // false
 */
export function startsJsonDocument(firstBytes: Buffer): boolean {
  let i = 0;
  if (firstBytes[0] === 0xef && firstBytes[1] === 0xbb && firstBytes[2] === 0xbf) i = 3;
  i = skipSpace(firstBytes, i);
  const first = firstBytes[i];
  const next = firstBytes[skipSpace(firstBytes, i + 1)];
  if (first === 0x5b /* [ */) return next === 0x7b /* { */ || next === 0x5b || next === 0x5d /* ] */;
  if (first === 0x7b && (next === 0x22 /* " */ || next === 0x7d /* } */)) return !closesOnItsLine(firstBytes, i);
  return false;
}

/**
 * Whether the object at `at` closes before the line it starts on ends,
 * honouring strings and escapes. A sample that ends first counts as
 * closing: a line that long is read as a line.
 */
function closesOnItsLine(buf: Buffer, at: number): boolean {
  const end = buf.indexOf(0x0a, at);
  // A first line longer than the sample is read as a line: one JSON record, walked whole.
  if (end < 0) return true;
  return firstValueEnd(buf, at, end) > 0;
}

/**
 * Where the JSON object or array that opens at `at` ends (the offset after
 * its closing bracket), honouring strings and escapes, looking no further
 * than `end`; -1 when it is still open there.
 * @example firstValueEnd(Buffer.from('{"a":"}"}{"b":1}'), 0, 16) // 9
 */
export function firstValueEnd(buf: Buffer, at: number, end: number): number {
  let depth = 0;
  let inString = false;
  for (let i = at; i < end; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if ((c === 0x7d || c === 0x5d) && --depth === 0) return i + 1;
  }
  return -1;
}

function skipSpace(buf: Buffer, from: number): number {
  let i = from;
  for (let c = buf[i]; c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = buf[++i]);
  return i;
}
