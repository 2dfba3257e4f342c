import { eachMatch } from './each-match.js';
import { MESSAGE_LABEL, TEA_MESSAGE_START, TENCENT_NODE_MESSAGE_START } from './patterns.js';

/** The longest message text looked for after its label. */
const MAX_MESSAGE_CHARS = 500;
/** Labels tried per record: each costs up to MAX_MESSAGE_CHARS, so a text repeating one costs bounded work. */
const MAX_LABELS = 16;

/**
 * The message of a Tea error text, `code: 400, <Message> request id: …`, or
 * null. The label is found by a literal pattern and the message cut with
 * indexOf, so the work is linear in the text.
 * @example findTeaMessage('code: 400, The specified GroupId already exists. request id: 7A3C…') // 'The specified GroupId already exists.'
 */
export function findTeaMessage(text: string): string | null {
  return afterLabel(text, TEA_MESSAGE_START, (line) => line.indexOf(' request id: ', 1));
}

/**
 * The message a Tencent SDK's error text carries, or null: the Node SDK's
 * `[TencentCloudSDKException]message:<msg>  requestId:…`, then Go/Python/Java's
 * `Message=<msg>, RequestId=…` / `message:<msg> requestId:…` (or to the end of the line).
 * @example findSdkMessage('[TencentCloudSDKError] Code=X, Message=Signature expired., RequestId=8c1d…') // 'Signature expired.'
 */
export function findSdkMessage(text: string): string | null {
  return (
    afterLabel(text, TENCENT_NODE_MESSAGE_START, (line) => beforeSpacedRequestId(line)) ??
    afterLabel(text, MESSAGE_LABEL, (line, lineEnds) => {
      const comma = line.indexOf(', RequestId=');
      const spaced = beforeSpacedRequestId(line);
      const ends = [comma, spaced].filter((i) => i >= 0);
      if (ends.length > 0) return Math.min(...ends);
      return lineEnds ? line.length : -1;
    })
  );
}

/**
 * Tries each match of `label` (at most MAX_LABELS): the rest of its line, up
 * to MAX_MESSAGE_CHARS (and one more, for a terminator that starts at the
 * limit), goes to `cut`, which says where the message ends (-1: not here).
 */
function afterLabel(text: string, label: RegExp, cut: (line: string, lineEnds: boolean) => number): string | null {
  let tries = 0;
  let message: string | null = null;
  eachMatch(label, text, (m) => {
    if (tries++ >= MAX_LABELS) return true;
    const from = m.index + m[0].length;
    const newline = text.indexOf('\n', from);
    const lineEnd = newline < 0 ? text.length : newline;
    const window = Math.min(lineEnd, from + MAX_MESSAGE_CHARS + 64);
    const line = text.slice(from, window);
    const end = cut(line, window === lineEnd && lineEnd - from <= MAX_MESSAGE_CHARS);
    if (end >= 0 && end <= MAX_MESSAGE_CHARS && line.slice(0, end).trim().length > 0) message = line.slice(0, end);
    return message !== null;
  });
  return message;
}

/** Where the whitespace before the first `requestId:` that has some starts, or -1. */
function beforeSpacedRequestId(line: string): number {
  for (let at = line.indexOf('requestId:'); at >= 0; at = line.indexOf('requestId:', at + 1)) {
    let start = at;
    while (start > 0 && isSpace(line.charCodeAt(start - 1))) start--;
    if (start < at) return start;
  }
  return -1;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0b || c === 0x0c || c === 0xa0;
}
