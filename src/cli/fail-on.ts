import type { KeyCount, Summary, ThresholdResult } from '../aggregation/summary.js';
import type { Catalog } from '../catalog/catalog.js';
import { ExitError } from '../errors.js';
import { CATEGORIES } from '../types.js';
import { closestCodes } from './commands/closest-codes.js';

type Operator = '>' | '>=' | '<' | '<=';

/** One parsed `--fail-on` expression. */
export interface Threshold {
  /** The expression as the user wrote it. */
  expr: string;
  op: Operator;
  limit: number;
  /** Reads the quantity from a summary, in the expression's unit; null when it is undefined (an error rate with no calls). */
  measure(summary: Summary): number | null;
}


/** Matched against the trimmed expression: blanks on both sides of an optional `%` made it backtrack. */
const EXPRESSION = /^([A-Za-z][\w.:/-]*?)\s*(>=|<=|>|<)\s*(\d+(?:\.\d+)?)\s*(%?)$/;
const KEYED = { vendor: 'byVendor', pod: 'byPod', action: 'byAction', container: 'byContainer' } as const;
const QUANTITIES = `errors, successes, records, lines, error-rate, a category (${CATEGORIES.join(', ')}), code:CODE, vendor:NAME, pod:NAME, action:NAME or container:NAME`;

/**
 * Parses `--fail-on` expressions. A code the catalog does not know is
 * accepted (gating on a new code must not need a catalog file), and `note`
 * is told, with the catalogued codes it may have been meant to be, so that
 * a misspelt gate does not go unseen.
 * @example parseFailOn(['throttling>100', 'code:ApplyTokenOverFlow>10', 'error-rate>5%'], catalog)
 */
export function parseFailOn(exprs: readonly string[], catalog: Catalog, note: (message: string) => void = () => {}): Threshold[] {
  return exprs.map((expr) => {
    const m = EXPRESSION.exec(expr.trim());
    const fail = (why: string): never => {
      throw new ExitError(`--fail-on '${expr}': ${why}`);
    };
    if (!m) return fail('expected QUANTITY>NUMBER, such as throttling>100, code:ApplyTokenOverFlow>10 or error-rate>5%');
    const [, name, op, number, percent] = m as unknown as [string, string, Operator, string, string];
    const limit = Number(number);
    if (percent && name !== 'error-rate') fail('only error-rate takes a percentage');
    const measure = quantity(name, catalog, fail, (why) => note(`--fail-on '${expr}': ${why}`));
    if (name === 'error-rate') {
      if (!percent && limit > 1) fail('error-rate is a fraction from 0 to 1, or a percentage such as 5%');
      const scale = percent ? 100 : 1;
      return { expr, op, limit, measure: (s: Summary) => (s.errorRate === null ? null : round(s.errorRate * scale)) };
    }
    return { expr, op, limit, measure };
  });
}

/** Checks each threshold against a summary; `fired` when its comparison holds. `--format json` prints these as `thresholds`. */
export function checkThresholds(thresholds: readonly Threshold[], summary: Summary): ThresholdResult[] {
  return thresholds.map((t) => {
    const value = t.measure(summary);
    return { expr: t.expr, value, limit: t.limit, fired: value !== null && compare(value, t.op, t.limit) };
  });
}

function quantity(name: string, catalog: Catalog, fail: (why: string) => never, note: (why: string) => void): (s: Summary) => number | null {
  switch (name) {
    case 'errors':
    case 'successes':
    case 'records':
    case 'lines':
      return (s) => s.totals[name];
    case 'error-rate':
      return (s) => s.errorRate;
  }
  const colon = name.indexOf(':');
  const kind = colon < 0 ? 'category' : name.slice(0, colon);
  const key = colon < 0 ? name : name.slice(colon + 1);
  if (key === '') fail(`${kind}: needs a name after the colon`);
  if (kind === 'category') {
    if (!(CATEGORIES as readonly string[]).includes(key)) fail(`unknown quantity '${name}'; expected ${QUANTITIES}`);
    return (s) => s.byCategory[key] ?? 0;
  }
  if (kind === 'code') {
    if (catalog.lookupAnyVendor(key).length === 0) {
      const near = closestCodes(key, catalog, 3);
      note(`code ${key} is not in the catalog${near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : ''}; counting it as an uncatalogued code`);
    }
    return (s) => s.byCode.reduce((sum, c) => (c.code === key ? sum + c.count : sum), 0);
  }
  if (kind in KEYED) {
    if (kind === 'vendor' && !catalog.vendors.has(key)) fail(`vendor ${key} is not in the catalog (known: ${[...catalog.vendors.keys()].join(', ')})`);
    const list = KEYED[kind as keyof typeof KEYED];
    return (s) => countOf(s[list], key);
  }
  return fail(`unknown quantity '${name}'; expected ${QUANTITIES}`);
}

function countOf(counts: readonly KeyCount[], key: string): number {
  return counts.find((c) => c.key === key)?.count ?? 0;
}

function compare(value: number, op: Operator, limit: number): boolean {
  switch (op) {
    case '>':
      return value > limit;
    case '>=':
      return value >= limit;
    case '<':
      return value < limit;
    case '<=':
      return value <= limit;
  }
}

/** Rates are compared and shown to 4 decimals, so 5% is 5, not 5.000000000000001. */
function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
