import type { TaggedEvent } from '../types.js';
import { compareKeys } from './compare-keys.js';
import { DEFAULT_MAX_KEYS, KeyBudget } from './key-budget.js';
import { OVERFLOW_KEY } from './summary.js';

/** What errors can be grouped by, alone (`--by pod`) or crossed (`--by pod,code`). */
export const DIMENSIONS = ['category', 'code', 'vendor', 'product', 'source', 'httpStatus', 'action', 'pod', 'container'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * One cross-tab of the JSON summary: the errors counted by a combination of
 * dimensions, one row per combination seen, most errors first.
 * @example { dimensions: ['pod', 'code'], rows: [{ pod: 'api-7d9f', code: 'ApplyTokenOverFlow', count: 3 }] }
 */
export interface CrossTab {
  dimensions: Dimension[];
  rows: CrossTabRow[];
}

/**
 * A row: each dimension's value (null when the record does not show it), and
 * the count. The row of the combinations past `--max-keys` has every value
 * `(other)` and `"overflow": true`.
 */
export type CrossTabRow = Record<string, string | null | number | boolean> & { count: number; overflow?: true };

/** A null value in a row key; no value from a log is a lone U+0001. */
const NULL_PART = '\u0001';
const SEPARATOR = '\u0000';

/** The value of a dimension for an error event, as a cross-tab shows it. */
function valueOf(event: TaggedEvent, dimension: Dimension): string | null {
  if (dimension === 'category') return event.category ?? 'unknown';
  const value = event[dimension];
  return value === null || value === undefined ? null : String(value);
}

/**
 * Counts errors by combinations of dimensions (`--by pod,code`), for
 * every combination asked for. Like every count of the summary, cross-tabs
 * of shards add up exactly (see `absorb`).
 */
export class CrossTabs {
  private readonly tabs: Tab[];

  /** `maxKeys`: combinations counted on their own per cross-tab, as `--max-keys` bounds every grouping. */
  constructor(specs: readonly (readonly Dimension[])[], maxKeys = DEFAULT_MAX_KEYS) {
    this.tabs = specs.map((dimensions) => ({ dimensions: [...dimensions], counts: new Map(), budget: new KeyBudget(maxKeys), overflow: 0 }));
  }

  /** The combinations counted, as given. */
  get specs(): Dimension[][] {
    return this.tabs.map((t) => [...t.dimensions]);
  }

  /** Counts one error event in every cross-tab. */
  add(event: TaggedEvent): void {
    for (const tab of this.tabs) count(tab, tab.dimensions.map((d) => valueOf(event, d) ?? NULL_PART).join(SEPARATOR), 1);
  }

  /** Adds another run's cross-tabs; those of combinations this one does not count are ignored. */
  absorb(groups: readonly CrossTab[] | undefined): void {
    for (const group of groups ?? []) {
      const tab = this.tabs.find((t) => sameDimensions(t.dimensions, group.dimensions));
      if (!tab) continue;
      for (const row of group.rows) {
        if (row.overflow) tab.overflow += row.count;
        else count(tab, tab.dimensions.map((d) => (row[d] === null || row[d] === undefined ? NULL_PART : String(row[d]))).join(SEPARATOR), row.count);
      }
    }
  }

  /** The cross-tabs, rows by count descending, then by their values (nulls last). */
  toJson(): CrossTab[] {
    return this.tabs.map(({ dimensions, counts, overflow }) => {
      const rows = [...counts].map(([key, n]) => ({ values: key.split(SEPARATOR).map((v) => (v === NULL_PART ? null : v)), count: n }));
      rows.sort((a, b) => b.count - a.count || compareValues(a.values, b.values));
      // The count after the dimensions, as people read a row.
      const out = rows.map(({ values, count: n }) => ({ ...Object.fromEntries(dimensions.map((d, i) => [d, values[i] ?? null])), count: n }) as CrossTabRow);
      if (overflow > 0) out.push({ ...Object.fromEntries(dimensions.map((d) => [d, OVERFLOW_KEY])), count: overflow, overflow: true } as CrossTabRow);
      return { dimensions: [...dimensions], rows: out };
    });
  }
}

interface Tab {
  dimensions: Dimension[];
  counts: Map<string, number>;
  /** Which combinations are counted on their own (see KeyBudget); the others add to `overflow`. */
  budget: KeyBudget;
  overflow: number;
}

/** Counts `n` under a combination, or in the overflow row when it is past the budget (or pushes out one that then is). */
function count(tab: Tab, key: string, n: number): void {
  const admitted = tab.counts.has(key) || tab.budget.admit(key, (evicted) => {
    tab.overflow += tab.counts.get(evicted) ?? 0;
    tab.counts.delete(evicted);
  });
  if (admitted) tab.counts.set(key, (tab.counts.get(key) ?? 0) + n);
  else tab.overflow += n;
}

/** Whether two cross-tabs count the same combination, in the same order. */
export function sameDimensions(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function compareValues(a: (string | null)[], b: (string | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareKeys(a[i] ?? null, b[i] ?? null);
    if (c !== 0) return c;
  }
  return 0;
}
