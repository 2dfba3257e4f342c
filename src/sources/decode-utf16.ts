/** The UTF-16 a byte order mark announces, or null: FF FE is little-endian, FE FF big-endian. */
export function utf16FromBom(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (head.length < 2) return null;
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}
