import { eachMatch } from './each-match.js';
import { INSPECTED_REQUEST_ID } from './patterns.js';

/** How far back the object around a RequestId is looked for. */
const MAX_OBJECT_CHARS = 4096;

/**
 * The RequestId of an API's answer that a Node application printed with
 * util.inspect (`console.log(res)`, `%o`, winston's `%O`): an object literal
 * whose own keys are all PascalCase, as both vendors' response fields are,
 * with a `RequestId: '<id>'` and no `Error` or `Code` of its own.
 * @example findInspectedSuccess("response: { TotalCount: 1, Data: [], RequestId: '507f4e71-0be7-4801-8404-fea997f910dc' }") // '507f4e71-…'
 */
export function findInspectedSuccess(text: string): string | null {
  let found: string | null = null;
  eachMatch(INSPECTED_REQUEST_ID, text, (m) => {
    const open = enclosingBrace(text, m.index);
    if (open < 0) return false;
    const keys = ownKeys(text.slice(open + 1, m.index));
    if (keys.length === 0 || keys.some((k) => !/^[A-Z]/.test(k) || k === 'Error' || k === 'Code')) return false;
    found = m[1]!;
    return true;
  });
  return found;
}

/** Where the `{` of the object that holds `at` is, reading back over nested brackets and quoted strings; -1 if none near. */
function enclosingBrace(text: string, at: number): number {
  let depth = 0;
  let quote = 0;
  const stop = Math.max(0, at - MAX_OBJECT_CHARS);
  for (let i = at - 1; i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote && text.charCodeAt(i - 1) !== 0x5c /* \ */) quote = 0;
    } else if (c === 0x27 /* ' */ || c === 0x22 /* " */) quote = c;
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth++;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (depth === 0) return c === 0x7b ? i : -1;
      depth--;
    }
  }
  return -1;
}

/** The keys written at the top level of an object literal's text (nested objects, arrays and strings skipped). */
function ownKeys(body: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let quote = 0;
  let token = '';
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (quote !== 0) {
      if (c === 0x5c) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 0x27 || c === 0x22) quote = c;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
    else if (depth === 0 && c === 0x3a /* : */ && /^[A-Za-z_$][\w$]*$/.test(token.trim())) keys.push(token.trim());
    if (depth === 0 && (c === 0x2c /* , */ || c === 0x7b || c === 0x7d)) token = '';
    else if (depth === 0 && c !== 0x3a) token += body[i];
  }
  return keys;
}
