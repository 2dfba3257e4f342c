import { ownCopy } from '../aggregation/own-copy.js';

/**
 * How many of a source's recent errors with a RequestId are remembered.
 * MQERR_REPEAT_WINDOW changes it, so tests can fill the window with few errors.
 */
const DEFAULT_CAPACITY = Number(process.env['MQERR_REPEAT_WINDOW']) || 4096;

/** An error the window remembers: its RequestId, its line, and its code (null: none was found). */
export type RememberedError = [requestId: string, line: number, code: string | null];

/**
 * Remembers the RequestIds of a source's last errors, so a second record
 * about the same API call (the SDK's own log line, then the application's
 * traceback) is recognized as a repeat. A sliding window over the last
 * `capacity` errors with a RequestId, repeats included: whether an error is
 * a repeat depends only on the errors just before it, so a segment of a
 * source settles every error past its first `capacity` on its own (see
 * run-parallel.ts). One API call fails with one code: an error whose code
 * differs from that of the latest error with its RequestId is no repeat (an
 * id the application's context gives every line, as a Lambda invocation's
 * `requestId`, is no API call's).
 */
export class RepeatWindow {
  private readonly ids: string[] = [];
  private readonly lines: number[] = [];
  private readonly codes: (string | null)[] = [];
  /** The slot the next error takes (the oldest, once the window is full). */
  private next = 0;
  /** Each id in the window (a copy of its own), how many of its errors it holds, and the line and code of the latest. */
  private readonly latest = new Map<string, { id: string; count: number; line: number; code: string | null }>();

  constructor(
    readonly capacity = DEFAULT_CAPACITY,
    /** Errors remembered from before (see entries), oldest first. */
    remembered: readonly RememberedError[] = [],
  ) {
    for (const [id, line, code] of remembered.slice(-capacity)) this.push(id, line, code);
  }

  /** Whether the window holds `capacity` errors: from here on, what it answers depends on nothing it has forgotten. */
  get full(): boolean {
    return this.ids.length === this.capacity;
  }

  /** The errors in the window, oldest first, with their lines and codes. */
  entries(): RememberedError[] {
    const order = [...this.ids.keys()].map((i) => (this.next + i) % this.ids.length);
    return order.map((i) => [this.ids[i]!, this.lines[i]!, this.codes[i]!]);
  }

  /**
   * The line of the latest error in the window with this RequestId, unless
   * the two name different codes; else null. The error joins the window either way.
   * @example window.check('8C1D…', 'InstanceNotFound', 12) // null; then window.check('8C1D…', null, 40) // 12
   */
  check(requestId: string, code: string | null, line: number): number | null {
    const latest = this.latest.get(requestId);
    const previous = latest && (latest.code === null || code === null || latest.code === code) ? latest.line : null;
    this.push(requestId, line, code);
    return previous;
  }

  /** Adds an error to the window, forgetting the oldest once it is full. */
  push(requestId: string, line: number, code: string | null): void {
    let entry = this.latest.get(requestId);
    if (entry) {
      entry.count++;
      entry.line = line;
      entry.code = code;
    } else {
      // A copy of its own: the id may be a slice of its whole record's text, which keeping it would keep.
      entry = { id: ownCopy(requestId), count: 1, line, code };
      this.latest.set(entry.id, entry);
    }
    if (this.full) {
      const old = this.ids[this.next]!;
      const oldest = this.latest.get(old)!;
      if (--oldest.count === 0) this.latest.delete(old);
      this.ids[this.next] = entry.id;
      this.lines[this.next] = line;
      this.codes[this.next] = code;
      this.next = (this.next + 1) % this.capacity;
    } else {
      this.ids.push(entry.id);
      this.lines.push(line);
      this.codes.push(code);
    }
  }
}
