interface Sample {
  at: number;
  counts: ReadonlyMap<string, number>;
}

/**
 * Per-minute rates of cumulative counts, over a sliding window. The live view
 * samples the counts at each redraw; a rate is the growth since the oldest
 * sample still inside the window, scaled to a minute. Early on, the window is
 * as long as the run so far.
 * @example
 * const meter = new RateMeter(60_000);
 * meter.sample(0, new Map([['errors', 0]]));
 * meter.sample(30_000, new Map([['errors', 6]]));
 * meter.perMinute('errors'); // 12
 */
export class RateMeter {
  private readonly samples: Sample[] = [];

  /**
   * @param windowMs how far back a rate looks
   * @param minSpanMs the least time a rate is drawn from: a burst in the first
   *   second is not a rate per minute, so it shows as unknown until then
   */
  constructor(
    private readonly windowMs = 60_000,
    private readonly minSpanMs = 10_000,
  ) {}

  /** Records the cumulative counts at time `at` (milliseconds, increasing). */
  sample(at: number, counts: ReadonlyMap<string, number>): void {
    this.samples.push({ at, counts });
    // Keep one sample at or before the window's start, so the window is full.
    while (this.samples.length > 2 && this.samples[1]!.at <= at - this.windowMs) this.samples.shift();
  }

  /** Growth of `key` per minute over the window; null until the samples span `minSpanMs`. */
  perMinute(key: string): number | null {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at - first.at < this.minSpanMs || last.at <= first.at) return null;
    const growth = (last.counts.get(key) ?? 0) - (first.counts.get(key) ?? 0);
    return (growth * 60_000) / (last.at - first.at);
  }
}
