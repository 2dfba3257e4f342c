/** Nouns whose plural is not the noun and an `s`. */
const IRREGULAR: Record<string, string> = { success: 'successes', entry: 'entries' };

/**
 * A count's noun in the number it takes; with `withCount`, the count before it.
 * @example plural(1, 'success', true) // '1 success'
 * @example plural(2, 'success', true) // '2 successes'
 * @example plural(0, 'error') // 'errors'
 */
export function plural(count: number, noun: string, withCount = false): string {
  const word = count === 1 ? noun : (IRREGULAR[noun] ?? `${noun}s`);
  return withCount ? `${count} ${word}` : word;
}
