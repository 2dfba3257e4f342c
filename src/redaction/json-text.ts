/**
 * Small readers of JSON text as written (no parse of the whole): where a
 * string closes, where spaces end, what a key is named. Shared by the
 * renderers that rewrite a record's JSON in place (redaction, replacing a
 * record's own `mqerr` key).
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** A key as JSON.parse reads it: escapes such as `\u0077` decoded, so a spelled-out name is still a name. */
export function keyName(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** The index of the quote closing the string that opens at `open`, or -1. */
export function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i;
  }
  return -1;
}

/** Where the JSON whitespace starting at `from` ends (the text's length at most). */
export function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    i++;
  }
  return i;
}
