/** The first frame of a stack tencentcloud-sdk-nodejs throws from when the API answers with an error. */
const TENCENT_NODE_ANSWER_FRAME = '.parseResponse (';
/** The SDK's package, in the frame's path: `…/node_modules/tencentcloud-sdk-nodejs-common/tencentcloud/common/abstract_client.js`. */
const TENCENT_NODE_PACKAGE = 'tencentcloud-sdk-nodejs';
/** How far before its frame a stack's `Error: <message>` line may start. */
const MAX_HEADER = 2048;

/**
 * The message of tencentcloud-sdk-nodejs's exception logged by its stack
 * alone: the class names itself `Error` (`Error: The topic does not
 * exist.`), and its code and RequestId are properties a stack leaves out;
 * its first frame, the SDK's `parseResponse`, is where an API's error answer
 * (or an HTTP status other than 200) is thrown. A logger that writes an
 * error's message and frames without its name (consola's `[error] describe
 * failed <message>`) leaves no mark where the message starts: there it is
 * the longest of the line's endings, from a word's start on, that `known`
 * accepts. Null where the text holds no such stack.
 * @example findTencentNodeStackMessage('Error: The topic does not exist.\n    at CommonClient.parseResponse (/app/node_modules/tencentcloud-sdk-nodejs-common/tencentcloud/common/abstract_client.js:268:37)', () => false) // 'The topic does not exist.'
 */
export function findTencentNodeStackMessage(text: string, known: (message: string) => boolean): string | null {
  for (let frame = text.indexOf(TENCENT_NODE_ANSWER_FRAME); frame >= 0; frame = text.indexOf(TENCENT_NODE_ANSWER_FRAME, frame + 1)) {
    const frameStart = text.lastIndexOf('\n', frame) + 1;
    const inPackage = text.indexOf(TENCENT_NODE_PACKAGE, frame);
    if (frameStart === 0 || !isFrame(text, frameStart, frame) || inPackage < 0 || inPackage > lineEnd(text, frame)) continue;
    // The stack's first line, right before its first frame: `… Error: <message>`.
    const headerStart = text.lastIndexOf('\n', frameStart - 2) + 1;
    if (frameStart - headerStart > MAX_HEADER) continue;
    const header = text.substring(headerStart, frameStart - 1).replace(/\r$/, '');
    // `Error: `, or the class's own name where an application gave it one (`TencentCloudSDKHttpException: `).
    const error = header.lastIndexOf('Error: ');
    const exception = header.lastIndexOf('Exception: ');
    const [at, length] = exception > error ? [exception, 11] : [error, 7];
    if (at >= 0 && (at === 0 || at !== error || !isNameChar(header.charCodeAt(at - 1)))) return header.slice(at + length).trim() || null;
    if (at < 0) {
      const message = knownEnding(header.trimEnd(), known);
      if (message !== null) return message;
    }
  }
  return null;
}

/** The longest ending of `line` that starts a word (at its start or after a blank) and that `known` accepts, or null. */
function knownEnding(line: string, known: (message: string) => boolean): string | null {
  for (let at = 0; at < line.length; at = line.indexOf(' ', at) + 1 || line.length) {
    if (line.charCodeAt(at) === 0x20) continue;
    if (known(line.slice(at))) return line.slice(at);
  }
  return null;
}

/** Whether `text[start, at)` is a stack frame's start: blanks, `at `, a function's name. */
function isFrame(text: string, start: number, at: number): boolean {
  let i = start;
  while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
  if (!text.startsWith('at ', i)) return false;
  for (i += 3; i < at; i++) if (text.charCodeAt(i) === 0x20 && !text.startsWith('async ', i - 5)) return false;
  return true;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

function isNameChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24;
}
