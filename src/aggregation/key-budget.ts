import { fnv1a } from './request-id-sample.js';

/** Distinct keys kept per grouping unless `--max-keys` says otherwise. */
export const DEFAULT_MAX_KEYS = 2_000;

interface Slot {
  hash: number;
  key: string;
}

/**
 * Which keys of one grouping (codes, pods, actions…) are counted on their
 * own when there may be more than `max`: the `max` keys with the smallest
 * hash (then the smallest key) among all seen. A new key past the budget
 * either is folded into the overflow or pushes out the kept key with the
 * largest hash, whose counts the owner then folds. A key that ends up kept
 * was never folded (the threshold only falls), so its counts are exact;
 * and the kept set does not depend on the order keys arrive in, so runs,
 * worker threads and merged shards agree.
 * @example const budget = new KeyBudget(2); budget.admit('a', fold); budget.admit('b', fold); budget.admit('c', fold)
 */
export class KeyBudget {
  /** Kept keys, and a max-heap of them by (hash, key). */
  private readonly kept = new Set<string>();
  private readonly heap: Slot[] = [];

  constructor(readonly max: number) {}

  /**
   * Whether `key` is counted on its own. Admitting it may push out another
   * kept key: `onEvict` is called with it before this returns.
   */
  admit(key: string, onEvict: (evicted: string) => void): boolean {
    if (this.kept.has(key)) return true;
    const slot = { hash: fnv1a(key), key };
    if (this.kept.size < this.max) {
      this.push(slot);
      return true;
    }
    const top = this.heap[0];
    if (!top || !before(slot, top)) return false;
    this.pop();
    onEvict(top.key);
    this.push(slot);
    return true;
  }

  private push(slot: Slot): void {
    this.kept.add(slot.key);
    const heap = this.heap;
    heap.push(slot);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[parent]!, heap[i]!)) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  private pop(): void {
    const heap = this.heap;
    const top = heap[0]!;
    this.kept.delete(top.key);
    const last = heap.pop()!;
    if (heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < heap.length && before(heap[largest]!, heap[left]!)) largest = left;
      if (right < heap.length && before(heap[largest]!, heap[right]!)) largest = right;
      if (largest === i) return;
      [heap[largest], heap[i]] = [heap[i]!, heap[largest]!];
      i = largest;
    }
  }
}

/** Whether `a` comes before `b` in keeping order (smaller hash, then smaller key). */
function before(a: Slot, b: Slot): boolean {
  return a.hash !== b.hash ? a.hash < b.hash : a.key < b.key;
}
