/**
 * Orders two keys of a summary list, nulls last. Every list in the summary
 * is sorted with it, so the same counts always print the same way.
 */
export function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Count descending, then key: the order of every count list in the summary. */
export function sortCounts<K extends string>(entries: [K, number][]): [K, number][] {
  return entries.sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0]));
}
