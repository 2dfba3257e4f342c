import type { Catalog } from '../../catalog/catalog.js';
import { editDistance } from '../../catalog/edit-distance.js';

const MAX_QUERY = 256;

/**
 * The catalog codes nearest to a misspelt one, by edit distance over
 * lower-cased text; a code containing the query, or contained in it, ranks first.
 */
export function closestCodes(query: string, catalog: Catalog, limit: number): string[] {
  // No code is longer; past this, edit distance is only work (it is quadratic).
  if (query.length > MAX_QUERY) return [];
  const q = query.toLowerCase();
  const scored = new Map<string, number>();
  for (const entry of catalog.entries()) {
    const code = entry.code.toLowerCase();
    const distance = code.includes(q) || q.includes(code) ? Math.abs(code.length - q.length) / 100 : editDistance(q, code);
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
