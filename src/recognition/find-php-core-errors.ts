import { isCodeCharacter, isDigitAt, isLetter } from './code-characters.js';

/**
 * aliyun-php-sdk-core's (the PHP SDK before alibabacloud/client)
 * ServerException, whose message is `<Code> <msg> HTTP Status: <status>
 * RequestID: <id>`: the tail is the SDK's own, the code the message's first
 * word. Where the message starts is what the text around it says: after
 * the exception's class (`ServerException: `, Monolog's
 * `ServerException(code: 0): `), or, where an application logged the
 * message itself, after one of the line's `: ` — the one whose word the
 * catalog knows (`knows`), since a message may hold colons of its own.
 */

/** The SDK's tail, then three digits and ` RequestID: `. */
const TAIL = ' HTTP Status: ';
const REQUEST_ID = ' RequestID: ';
/** An exception class right before its message. */
const CLASS_END = 'Exception';
/** How far before the tail a message's start is looked for. */
const MAX_MESSAGE = 2048;
/** A code: a letter, then letters, digits, `_` and dots (`InvalidAccessKeyId.NotFound`). */
const MAX_CODE = 128;

export interface PhpCoreError {
  /** The message's first word, or null where nothing says where the message starts. */
  code: string | null;
  status: number;
  /** Where the code (or the tail, without one) stands. */
  at: number;
}

/**
 * Every aliyun-php-sdk-core ServerException text in `text`.
 * @example findPhpCoreErrors('Uncaught ServerException: InstanceNotFound Not found. HTTP Status: 404 RequestID: 5B8A…', () => false)
 * // [{ code: 'InstanceNotFound', status: 404, at: 27 }]
 */
export function findPhpCoreErrors(text: string, knows: (code: string) => boolean): PhpCoreError[] {
  const found: PhpCoreError[] = [];
  for (let tail = text.indexOf(TAIL); tail >= 0; tail = text.indexOf(TAIL, tail + TAIL.length)) {
    const digits = tail + TAIL.length;
    if (!isDigitAt(text, digits) || !isDigitAt(text, digits + 1) || !isDigitAt(text, digits + 2) || !text.startsWith(REQUEST_ID, digits + 3)) continue;
    const status = Number(text.slice(digits, digits + 3));
    const lineStart = Math.max(text.lastIndexOf('\n', tail - 1) + 1, tail - MAX_MESSAGE);
    const start = afterClass(text, lineStart, tail) ?? knownAfterColon(text, lineStart, tail, knows);
    const code = start === null ? null : codeAt(text, start, tail);
    found.push({ code, status, at: code === null ? tail : start! });
  }
  return found;
}

/** Where the message starts after the last exception class before `tail` on its line (`Exception: `, `Exception(code: 0): `). */
function afterClass(text: string, lineStart: number, tail: number): number | null {
  const at = text.lastIndexOf(CLASS_END, tail);
  if (at < lineStart) return null;
  let i = at + CLASS_END.length;
  if (text.startsWith('(code: ', i)) {
    const close = text.indexOf('): ', i);
    if (close < 0 || close > tail) return null;
    return close + 3;
  }
  return text.startsWith(': ', i) ? i + 2 : null;
}

/** The first `: ` on the line before `tail` whose word after it the catalog knows. */
function knownAfterColon(text: string, lineStart: number, tail: number, knows: (code: string) => boolean): number | null {
  for (let colon = text.indexOf(': ', lineStart); colon >= 0 && colon < tail; colon = text.indexOf(': ', colon + 2)) {
    const code = codeAt(text, colon + 2, tail);
    if (code !== null && knows(code)) return colon + 2;
  }
  return null;
}

/** The code at `at`: a letter, then letters, digits, `_` and dots, ended by a space before `tail`; null for anything else. */
function codeAt(text: string, at: number, tail: number): string | null {
  if (!isLetter(text.charCodeAt(at))) return null;
  let i = at + 1;
  while (i < tail && i - at < MAX_CODE && isCodeCharacter(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x20 /* space */ || i > tail) return null;
  // A code does not end with its dot (`Not found.`).
  return text.charCodeAt(i - 1) === 0x2e ? null : text.slice(at, i);
}
