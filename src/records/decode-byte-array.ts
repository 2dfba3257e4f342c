/** Byte arrays longer than this are not a log line's (the record bound is 4 MiB of text). */
const MAX_BYTES = 4 * 1024 * 1024;

/**
 * Decodes journald's form of a message that holds control characters or
 * invalid UTF-8 (`"MESSAGE":[27,91,51,49,109,…]`): an array of byte values,
 * read as UTF-8 with invalid sequences as U+FFFD, as any other line is.
 * Null when the array is not all integers from 0 to 255.
 * @example decodeByteArray([104, 105]) // 'hi'
 */
export function decodeByteArray(values: readonly unknown[]): string | null {
  if (values.length === 0 || values.length > MAX_BYTES) return null;
  const bytes = Buffer.allocUnsafe(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 255) return null;
    bytes[i] = v;
  }
  return bytes.toString('utf8');
}
