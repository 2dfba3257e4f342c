/**
 * Checks on the first bytes of a line, for cutting a source into segments
 * without decoding it. `buf[at, end)` holds the line's start (up to its
 * newline, or at least LINE_HEAD bytes of it).
 */

/** Bytes of a line's start that settle the checks below (an RFC 3339 time with nanoseconds and an offset, then ` stdout F `). */
export const LINE_HEAD = 48;

const DOCKER_JSON = [...Buffer.from('{"log":')];
const KUBECTL_PREFIX = [...Buffer.from('[pod/')];
/** `tail`'s header before a file's lines (`==> a.log <==`): the lines after it are that file's stream. */
const TAIL_HEADER = [...Buffer.from('==> ')];

/**
 * Whether the line may carry a container wrapper that unwrapContainer
 * removes: Docker's `{"log":`, kubectl's `[pod/…]`, or a timestamp with a
 * `T` (CRI, kubectl --timestamps); or `tail`'s header, after which lines are
 * a file's (see takeTailHeader). A wrapper groups lines by stream, so a
 * source holding one is never cut.
 */
export function mayBeWrapped(buf: Buffer, at: number, end: number): boolean {
  const first = buf[at];
  if (first === 0x7b) return startsWith(buf, at, end, DOCKER_JSON);
  if (first === 0x5b) return startsWith(buf, at, end, KUBECTL_PREFIX);
  if (first === 0x3d) return startsWith(buf, at, end, TAIL_HEADER);
  return isDigit(first) && end - at > 10 && buf[at + 10] === 0x54; /* T */
}

/**
 * Whether a record surely starts at this line, whatever came before, and the
 * line is no wrapper: a JSON object (`{` and more on its line: a brace alone
 * may open a value printed after a message, and continue its record), or a
 * plain line led by a date (`2026-11-22 …`, `2026/11/22 …`). Both are
 * LOG_LINE_START forms that no continuation rule takes (see alwaysStartsRecord).
 */
export function startsSegment(buf: Buffer, at: number, end: number): boolean {
  const first = buf[at];
  if (first === 0x7b) return !startsWith(buf, at, end, DOCKER_JSON) && !onlyBlanksAfter(buf, at + 1, end);
  if (end - at < 10 || mayBeWrapped(buf, at, end)) return false;
  const sep1 = buf[at + 4];
  const sep2 = buf[at + 7];
  return (
    isDigit(first) && isDigit(buf[at + 1]) && isDigit(buf[at + 2]) && isDigit(buf[at + 3]) &&
    (sep1 === 0x2d || sep1 === 0x2f) && isDigit(buf[at + 5]) && isDigit(buf[at + 6]) &&
    (sep2 === 0x2d || sep2 === 0x2f) && isDigit(buf[at + 8]) && isDigit(buf[at + 9])
  );
}

