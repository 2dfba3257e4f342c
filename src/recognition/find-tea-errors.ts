import { CODE_SHAPE } from './patterns.js';

/** A Darabonba/Tea error text's code and HTTP status. */
export interface TeaError {
  code: string;
  status: number;
  /** Where the code starts in the text. */
  at: number;
}

const MARK = 'code: ';
const MAX_CODE = 330;

/**
 * Finds Tea's `<Code>: code: <status>, ` (and Python's `<Code> code: <status>, `)
 * by looking for the literal `code: NNN, ` and reading the code backwards from
 * it: linear, where a regular expression would retry a long code at every position.
 * @example findTeaErrors('InstanceNotFound: code: 404, Failed… request id: …') // [{ code: 'InstanceNotFound', status: 404 }]
 */
export function findTeaErrors(text: string): TeaError[] {
  const found: TeaError[] = [];
  for (let at = text.indexOf(MARK); at >= 0; at = text.indexOf(MARK, at + MARK.length)) {
    const digits = at + MARK.length;
    if (!isStatusAt(text, digits)) continue;
    let end = at;
    if (text.charCodeAt(end - 1) !== 0x20) continue;
    end--;
    if (text.charCodeAt(end - 1) === 0x3a /* : */) end--;
    let start = end;
    while (start > 0 && end - start < MAX_CODE && isCodeChar(text.charCodeAt(start - 1))) start--;
    const code = text.slice(start, end);
    if (CODE_SHAPE.test(code)) found.push({ code, status: Number(text.slice(digits, digits + 3)), at: start });
  }
  return found;
}

function isStatusAt(text: string, i: number): boolean {
  return isDigit(text.charCodeAt(i)) && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && text.startsWith(', ', i + 3);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Letters, digits, `_`, `.` and `%`: what a code (or a pattern code) is made of. */
function isCodeChar(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || isDigit(c) || c === 0x5f || c === 0x2e || c === 0x25;
}
