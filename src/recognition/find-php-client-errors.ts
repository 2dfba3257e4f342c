import { isCodeCharacter, isDigitAt, isLetter } from './code-characters.js';

/**
 * alibabacloud/client's (the PHP SDK) ServerException message, `<Code>:
 * <msg> RequestId: <id> <METHOD> "<uri>" <status>`, where an application
 * logged the message itself (`Log::error($e->getMessage())`), without the
 * exception's class the `alibaba-php-sdk-error` shape reads it after: the
 * tail from `RequestId:` on is the SDK's own; the code is the word before
 * one of the line's `: `, the one the catalog knows (`knows`), since a
 * message may hold colons of its own.
 */

const REQUEST_ID = ' RequestId: ';
/** The request's methods the SDK sends. */
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'];
/** How far before the tail a code is looked for. */
const MAX_MESSAGE = 2048;
const MAX_ID = 64;
const MAX_CODE = 128;

export interface PhpClientError {
  /** The word before a `: ` the catalog knows, or null. */
  code: string | null;
  requestId: string;
  /** The response's status, or null where the message ends at the URI. */
  status: number | null;
  /** Where the code (or the tail, without one) stands. */
  at: number;
}

/**
 * Every alibabacloud/client ServerException message in `text`.
 * @example findPhpClientErrors('ERROR: InstanceNotFound: Not found. RequestId: 5B8A… GET "https://…" 404', (c) => c === 'InstanceNotFound')
 * // [{ code: 'InstanceNotFound', requestId: '5B8A…', status: 404, at: 7 }]
 */
export function findPhpClientErrors(text: string, knows: (code: string) => boolean): PhpClientError[] {
  const found: PhpClientError[] = [];
  for (let tail = text.indexOf(REQUEST_ID); tail >= 0; tail = text.indexOf(REQUEST_ID, tail + REQUEST_ID.length)) {
    const idStart = tail + REQUEST_ID.length;
    let idEnd = idStart;
    while (idEnd - idStart <= MAX_ID && isIdCharacter(text.charCodeAt(idEnd))) idEnd++;
    if (idEnd - idStart < 8 || idEnd - idStart > MAX_ID || text.charCodeAt(idEnd) !== 0x20) continue;
    const status = requestAfter(text, idEnd + 1);
    if (status === undefined) continue;
    const lineStart = Math.max(text.lastIndexOf('\n', tail - 1) + 1, tail - MAX_MESSAGE);
    const at = knownBeforeColon(text, lineStart, tail, knows);
    found.push({ code: at === null ? null : codeAt(text, at), requestId: text.slice(idStart, idEnd), status, at: at ?? tail });
  }
  return found;
}

/**
 * After the RequestId: the method, the quoted URI and the status, as the
 * SDK appends them; the status (null where the message ends at the URI),
 * or undefined for any other text.
 */
function requestAfter(text: string, at: number): number | null | undefined {
  const method = METHODS.find((m) => text.startsWith(m, at) && text.startsWith(' "http', at + m.length));
  if (method === undefined) return undefined;
  const uriStart = at + method.length + 2;
  const close = text.indexOf('"', uriStart);
  const lineEnd = text.indexOf('\n', uriStart);
  if (close < 0 || (lineEnd >= 0 && close > lineEnd)) return undefined;
  if (text.charCodeAt(close + 1) !== 0x20 || !isDigitAt(text, close + 2) || !isDigitAt(text, close + 3) || !isDigitAt(text, close + 4) || isDigitAt(text, close + 5)) return null;
  return Number(text.slice(close + 2, close + 5));
}

/** Where the first word on the line before `tail` that ends at a `: ` and the catalog knows starts, at the line's start or after a space. */
function knownBeforeColon(text: string, lineStart: number, tail: number, knows: (code: string) => boolean): number | null {
  for (let colon = text.indexOf(': ', lineStart); colon >= 0 && colon < tail; colon = text.indexOf(': ', colon + 2)) {
    let start = colon;
    while (start > lineStart && colon - start < MAX_CODE && isCodeCharacter(text.charCodeAt(start - 1))) start--;
    if (start === colon || (start > lineStart && text.charCodeAt(start - 1) !== 0x20)) continue;
    if (isLetter(text.charCodeAt(start)) && knows(text.slice(start, colon))) return start;
  }
  return null;
}

/** The code that starts at `at` and ends at its `: `. */
function codeAt(text: string, at: number): string {
  return text.slice(at, text.indexOf(': ', at));
}

/** What a RequestId is made of: letters, digits and `-`. */
function isIdCharacter(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
}