/** Whether `buf[from, end)` holds only blanks, tabs and CRs (a line's view may stop short of its end: then it says so of what it holds, and no cut is made). */
function onlyBlanksAfter(buf: Buffer, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = buf[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/**
 * Where the text of a line led by `kubectl logs --timestamps`' time alone
 * starts (after the time and one space), or -1: an RFC 3339 time as
 * unwrapContainer reads it (`2026-11-22T09:44:34.123Z `, fractions of one
 * to nine digits, `Z` or an offset) with no CRI stream and tag after it
 * (`stdout F`). Such a wrapper names no stream: its lines are one stream, as
 * an unwrapped source's are, and can be cut where their text starts a record
 * (see Segmenter). Loggers that lead their lines with such a time (winston,
 * log4j2's ISO8601 layout) write the same form. PM2's stamp and its `: `
 * (`2026-11-22T09:44:34: `, `2026-11-22 09:44 +08:00: `, see takeStamp) is
 * such a time too; a level right-aligned after an RFC 3339 time (`  INFO `)
 * starts the text, as takeStamp has it.
 * @example timestampOnlyEnd(Buffer.from('2026-11-22T09:44:34.123Z INFO ready'), 0, 35) // 25
 */
export function timestampOnlyEnd(buf: Buffer, at: number, end: number): number {
  if (end - at < 18 || buf[at + 13] !== 0x3a /* : */) return -1;
  const sep = buf[at + 10];
  if (sep === 0x20) {
    // A date and a space lead most loggers' own lines: the end of PM2's stamp settles it first.
    const text = pm2StampEnd(buf, at + 16, end);
    return text >= 0 && isDateToMinute(buf, at) ? text : -1;
  }
  if (sep !== 0x54 /* T */ || !isDateToMinute(buf, at)) return -1;
  const pm2 = pm2StampEnd(buf, at + 16, end);
  if (pm2 >= 0 || buf[at + 4] !== 0x2d || buf[at + 7] !== 0x2d) return pm2;
  // An RFC 3339 time: its seconds, a fraction, a zone, and a space.
  let i = at + 16;
  if (buf[i] !== 0x3a || !isDigit(buf[i + 1]) || !isDigit(buf[i + 2])) return -1;
  i = fractionEnd(buf, i + 3);
  if (i < 0) return -1;
  if (buf[i] === 0x5a /* Z */) i++;
  else if ((buf[i] === 0x2b || buf[i] === 0x2d) && isDigit(buf[i + 1]) && isDigit(buf[i + 2]) && buf[i + 3] === 0x3a && isDigit(buf[i + 4]) && isDigit(buf[i + 5])) i += 6;
  else return -1;
  if (i >= end || buf[i] !== 0x20) return -1;
  if (isCriStream(buf, i + 1, end)) return -1;
  // A level right-aligned in five characters (`%5p`) loses its pad with the stamp, as takeStamp reads it.
  return buf[i + 1] === 0x20 && (startsWith(buf, i + 2, end, INFO) || startsWith(buf, i + 2, end, WARN)) ? i + 2 : i + 1;
}

/** Whether `buf` holds at `at` a date and a time to the minute, `2026-11-22?09:44` (`-` or `/` between the date's parts), but for what is between the date and the time. */
function isDateToMinute(buf: Buffer, at: number): boolean {
  return (
    isDigit(buf[at]) && isDigit(buf[at + 1]) && isDigit(buf[at + 2]) && isDigit(buf[at + 3]) && isDateSeparator(buf[at + 4]) &&
    isDigit(buf[at + 5]) && isDigit(buf[at + 6]) && isDateSeparator(buf[at + 7]) && isDigit(buf[at + 8]) && isDigit(buf[at + 9]) &&
    isDigit(buf[at + 11]) && isDigit(buf[at + 12]) && isDigit(buf[at + 14]) && isDigit(buf[at + 15])
  );
}

/**
 * Where the text after PM2's stamp starts, its date and time to the minute
 * ending at `i` (see timestampOnlyEnd): seconds and a fraction if any, a
 * zone if any (`Z`, `+08:00`, ` +0800`), and `: `; -1 for no such stamp.
 */
function pm2StampEnd(buf: Buffer, i: number, end: number): number {
  if (buf[i] === 0x3a && isDigit(buf[i + 1]) && isDigit(buf[i + 2])) {
    i = fractionEnd(buf, i + 3);
    if (i < 0) return -1;
  }
  if (buf[i] === 0x5a /* Z */) i++;
  else {
    const sign = buf[i] === 0x20 ? i + 1 : i;
    if ((buf[sign] === 0x2b || buf[sign] === 0x2d) && isDigit(buf[sign + 1]) && isDigit(buf[sign + 2])) {
      const minutes = buf[sign + 3] === 0x3a ? sign + 4 : sign + 3;
      if (isDigit(buf[minutes]) && isDigit(buf[minutes + 1])) i = minutes + 2;
    }
  }
  return i + 1 < end && buf[i] === 0x3a && buf[i + 1] === 0x20 ? i + 2 : -1;
}

/** After a time's seconds at `i`: past its fraction (`.` and one to nine digits) if there is one, else `i`; -1 for a dot without one. */
function fractionEnd(buf: Buffer, i: number): number {
  if (buf[i] !== 0x2e /* . */) return i;
  let digits = 0;
  while (isDigit(buf[i + 1]) && digits < 10) {
    i++;
    digits++;
  }
  return digits === 0 || digits > 9 ? -1 : i + 1;
}

function isDateSeparator(byte: number | undefined): boolean {
  return byte === 0x2d || byte === 0x2f;
}

const INFO = [...Buffer.from('INFO ')];
const WARN = [...Buffer.from('WARN ')];

const STDOUT = [...Buffer.from('stdout ')];
const STDERR = [...Buffer.from('stderr ')];

/** `stdout F`, `stderr P`…, alone or before a space: what follows the time in CRI's form. */
function isCriStream(buf: Buffer, at: number, end: number): boolean {
  if (!startsWith(buf, at, end, STDOUT) && !startsWith(buf, at, end, STDERR)) return false;
  const tag = buf[at + 7];
  return (tag === 0x46 || tag === 0x50) /* F, P */ && (at + 8 === end || buf[at + 8] === 0x20);
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
