const BARS = '▁▂▃▄▅▆▇█';

/**
 * A one-line chart of counts, scaled to the largest: an empty column is the
 * lowest bar, any non-empty column at least the second, so one error shows.
 * @example sparkline([0, 1, 4, 8]) // '▁▂▅█'
 */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  if (max === 0) return BARS[0]!.repeat(values.length);
  return values
    .map((v) => {
      if (v <= 0) return BARS[0];
      return BARS[Math.max(1, Math.ceil((v / max) * (BARS.length - 1)))];
    })
    .join('');
}
