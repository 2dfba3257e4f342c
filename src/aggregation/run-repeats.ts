import { ownCopy } from './own-copy.js';

/** RequestIds of counted errors a run remembers across its inputs: about 10 MB at most (see docs/performance.md). */
export const RUN_REPEATS_CAPACITY = 65_536;

/**
 * Remembers which input each recent error RequestId was counted from, so
 * that the same API error logged by two inputs of one run (the client's log
 * and a gateway's, or an archive and the live file) is counted once. Within
 * one input, repeats are the pipeline's to mark (`duplicateOf`). As there,
 * an error whose code differs from the one counted is another API call's
 * (see RepeatWindow). Bounded: the oldest id is forgotten first, so memory
 * stays flat on any input.
 */
export class RunRepeats {
  /** Each id, the input it was counted from, and its code. */
  private readonly seen = new Map<string, { source: string; code: string | null }>();
  /** The ids remembered, oldest at `next` once full: the one forgotten when a new one comes. */
  private readonly ring: (string | undefined)[] = [];
  private next = 0;

  constructor(private readonly capacity = RUN_REPEATS_CAPACITY) {}

  /**
   * Whether this RequestId was already counted from another input with no
   * other code; if it was not seen, it is remembered as counted from `source`.
   * @example repeats.countedElsewhere('8c1d…', 'InternalError', 'b.log') // true after repeats.countedElsewhere('8c1d…', null, 'a.log')
   */
  countedElsewhere(requestId: string, code: string | null, source: string): boolean {
    const first = this.seen.get(requestId);
    if (first !== undefined) return first.source !== source && (first.code === null || code === null || first.code === code);
    // A copy of its own: the id may be a slice of its whole record's text, which keeping it would keep.
    const id = ownCopy(requestId);
    const oldest = this.ring[this.next];
    if (oldest !== undefined) this.seen.delete(oldest);
    this.ring[this.next] = id;
    this.next = (this.next + 1) % this.capacity;
    this.seen.set(id, { source, code });
    return false;
  }
}
