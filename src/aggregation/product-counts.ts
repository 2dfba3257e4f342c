import { compareKeys as cmp, sortCounts } from './compare-keys.js';
import type { ProductCount } from './summary.js';
import type { TaggedEvent } from '../types.js';

interface ProductState {
  vendor: string | null;
  product: string | null;
  counted: boolean;
  count: number;
  successes: number;
  /** Code ('' for none) → errors. */
  codes: Map<string, number>;
}

/**
 * The errors and successes of every vendor product, whether the main counts
 * hold them or not (`byProduct`), so nothing is hidden. Merges exactly.
 */
export class ProductCounts {
  private readonly products = new Map<string, ProductState>();

  /** Counts one error or success event; `counted` says whether the main counts hold its product. */
  add(event: TaggedEvent, counted: boolean): void {
    const state = this.state(event.vendor, event.product, counted);
    if (event.event === 'success') state.successes++;
    else {
      state.count++;
      state.codes.set(event.code ?? '', (state.codes.get(event.code ?? '') ?? 0) + 1);
    }
  }

  /** Adds the `byProduct` list of another run's summary. */
  absorb(list: readonly ProductCount[]): void {
    for (const p of list) {
      const state = this.state(p.vendor, p.product, p.counted);
      state.count += p.count;
      state.successes += p.successes;
      for (const c of p.codes) state.codes.set(c.code ?? '', (state.codes.get(c.code ?? '') ?? 0) + c.count);
    }
  }

  /** Most errors first, then most successes, vendor and product. */
  toList(): ProductCount[] {
    return [...this.products.values()]
      .sort((a, b) => b.count - a.count || b.successes - a.successes || cmp(a.vendor, b.vendor) || cmp(a.product, b.product))
      .map((p) => ({
        vendor: p.vendor,
        product: p.product,
        counted: p.counted,
        count: p.count,
        successes: p.successes,
        codes: sortCounts([...p.codes]).map(([code, count]) => ({ code: code === '' ? null : code, count })),
      }));
  }

  private state(vendor: string | null, product: string | null, counted: boolean): ProductState {
    const key = `${vendor ?? ''}\u0000${product ?? ''}`;
    let state = this.products.get(key);
    if (!state) this.products.set(key, (state = { vendor, product, counted, count: 0, successes: 0, codes: new Map() }));
    return state;
  }
}
