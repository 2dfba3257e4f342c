import split2 from 'split2';
import type { Transform } from 'node:stream';

/**
 * Splits decoded text into physical lines at "\n" (split2 keeps an unfinished
 * line across chunks and a UTF-8 character split across chunks whole). A
 * trailing "\r" is removed, so CRLF files read like LF files; a lone "\r"
 * inside a line is kept, as it does not end a line.
 */
export function splitLines(): Transform {
  return split2('\n', stripCarriageReturn);
}

/** A line without the `\r` of its CRLF ending. */
export function stripCarriageReturn(line: string): string {
  return line.length > 0 && line.charCodeAt(line.length - 1) === 0x0d ? line.slice(0, -1) : line;
}
