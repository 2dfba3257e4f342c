/**
 * AWS Lambda's own JSON log records (a function's log format set to JSON):
 * the runtime writes each log call as an object led by `timestamp` and
 * `level` that carries the invocation's `requestId` — Node's runtime
 * `{"timestamp","level","requestId","message",…}`, Python's
 * `{"timestamp","level","message","logger",…,"requestId",…}`. That id names
 * the invocation, not an API call: every line of the invocation carries it,
 * so it is no error's RequestId (two failed calls of one invocation are two
 * errors). The error the line logs is in `message`, `errorMessage` or
 * `stackTrace`, read as any other record's fields.
 */

type JsonObject = { [key: string]: unknown };

/**
 * Whether `line`, a parsed JSON log line, is a record the Lambda runtime
 * wrote: its first keys are the runtime's, in the runtime's order.
 * @example isLambdaRecord({ timestamp: '2026-11-22T09:44:35.085Z', level: 'ERROR', requestId: '79b4…', message: 'failed' }) // true
 */
export function isLambdaRecord(line: JsonObject): boolean {
  if (typeof line['requestId'] !== 'string' || !('message' in line)) return false;
  let i = 0;
  let third: string | undefined;
  let fourth: string | undefined;
  for (const key in line) {
    if (i === 0 && key !== 'timestamp') return false;
    if (i === 1 && key !== 'level') return false;
    if (i === 2) third = key;
    else if (i === 3) {
      fourth = key;
      break;
    }
    i++;
  }
  return third === 'requestId' || (third === 'message' && fourth === 'logger');
}

/** The record without the invocation's id. */
export function withoutInvocationId(line: JsonObject): JsonObject {
  const copy: JsonObject = {};
  for (const key in line) if (key !== 'requestId') Object.defineProperty(copy, key, { value: line[key], enumerable: true });
  return copy;
}
