import { ownCopy } from '../aggregation/own-copy.js';

/**
 * How many of a source's recent errors with a RequestId are remembered.
 * MQERR_REPEAT_WINDOW changes it, so tests can fill the window with few errors.
 */
const DEFAULT_CAPACITY = Number(process.env['MQERR_REPEAT_WINDOW']) || 4096;

/**
 * Remembers the RequestIds of a source's last errors, so a second record
 * about the same API call (the SDK's own log line, then the application's
 * traceback) is recognized as a repeat. A sliding window over the last
 * `capacity` errors with a RequestId, repeats included: whether an error is
 * a repeat depends only on the errors just before it, so a segment of a
 * source settles every error past its first `capacity` on its own (see
 * run-parallel.ts).
 */
export class RepeatWindow {
  private readonly ids: string[] = [];
  private readonly lines: number[] = [];
  /** The slot the next error takes (the oldest, once the window is full). */
  private next = 0;
  /** Each id in the window (a copy of its own), how many of its errors it holds, and the line of the latest. */
  private readonly latest = new Map<string, { id: string; count: number; line: number }>();

  constructor(
    readonly capacity = DEFAULT_CAPACITY,
    /** Errors remembered from before (see entries), oldest first. */
    remembered: readonly [string, number][] = [],
  ) {
    for (const [id, line] of remembered.slice(-capacity)) this.push(id, line);
  }

  /** Whether the window holds `capacity` errors: from here on, what it answers depends on nothing it has forgotten. */
  get full(): boolean {
    return this.ids.length === this.capacity;
  }

  /** The errors in the window, oldest first, with their lines. */
  entries(): [string, number][] {
    const order = [...this.ids.keys()].map((i) => (this.next + i) % this.ids.length);
    return order.map((i) => [this.ids[i]!, this.lines[i]!]);
  }

  /**
   * The line of the latest error in the window with this RequestId, or
   * null; the error joins the window either way.
   * @example window.check('8C1D…', 12) // null; then window.check('8C1D…', 40) // 12
   */
  check(requestId: string, line: number): number | null {
    const previous = this.latest.get(requestId)?.line ?? null;
    this.push(requestId, line);
    return previous;
  }

  /** Adds an error to the window, forgetting the oldest once it is full. */
  push(requestId: string, line: number): void {
    let entry = this.latest.get(requestId);
    if (entry) {
      entry.count++;
      entry.line = line;
    } else {
      // A copy of its own: the id may be a slice of its whole record's text, which keeping it would keep.
      entry = { id: ownCopy(requestId), count: 1, line };
      this.latest.set(entry.id, entry);
    }
    if (this.full) {
      const old = this.ids[this.next]!;
      const oldest = this.latest.get(old)!;
      if (--oldest.count === 0) this.latest.delete(old);
      this.ids[this.next] = entry.id;
      this.lines[this.next] = line;
      this.next = (this.next + 1) % this.capacity;
    } else {
      this.ids.push(entry.id);
      this.lines.push(line);
    }
  }
}
