import split2 from 'split2';
import type { Transform } from 'node:stream';
import { stripCarriageReturn } from './strip-carriage-return.js';

/**
 * Splits decoded text into physical lines at "\n" (split2 keeps an unfinished
 * line across chunks and a UTF-8 character split across chunks whole). A
 * trailing "\r" is removed, so CRLF files read like LF files; a lone "\r"
 * inside a line is kept, as it does not end a line.
 */
export function splitLines(): Transform {
  return split2('\n', stripCarriageReturn);
}

