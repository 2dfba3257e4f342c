/**
 * Splits a buffer at the given offsets (any order, repeats and offsets
 * outside the buffer allowed): the chunks a stream might deliver.
 * @example splitAt(Buffer.from('abc'), [1]) // [<61>, <62 63>]
 */
export function splitAt(buffer: Buffer, offsets: number[]): Buffer[] {
  const cuts = [...new Set(offsets)].filter((o) => o > 0 && o < buffer.length).sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const cut of cuts) {
    chunks.push(buffer.subarray(start, cut));
    start = cut;
  }
  chunks.push(buffer.subarray(start));
  return chunks.filter((c) => c.length > 0);
}
