/**
 * Whether `buf[start, end)` is one JSON scalar other than a string: `true`,
 * `false`, `null` or a number as RFC 8259 writes it (no leading zeros, no
 * `+`, no bare `.`).
 * @example isJsonScalar(Buffer.from('-1.5e3'), 0, 6) // true
 * @example isJsonScalar(Buffer.from('01'), 0, 2) // false
 */
export function isJsonScalar(buf: Uint8Array, start: number, end: number): boolean {
  const first = buf[start];
  if (first === 0x74 /* t */) return matches(buf, start, end, TRUE);
  if (first === 0x66 /* f */) return matches(buf, start, end, FALSE);
  if (first === 0x6e /* n */) return matches(buf, start, end, NULL);
  return numberEnd(buf, start, end) === end;
}

/** Whether a scalar that `isJsonScalar` accepted, starting with `first`, is a number. */
export function isNumberStart(first: number): boolean {
  return first === 0x2d /* - */ || (first >= 0x30 && first <= 0x39);
}

/** Whether `c` can be part of a JSON scalar other than a string (a letter of a literal, or of a number). */
export function isScalarByte(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x45;
}

const TRUE = [0x74, 0x72, 0x75, 0x65];
const FALSE = [0x66, 0x61, 0x6c, 0x73, 0x65];
const NULL = [0x6e, 0x75, 0x6c, 0x6c];

function matches(buf: Uint8Array, start: number, end: number, word: number[]): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[start + i] !== word[i]) return false;
  return true;
}

/** Just past the number at `start`, or -1 when none starts there. */
function numberEnd(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  if (buf[i] === 0x2d /* - */) i++;
  if (i < end && buf[i] === 0x30 /* 0 */) i++;
  else if (i < end && isDigit(buf[i]!)) i = digitsEnd(buf, i, end);
  else return -1;
  if (i < end && buf[i] === 0x2e /* . */) {
    if (i + 1 >= end || !isDigit(buf[i + 1]!)) return -1;
    i = digitsEnd(buf, i + 1, end);
  }
  if (i < end && (buf[i] === 0x65 || buf[i] === 0x45) /* e E */) {
    i++;
    if (i < end && (buf[i] === 0x2b || buf[i] === 0x2d) /* + - */) i++;
    if (i >= end || !isDigit(buf[i]!)) return -1;
    i = digitsEnd(buf, i, end);
  }
  return i;
}

function digitsEnd(buf: Uint8Array, from: number, end: number): number {
  let i = from;
  while (i < end && isDigit(buf[i]!)) i++;
  return i;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
