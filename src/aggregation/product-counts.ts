import { compareKeys as cmp, sortCounts } from './compare-keys.js';
import { DEFAULT_MAX_KEYS, KeyBudget } from './key-budget.js';
import { OVERFLOW_CODE, OVERFLOW_KEY, type ProductCount } from './summary.js';
import type { TaggedEvent } from '../types.js';

interface ProductState {
  vendor: string | null;
  product: string | null;
  counted: boolean;
  count: number;
  successes: number;
  /** Code ('' for none) → errors. */
  codes: Map<string, number>;
  /** Which codes are counted on their own; the rest under OVERFLOW_CODE. */
  budget: KeyBudget;
}

/**
 * The errors and successes of every vendor product, whether the main counts
 * hold them or not (`byProduct`), so nothing is hidden. Merges exactly.
 * Bounded as every grouping is (see KeyBudget): past `maxKeys` products, or
 * codes of one product, the rest are counted in an overflow row.
 */
export class ProductCounts {
  private readonly products = new Map<string, ProductState>();
  private readonly budget: KeyBudget;

  constructor(private readonly maxKeys = DEFAULT_MAX_KEYS) {
    this.budget = new KeyBudget(maxKeys);
  }

  /** Counts one error or success event; `counted` says whether the main counts hold its product. */
  add(event: TaggedEvent, counted: boolean): void {
    const state = this.state(event.vendor, event.product, counted);
    if (event.event === 'success') state.successes++;
    else {
      state.count++;
      addCode(state, event.code ?? '', 1);
    }
  }

  /** Adds the `byProduct` list of another run's summary. */
  absorb(list: readonly ProductCount[]): void {
    for (const p of list) {
      const state = this.state(p.vendor, p.product, p.counted);
      state.count += p.count;
      state.successes += p.successes;
      for (const c of p.codes) addCode(state, c.code ?? '', c.count);
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
    if (state) return state;
    if (!this.budget.admit(key, (evicted) => this.fold(evicted))) return this.overflow(counted);
    this.products.set(key, (state = this.fresh(vendor, product, counted)));
    return state;
  }

  private fresh(vendor: string | null, product: string | null, counted: boolean): ProductState {
    return { vendor, product, counted, count: 0, successes: 0, codes: new Map(), budget: new KeyBudget(this.maxKeys) };
  }

  /** The row of the products past the budget, one for those the main counts hold and one for the others. */
  private overflow(counted: boolean): ProductState {
    const key = `\u0001${counted ? 'counted' : 'apart'}`;
    let state = this.products.get(key);
    if (!state) this.products.set(key, (state = this.fresh(null, OVERFLOW_KEY, counted)));
    return state;
  }

  /** A product pushed out of the budget: its counts go to the overflow row. */
  private fold(key: string): void {
    const state = this.products.get(key);
    if (!state) return;
    this.products.delete(key);
    const into = this.overflow(state.counted);
    into.count += state.count;
    into.successes += state.successes;
    for (const [code, count] of state.codes) addCode(into, code, count);
  }
}

/** Counts `count` errors of `code` in a product's row, under OVERFLOW_CODE past its budget. */
function addCode(state: ProductState, code: string, count: number): void {
  const kept = state.codes.has(code) || state.budget.admit(code, (evicted) => {
    const folded = state.codes.get(evicted) ?? 0;
    state.codes.delete(evicted);
    state.codes.set(OVERFLOW_CODE, (state.codes.get(OVERFLOW_CODE) ?? 0) + folded);
  });
  const key = kept ? code : OVERFLOW_CODE;
  state.codes.set(key, (state.codes.get(key) ?? 0) + count);
}
