import { closingQuote, keyName, skipSpace } from '../redaction/json-text.js';
import { endOfComposite } from '../redaction/redact-secrets.js';

/**
 * The text of a JSON object without its top-level members named `key`
 * (however the name is spelled: `"mq\u0065rr"` is `mqerr` to a parser), so
 * a key mqerr adds is never a duplicate that a first-wins parser would read
 * from the log instead. Everything else stays as written; one pass, no
 * recursion. Text that is not an object is returned as it is.
 * @example dropJsonKey('{"a":1,"mqerr":{"x":1}}', 'mqerr') // '{"a":1}'
 */
export function dropJsonKey(text: string, key: string): string {
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== 0x7b /* { */) return text;
  const out: string[] = [];
  let copied = 0;
  // Where the member being read starts: after `{`, or at its preceding comma.
  let memberStart = i + 1;
  let first = true;
  i++;
  for (;;) {
    i = skipSpace(text, i);
    if (text.charCodeAt(i) !== 0x22 /* " */) break;
    const nameEnd = closingQuote(text, i);
    if (nameEnd < 0) break;
    const raw = text.slice(i + 1, nameEnd);
    let colon = skipSpace(text, nameEnd + 1);
    if (text.charCodeAt(colon) !== 0x3a) break;
    colon++;
    const valueStart = skipSpace(text, colon);
    const valueEnd = endOfValue(text, valueStart);
    if (valueEnd < 0) break;
    const after = skipSpace(text, valueEnd);
    const comma = text.charCodeAt(after) === 0x2c;
    if (keyName(raw) === key) {
      if (!first) {
        // `,"key":value` goes with its comma.
        out.push(text.slice(copied, memberStart));
        copied = valueEnd;
      } else if (comma) {
        // The first member goes with the comma after it; the next is first now.
        out.push(text.slice(copied, memberStart));
        copied = after + 1;
        i = after + 1;
        memberStart = i;
        continue;
      } else {
        out.push(text.slice(copied, memberStart));
        copied = valueEnd;
      }
    } else first = false;
    if (!comma) break;
    memberStart = after;
    i = after + 1;
  }
  if (copied === 0) return text;
  out.push(text.slice(copied));
  return out.join('');
}

/** Where the value starting at `from` ends, or -1 when the text ends first. */
function endOfValue(text: string, from: number): number {
  const c = text.charCodeAt(from);
  if (c === 0x22) {
    const end = closingQuote(text, from);
    return end < 0 ? -1 : end + 1;
  }
  if (c === 0x7b || c === 0x5b) return endOfCompositeUnbounded(text, from);
  let i = from;
  while (i < text.length) {
    const d = text.charCodeAt(i);
    if (d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === 0x09 || d === 0x0a || d === 0x0d) break;
    i++;
  }
  return i === from ? -1 : i;
}

function endOfCompositeUnbounded(text: string, from: number): number {
  const end = endOfComposite(text, from, Infinity);
  return end > text.length ? -1 : end;
}
