/**
 * Whether a record's text is a Prometheus (or OpenMetrics) sample line,
 * `name{label="value",…} value [timestamp]`: a counter's labels name codes
 * (`mqerr_errors_total{code="InternalError"} 3`, an exporter's
 * `api_errors_total{code="LimitExceeded"}`), and a count of errors is no
 * error. Such a line is not read for shapes: a directory of logs may hold a
 * textfile collector's file, or a log may dump metrics.
 * @example isMetricSample('mqerr_errors_total{vendor="tencent",code="InternalError"} 3') // true
 * @example isMetricSample('publish failed {code="InternalError"} 3') // false
 */
export function isMetricSample(text: string): boolean {
  let end = text.length;
  // A blank line after the sample (a textfile's groups are apart) joins its record.
  while (end > 0 && (isBlank(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 0x0a)) end--;
  if (end === 0 || !isNameStart(text.charCodeAt(0))) return false;
  let at = 1;
  while (at < end && isNameChar(text.charCodeAt(at))) at++;
  if (text.charCodeAt(at) !== 0x7b /* { */ || !isNameStart(text.charCodeAt(at + 1))) return false;
  const close = text.lastIndexOf('}', end);
  const lineEnd = text.indexOf('\n', at);
  if (close < at || (lineEnd !== -1 && lineEnd < end) || text.indexOf('="', at) > close) return false;
  // The value, then an optional timestamp: `} 3`, `} 1.5e+03`, `} NaN`, `} +Inf 1795340676310`.
  const tail = text.slice(close + 1, end).split(' ');
  if (tail[0] !== '' || tail.length < 2 || tail.length > 3) return false;
  return SAMPLE_VALUE.test(tail[1]!) && (tail.length === 2 || SAMPLE_TIME.test(tail[2]!));
}

/** A sample's value: a float as Go writes one, `NaN`, `+Inf`, `-Inf`. */
const SAMPLE_VALUE = /^(?:[-+]?(?:\d{1,40}(?:\.\d{0,40})?|\.\d{1,40})(?:[eE][-+]?\d{1,4})?|[-+]?Inf|NaN)$/;
/** A sample's timestamp: epoch milliseconds (OpenMetrics: seconds, with a fraction). */
const SAMPLE_TIME = /^-?\d{1,20}(?:\.\d{1,9})?$/;

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f /* _ */ || c === 0x3a; /* : */
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39);
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x0d || c === 0x09;
}
