/**
 * The characters an SDK's error text is read by, one character code at a
 * time (the finders that read a text back from a mark, where a pattern
 * would retry at every position).
 */

/** An ASCII letter. */
export function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** What a code is made of: letters, digits, `_` and `.` (`InvalidAccessKeyId.NotFound`). */
export function isCodeCharacter(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2e;
}

/** Whether `text` has an ASCII digit at `at`. */
export function isDigitAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 0x30 && c <= 0x39;
}
