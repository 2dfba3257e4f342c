import { closingQuote, keyName, skipSpace } from './json-text.js';
import { REDACTED, SECRET_KEY, endOfComposite, redactSecrets } from './redact-secrets.js';

const QUOTE = 0x22;

/**
 * Redacts credentials in the text of a JSON record without re-serializing
 * it (key order, number spelling and duplicate keys stay as written): the
 * value of a key that names a credential (`"SecretKey"`, `"Authorization"`,
 * spelled with JSON escapes too: `"pass\u0077ord"`) becomes `"[REDACTED]"`,
 * whatever its type — a string, a number, an array, an object — and every
 * other string has `redactSecrets` applied inside it. One pass, no
 * recursion; the result is valid JSON when the input is.
 * @example redactJsonText('{"SecretKey":42,"url":"/?Signature=abc"}') // '{"SecretKey":"[REDACTED]","url":"/?Signature=[REDACTED]"}'
 */
export function redactJsonText(text: string): string {
  const out: string[] = [];
  let copied = 0;
  let secretValue = false;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== QUOTE) {
      i++;
      continue;
    }
    const end = closingQuote(text, i);
    if (end < 0) break;
    const content = text.slice(i + 1, end);
    const next = skipSpace(text, end + 1);
    if (text.charCodeAt(next) === 0x3a /* : */) {
      secretValue = SECRET_KEY.test(keyName(content));
      i = next + 1;
      if (!secretValue) continue;
      const value = skipSpace(text, i);
      const first = text.charCodeAt(value);
      if (first === QUOTE) continue;
      // A number, true, false, null, an array or an object under a credential key: replaced whole.
      const valueEnd = first === 0x7b || first === 0x5b ? endOfComposite(text, value) : endOfScalar(text, value);
      out.push(text.slice(copied, value), `"${REDACTED}"`);
      copied = valueEnd;
      secretValue = false;
      i = valueEnd;
      continue;
    }
    const redacted = secretValue ? REDACTED : redactSecrets(content);
    secretValue = false;
    if (redacted !== content) {
      out.push(text.slice(copied, i + 1), redacted);
      copied = end;
    }
    i = end + 1;
  }
  out.push(text.slice(copied));
  return out.join('');
}

function endOfScalar(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) break;
    i++;
  }
  return i;
}
