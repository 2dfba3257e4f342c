/**
 * Checks on the first bytes of a line, for cutting a source into segments
 * without decoding it. `buf[at, end)` holds the line's start (up to its
 * newline, or at least LINE_HEAD bytes of it).
 */

/** Bytes of a line's start that settle both checks below. */
export const LINE_HEAD = 16;

const DOCKER_JSON = [...Buffer.from('{"log":')];
const KUBECTL_PREFIX = [...Buffer.from('[pod/')];

/**
 * Whether the line may carry a container wrapper that unwrapContainer
 * removes: Docker's `{"log":`, kubectl's `[pod/…]`, or a timestamp with a
 * `T` (CRI, kubectl --timestamps). A wrapper groups lines by stream, so a
 * source holding one is never cut.
 */
export function mayBeWrapped(buf: Buffer, at: number, end: number): boolean {
  const first = buf[at];
  if (first === 0x7b) return startsWith(buf, at, end, DOCKER_JSON);
  if (first === 0x5b) return startsWith(buf, at, end, KUBECTL_PREFIX);
  return isDigit(first) && end - at > 10 && buf[at + 10] === 0x54; /* T */
}

/**
 * Whether a record surely starts at this line, whatever came before, and the
 * line is no wrapper: a JSON object (`{`), or a plain line led by a date
 * (`2026-11-22 …`, `2026/11/22 …`). Both are LOG_LINE_START forms that no
 * continuation rule takes (see alwaysStartsRecord).
 */
export function startsSegment(buf: Buffer, at: number, end: number): boolean {
  const first = buf[at];
  if (first === 0x7b) return !startsWith(buf, at, end, DOCKER_JSON);
  if (end - at < 10 || mayBeWrapped(buf, at, end)) return false;
  const sep1 = buf[at + 4];
  const sep2 = buf[at + 7];
  return (
    isDigit(first) && isDigit(buf[at + 1]) && isDigit(buf[at + 2]) && isDigit(buf[at + 3]) &&
    (sep1 === 0x2d || sep1 === 0x2f) && isDigit(buf[at + 5]) && isDigit(buf[at + 6]) &&
    (sep2 === 0x2d || sep2 === 0x2f) && isDigit(buf[at + 8]) && isDigit(buf[at + 9])
  );
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}

function startsWith(buf: Buffer, at: number, end: number, prefix: readonly number[]): boolean {
  if (end - at < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (buf[at + i] !== prefix[i]) return false;
  return true;
}

/**
 * Whether the line ending at `lineEnd` (its newline), found in `buf` from
 * `from` on, may end with `caused by:` (see leavesCauseOpen): its last byte
 * but for ASCII spaces is a colon or not ASCII, or the line's end cannot be
 * seen from `from`.
 */
export function mayLeaveCauseOpen(buf: Buffer, from: number, lineEnd: number): boolean {
  let i = lineEnd - 1;
  for (let c = buf[i]; i >= from && c !== undefined && (c === 0x20 || (c >= 0x09 && c <= 0x0d)); c = buf[--i]);
  if (i < from) return true;
  const last = buf[i]!;
  return last === 0x3a /* : */ || last > 0x7f || last === 0x0a;
}
