import { parseTimestamp } from '../time/parse-time.js';
import { fillFromAwslogsStream, fillFromKubeletPath, NO_DIMENSIONS, type Dimensions } from './envelope-dimensions.js';
import type { UnwrappedLine } from './unwrap-line.js';

/**
 * `aws logs tail`'s default format, `<time> <log stream> <message>`, prints
 * its time as Python's `isoformat(timespec='microseconds')` in UTC:
 * `2026-11-22T09:44:34.085000+00:00 `. Only a stamp of this form is followed
 * by a log stream's name; kubectl's and stern's (nanoseconds, `Z`) never are.
 */
const AWS_TAIL_STAMP_LENGTH = 33;

/** The longest name CloudWatch Logs gives a log stream. */
const MAX_NAME = 512;

/** An EC2 instance id (the CloudWatch agent's default stream name), a UUID (CodeBuild's). */
const INSTANCE_OR_UUID = /^(?:i-[0-9a-f]{8,17}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
/** A name ending in a task's, a container's or a pod's generated id: `…-<32 or 64 hex>`, as Fluent Bit's and awslogs' streams do. */
const GENERATED_ID_END = /[-_./\]][0-9a-f]{32,64}(?:\.log)?$/;

/**
 * Whether the stamp `line[0, stampLength)` is `aws logs tail`'s (see
 * AWS_TAIL_STAMP_LENGTH): microseconds and a `±hh:mm` offset.
 */
export function isAwsTailStamp(line: string, stampLength: number): boolean {
  return stampLength === AWS_TAIL_STAMP_LENGTH && isAwsTailStampAt(line, 0);
}

/** `.ffffff±hh:mm ` where a stamp starting at `at` ends. */
function isAwsTailStampAt(text: string, at: number): boolean {
  const sign = text.charCodeAt(at + 26);
  return text.charCodeAt(at + 19) === 0x2e /* . */ && (sign === 0x2b /* + */ || sign === 0x2d /* - */) && text.charCodeAt(at + 29) === 0x3a /* : */;
}

/**
 * The log stream's name that `aws logs tail` put before a message (after its
 * stamp, see isAwsTailStamp), as the dimensions it gives — the stream, and
 * the container (an ECS task's awslogs stream, `<prefix>/<container>/<task
 * id>`) or the pod (Fluent Bit's `…var.log.containers.<pod>_<ns>_<container>-<id>.log`)
 * it names — and the message after it; null when the first word is no log
 * stream's. A name is told from an application's first word by its form:
 * it holds a `/` (awslogs, Lambda's `2026/11/22/[$LATEST]…`), or is an EC2
 * instance id or a UUID, or ends in a generated id; never a `:` or a `*`
 * (CloudWatch allows neither), never a level word or a time.
 * @example takeLogStream('ecs/inventory/0123456789abcdef0123456789abcdef Traceback (most recent call last):')
 * // { text: 'Traceback (most recent call last):', origin: { container: 'inventory', stream: 'logStream=ecs/inventory/…', … } }
 */
export function takeLogStream(text: string): { text: string; origin: Dimensions } | null {
  const end = text.indexOf(' ');
  const name = end < 0 ? text : text.slice(0, end);
  if (!isLogStreamName(name)) return null;
  const origin: Dimensions = { ...NO_DIMENSIONS, stream: `logStream=${name}` };
  if (name.includes('.log')) fillFromKubeletPath(origin, name);
  else fillFromAwslogsStream(origin, name);
  return { text: end < 0 ? '' : text.slice(end + 1), origin };
}

function isLogStreamName(name: string): boolean {
  if (name.length < 3 || name.length > MAX_NAME || !mayBeName(name, 0, name.length)) return false;
  if (name.includes('/')) return true;
  return INSTANCE_OR_UUID.test(name) || GENERATED_ID_END.test(name);
}

/** Whether `text[from, to)` holds no `:` or `*` and does not start as a path, a bracket, an object or a quotation does. */
function mayBeName(text: string, from: number, to: number): boolean {
  const first = text.charCodeAt(from);
  if (first === 0x2f /* / */ || first === 0x5b /* [ */ || first === 0x7b /* { */ || first === 0x22 /* " */ || first === 0x28 /* ( */) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a /* : */ || c === 0x2a /* * */) return false;
  }
  return true;
}

/**
 * Whether `text[from, to)`, the text after a leading time that ended at
 * `from`, may start with a log stream's name that takeLogStream takes: the
 * time before it is `aws logs tail`'s, and its first word has no `:` or
 * `*`. A superset, settled on the line's first characters.
 * @example mayStartWithLogStream('2026-11-22T09:44:34.085000+00:00 ecs/api/0123 boom', 33, 50) // true
 */
export function mayStartWithLogStream(text: string, from: number, to: number): boolean {
  const at = from - AWS_TAIL_STAMP_LENGTH;
  if (at < 0 || !isAwsTailStampAt(text, at)) return false;
  let end = from;
  const limit = Math.min(to, from + MAX_NAME + 1);
  while (end < limit && text.charCodeAt(end) !== 0x20) end++;
  return end - from >= 3 && mayBeName(text, from, end);
}

/**
 * `sam logs`' line (its CWPrettyPrintFormatter): the Lambda function's log
 * stream (`2026/11/22/[$LATEST]<32 hex>`), the event's time as Python's
 * `utcfromtimestamp(…).isoformat()` writes it (UTC without a zone; its
 * microseconds left out when they are 0), then the message, whose further
 * lines, where it has some, follow as they are.
 */
const SAM_LINE = /^(\d{4}\/\d\d\/\d\d\/\[[^\]\s]{1,64}\][0-9a-f]{32}) (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?) /;

/**
 * Removes `sam logs`' log stream and time (see SAM_LINE): the log stream
 * tells the function's instances apart, as `aws logs tail`'s does (see
 * takeLogStream), and the time is the line's wrapper time, in UTC; the
 * lines after it that carry no prefix are the same event's (its text runs
 * on). Null for a line with no such prefix.
 * @example takeSamLine('2026/11/22/[$LATEST]0123456789abcdef0123456789abcdef 2026-11-22T10:02:04.530000 boom')?.text // 'boom'
 */
export function takeSamLine(line: string): UnwrappedLine | null {
  const m = SAM_LINE.exec(line);
  if (!m) return null;
  // The event's further lines follow with no prefix: they are its, until the next event's line.
  return { text: line.slice(m[0].length), origin: { ...NO_DIMENSIONS, stream: `logStream=${m[1]!}`, time: parseTimestamp(`${m[2]!}Z`), zoned: true }, partial: false, runOn: 'opens' };
}

/**
 * Whether `text[from, to)` may start with `sam logs`' prefix (see
 * SAM_LINE): a date written with slashes, then `/[`. A superset of what
 * takeSamLine takes, settled on the line's first characters; Go's log
 * package's `2026/11/22 10:02:04 ` is not one.
 * @example mayStartSamLine('2026/11/22/[$LATEST]0123 x', 0, 25) // true
 */
export function mayStartSamLine(text: string, from: number, to: number): boolean {
  return to - from > 12 && text.charCodeAt(from + 4) === 0x2f && text.charCodeAt(from + 10) === 0x2f && text.charCodeAt(from + 11) === 0x5b;
}
