/** Codes the generated lines cycle through: throttling, not-found, auth, server. */
const CODES = ['RequestLimitExceeded', 'ResourceNotFound.Instance', 'AuthFailure.SignatureExpire', 'InternalError'];

/** A Tencent-style RequestId unique to `n`. */
export function requestId(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `0c0ffee0-1234-4abc-8def-${hex}`;
}

/**
 * Lines `from` to `from + count - 1` of a made-up application log: every
 * third line a success, the others Tencent error bodies with their own
 * RequestId and time, so a line counted twice or missed shows in the totals.
 * @example apiLines(0, 2) // '{"time":…,"Response":{"Error":{"Code":"RequestLimitExceeded",…},"RequestId":"…0"}}\n…'
 */
export function apiLines(from: number, count: number): string {
  let out = '';
  for (let n = from; n < from + count; n++) {
    const time = new Date(Date.UTC(2026, 10, 22, 9, 0, 0) + n * 1000).toISOString();
    const body =
      n % 3 === 2
        ? `{"RequestId":"${requestId(n)}"}`
        : `{"Error":{"Code":"${CODES[n % CODES.length]!}","Message":"call ${n} failed"},"RequestId":"${requestId(n)}"}`;
    out += `{"time":"${time}","level":"info","msg":"DescribeInstance","Response":${body}}\n`;
  }
  return out;
}

/** How many of lines `from`…`from + count - 1` are errors and successes. */
export function apiLineCounts(from: number, count: number): { errors: number; successes: number } {
  let successes = 0;
  for (let n = from; n < from + count; n++) if (n % 3 === 2) successes++;
  return { errors: count - successes, successes };
}
