/**
 * The vendors' Ruby SDK errors as Ruby prints an exception.
 *
 * tencentcloud-sdk-ruby's TencentCloudSDKException: its `message` is the API's message alone (the class overrides
 * it; only `to_s` gives the code and RequestId), so Logger's
 * `logger.error(e)`, an uncaught exception and `e.full_message` write
 * `<message> (TencentCloud::Common::TencentCloudSDKException)` — after
 * `-- : `, after `in 'method': ` — and Rails' exception report writes
 * `TencentCloud::Common::TencentCloudSDKException (<message>):`.
 */

const CLASS = 'TencentCloud::Common::TencentCloudSDKException';
/** The longest message read. */
const MAX_MESSAGE = 1024;

export interface RubySdkException {
  /** The API's message, as the exception carries it. */
  message: string;
  /** The line that holds it, to tell an API's answer from a transport failure. */
  line: string;
}

/**
 * Every tencentcloud-sdk-ruby exception Ruby printed in `text`.
 * @example findRubySdkExceptions("E, [2026-11-22T09:44:34.123456 #7] ERROR -- : The instance does not exist. (TencentCloud::Common::TencentCloudSDKException)")
 * // [{ message: 'The instance does not exist.', line: 'E, [… ERROR -- : The instance does not exist. (TencentCloud::Common::TencentCloudSDKException)' }]
 */
export function findRubySdkExceptions(text: string): RubySdkException[] {
  const found: RubySdkException[] = [];
  for (const printed of printedExceptions(text, CLASS)) {
    const message = printed.railsForm ? printed.before : afterLastColon(printed.before);
    if (message.length > 0 && message.length <= MAX_MESSAGE) found.push({ message, line: printed.line });
  }
  return found;
}

const CORE_CLASS = 'StandardError';
/** aliyunsdkcore's message ends with the request's relative URL: `<Message>, URL: /?<query>`. */
const CORE_URL = ', URL: /?';
/** What an RPC request's query holds: its action and its API version. */
const CORE_ACTION = /[?&]Action=[A-Za-z]+(?:&|$)/;
const CORE_VERSION = /[?&]Version=\d{4}-\d\d-\d\d(?:&|$)/;

/**
 * Every error of aliyunsdkcore's Ruby RPCClient Ruby printed in `text`:
 * on an answer with an error code it raises a StandardError whose message
 * is the API's message and the request's relative URL, `<Message>, URL:
 * /?<signed query>` (no code, no RequestId), which Logger, an uncaught
 * exception and Rails print as they print any exception. The message is
 * what stands before `, URL: `.
 * @example findRubyCoreErrors("E, [2026-11-22T10:40:00.870000 #7] ERROR -- : The specified GroupId already exists., URL: /?Action=CreateGroupId&Version=2020-04-20 (StandardError)")
 * // [{ message: 'The specified GroupId already exists.', line: '…' }]
 */
export function findRubyCoreErrors(text: string): RubySdkException[] {
  const found: RubySdkException[] = [];
  for (const printed of printedExceptions(text, CORE_CLASS)) {
    const at = printed.before.lastIndexOf(CORE_URL);
    if (at <= 0) continue;
    const query = printed.before.slice(at + CORE_URL.length - 1);
    if (!CORE_ACTION.test(query) || !CORE_VERSION.test(query)) continue;
    const head = printed.before.slice(0, at);
    const message = printed.railsForm ? head : afterLastColon(head);
    if (message.length > 0 && message.length <= MAX_MESSAGE) found.push({ message, line: printed.line });
  }
  return found;
}

interface PrintedException {
  /** What stands before ` (<class>)` on its line, or inside Rails' `<class> (…):`. */
  before: string;
  railsForm: boolean;
  line: string;
}

/**
 * Every exception of class `name` Ruby printed in `text`: `<message> (<name>)`
 * (Logger, `full_message`, an uncaught exception) or Rails' `<name> (<message>):`.
 */
function printedExceptions(text: string, name: string): PrintedException[] {
  const suffix = ` (${name})`;
  const railsOpen = `${name} (`;
  const found: PrintedException[] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (text.startsWith(suffix, at - 2)) {
      found.push({ before: text.slice(lineStart, at - 2), railsForm: false, line });
    } else if (text.startsWith(railsOpen, at) && (at === lineStart || !isNameCharacter(text.charCodeAt(at - 1)))) {
      // Rails: `Class (<message>):`, the message to the line's last `):`.
      const start = at + railsOpen.length;
      const close = text.lastIndexOf('):', lineEnd);
      if (close > start) found.push({ before: text.slice(start, close), railsForm: true, line });
    }
  }
  return found;
}

/** The message in what precedes an exception's class on its line: after the line's last `: ` (Logger's `-- : `, a frame's `in 'x': `), or all of it. */
function afterLastColon(before: string): string {
  const colon = before.lastIndexOf(': ');
  return colon >= 0 ? before.slice(colon + 2) : before;
}

function isNameCharacter(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x3a /* : */;
}
