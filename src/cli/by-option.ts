import type { Argv } from 'yargs';
import type { Dimension } from '../aggregation/cross-tabs.js';
import { ExitError } from '../errors.js';
import { GROUPINGS, type Grouping } from '../render/groupings.js';

/**
 * `--by`: one grouping per flag; dimensions joined by commas are crossed
 * into one table (`--by pod,code`). And `--wide`, how the tables are shown.
 */
export function byOption<T>(y: Argv<T>) {
  return y
    .option('wide', { type: 'boolean', default: false, describe: 'on a terminal, show every column of the tables in full (they are fitted to its width otherwise)' })
    .option('by', {
    type: 'string',
    array: true,
    nargs: 1,
    describe: `group by ${GROUPINGS.join(', ')}; repeat the flag for more tables, join with commas to cross them in one (--by pod,code) (default: category, then code)`,
  });
}

/**
 * Parses `--by` values: `pod` is one grouping, `pod,code` a cross-tab.
 * @example parseGroupings(['category', 'pod,code']) // ['category', ['pod', 'code']]
 */
export function parseGroupings(values: readonly string[] | undefined): Grouping[] | undefined {
  if (values === undefined) return undefined;
  return values.map((value) => {
    const parts = value.split(',').map((p) => p.trim());
    for (const part of parts) {
      if (!(GROUPINGS as readonly string[]).includes(part)) {
        throw new ExitError(`--by expects ${GROUPINGS.join(', ')}, or some of them joined by commas, got '${part}'${parts.length > 1 ? ` in '${value}'` : ''}`);
      }
    }
    if (new Set(parts).size !== parts.length) throw new ExitError(`--by '${value}': a dimension is named twice`);
    return parts.length === 1 ? (parts[0] as Dimension) : (parts as Dimension[]);
  });
}

/** The cross-tabs among groupings: what the aggregator must count beside its own lists. */
export function crossTabsOf(by: readonly Grouping[]): Dimension[][] {
  return by.filter((g): g is readonly Dimension[] => typeof g !== 'string').map((g) => [...g]);
}
