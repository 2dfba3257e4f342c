import type { Catalog } from '../../catalog/catalog.js';

/**
 * The catalog codes nearest to a misspelt one, by edit distance over
 * lower-cased text; a code containing the query, or contained in it, ranks first.
 */
export function closestCodes(query: string, catalog: Catalog, limit: number): string[] {
  const q = query.toLowerCase();
  const scored = new Map<string, number>();
  for (const entry of catalog.entries()) {
    const code = entry.code.toLowerCase();
    const distance = code.includes(q) || q.includes(code) ? Math.abs(code.length - q.length) / 100 : levenshtein(q, code);
    const previous = scored.get(entry.code);
    if (previous === undefined || distance < previous) scored.set(entry.code, distance);
  }
  const cutoff = Math.max(3, Math.floor(q.length / 3));
  return [...scored]
    .filter(([, d]) => d <= cutoff)
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([code]) => code);
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
