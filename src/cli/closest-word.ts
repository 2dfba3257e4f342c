import { editDistance } from '../catalog/edit-distance.js';

/**
 * The word of `words` nearest to a misspelt one, case aside, when it is
 * close enough to be meant (at most a third of its letters differ), or null.
 * @example closestWord('translatetime', ['translateTime', 'ignore']) // 'translateTime'
 */
export function closestWord(word: string, words: readonly string[]): string | null {
  if (word.length > 64) return null;
  let best: { word: string; distance: number } | null = null;
  for (const candidate of words) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (best === null || distance < best.distance) best = { word: candidate, distance };
  }
  return best !== null && best.distance <= Math.max(1, Math.floor(word.length / 3)) ? best.word : null;
}
