/** A line without the `\r` of its CRLF ending. */
export function stripCarriageReturn(line: string): string {
  return line.length > 0 && line.charCodeAt(line.length - 1) === 0x0d ? line.slice(0, -1) : line;
}
