/**
 * A deterministic sample of RequestIds: the `size` ids with the smallest
 * hash. It does not depend on input order, so merging the samples of two
 * shards gives exactly the sample of one run over both.
 */
export class RequestIdSample {
  /** Kept sorted by (hash, id); never longer than `size`. */
  private items: { hash: number; id: string }[] = [];

  constructor(readonly size: number) {}

  add(id: string): void {
    if (this.size <= 0) return;
    const hash = fnv1a(id);
    const items = this.items;
    if (items.length === this.size && compare(hash, id, items[items.length - 1]!) >= 0) return;
    let at = items.length;
    while (at > 0 && compare(hash, id, items[at - 1]!) < 0) at--;
    if (at > 0 && items[at - 1]!.id === id) return;
    items.splice(at, 0, { hash, id });
    if (items.length > this.size) items.pop();
  }

  /** The sampled ids, in sample order (by hash). */
  ids(): string[] {
    return this.items.map((item) => item.id);
  }
}

function compare(hash: number, id: string, item: { hash: number; id: string }): number {
  if (hash !== item.hash) return hash - item.hash;
  return id < item.id ? -1 : id > item.id ? 1 : 0;
}

/** 32-bit FNV-1a over UTF-16 code units: cheap, stable across runs and machines. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
