/** How many recent RequestIds a source remembers. */
const DEFAULT_CAPACITY = 4096;

/**
 * Remembers the RequestIds of a source's recent error events, so a second
 * record about the same API call (the SDK's own log line, then the
 * application's traceback) is recognized as a repeat. Bounded: the oldest
 * id is forgotten first.
 */
export class RepeatWindow {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly capacity = DEFAULT_CAPACITY,
    /** Ids remembered from before (see entries), oldest first. */
    remembered: readonly [string, number][] = [],
  ) {
    for (const [id, line] of remembered.slice(-capacity)) this.seen.set(id, line);
  }

  /** The ids remembered, oldest first, with the line that first reported each. */
  entries(): [string, number][] {
    return [...this.seen];
  }

  /** The line that first reported this id, or null (and the id is remembered). */
  check(requestId: string, line: number): number | null {
    const first = this.seen.get(requestId);
    if (first !== undefined) return first;
    this.seen.set(requestId, line);
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.keys().next().value!);
    return null;
  }
}
