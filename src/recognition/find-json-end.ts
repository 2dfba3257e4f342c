/** A body longer than this inside a line is not looked for. */
const MAX_BODY_CHARS = 256 * 1024;

/**
 * The index just past the JSON object that starts at `start` (a `{`),
 * honouring strings and escapes; -1 when it does not close in bounds.
 * @example findJsonEnd('x {"a":"}"} y', 2) // 11
 */
export function findJsonEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  const limit = Math.min(text.length, start + MAX_BODY_CHARS);
  for (let i = start; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (--depth === 0) return i + 1;
    }
  }
  return -1;
}
