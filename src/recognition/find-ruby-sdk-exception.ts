/**
 * tencentcloud-sdk-ruby's TencentCloudSDKException as Ruby prints an
 * exception: its `message` is the API's message alone (the class overrides
 * it; only `to_s` gives the code and RequestId), so Logger's
 * `logger.error(e)`, an uncaught exception and `e.full_message` write
 * `<message> (TencentCloud::Common::TencentCloudSDKException)` — after
 * `-- : `, after `in 'method': ` — and Rails' exception report writes
 * `TencentCloud::Common::TencentCloudSDKException (<message>):`.
 */

const CLASS = 'TencentCloud::Common::TencentCloudSDKException';
const SUFFIX = ` (${CLASS})`;
const RAILS_OPEN = `${CLASS} (`;
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
  for (let at = text.indexOf(CLASS); at >= 0; at = text.indexOf(CLASS, at + CLASS.length)) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    let message: string | null = null;
    if (text.startsWith(SUFFIX, at - 2)) {
      // `<message> (Class)`: the message from the line's last `: ` before it, or from the line's start.
      const end = at - 2;
      const colon = text.lastIndexOf(': ', end - 1);
      const start = colon >= lineStart ? colon + 2 : lineStart;
      message = text.slice(start, end);
    } else if (text.startsWith(RAILS_OPEN, at)) {
      // Rails: `Class (<message>):`, the message to the line's last `):`.
      const start = at + RAILS_OPEN.length;
      const close = text.lastIndexOf('):', lineEnd);
      if (close > start) message = text.slice(start, close);
    }
    if (message !== null && message.length > 0 && message.length <= MAX_MESSAGE) found.push({ message, line });
  }
  return found;
}
