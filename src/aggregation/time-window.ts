/** Where a record's time falls against `--since` / `--until`. */
export type WindowPlace = 'inside' | 'before' | 'after' | 'untimed';

/**
 * The time range a run counts: `since` inclusive, `until` exclusive, either
 * open. A record with no time (and none inherited from its source) cannot be
 * placed, so a bounded window leaves it out and counts it as untimed.
 */
export class TimeWindow {
  constructor(
    readonly since: number | null,
    readonly until: number | null,
  ) {}

  /** Whether the window bounds anything at all. */
  get bounded(): boolean {
    return this.since !== null || this.until !== null;
  }

  /**
   * @example new TimeWindow(Date.UTC(2026, 10, 21), Date.UTC(2026, 10, 22)).place(Date.UTC(2026, 10, 22)) // 'after'
   */
  place(time: number | null): WindowPlace {
    if (!this.bounded) return 'inside';
    if (time === null) return 'untimed';
    if (this.since !== null && time < this.since) return 'before';
    if (this.until !== null && time >= this.until) return 'after';
    return 'inside';
  }
}
