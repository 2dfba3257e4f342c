import type { KeyCount, Summary } from './summary.js';

/** A count no run reaches, and past which sums of counts are no longer exact in a double. */
export const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/**
 * What does not add up in a summary that has the right shape (see
 * validateSummary), or null: the numbers of a summary mqerr wrote always
 * agree with each other, so one whose do not was edited or forged, and
 * merging it would print totals that are wrong in ways no one would notice.
 * Checked: every count is at most MAX_COUNT; `byCategory`, `byCode` and
 * every error grouping sum to `totals.errors`, the success groupings to
 * `totals.successes`, the sources to every total they carry; no row is
 * listed twice; errors and successes are records, records are lines; at
 * most `samples` RequestIds per code; no `firstSeen` after its `lastSeen`.
 * @example summaryInvariantProblem(forged) // "byCategory sums to 7, but totals.errors is 8"
 */
export function summaryInvariantProblem(summary: Summary): string | null {
  const { totals } = summary;
  for (const [name, value] of Object.entries(totals)) {
    if (value > MAX_COUNT) return `totals.${name} is ${value}, more than any run counts (at most ${MAX_COUNT})`;
  }
  if (totals.records > totals.lines) return `totals.records (${totals.records}) is more than totals.lines (${totals.lines})`;
  if (totals.errors + totals.successes > totals.records) {
    return `totals.errors + totals.successes (${totals.errors + totals.successes}) is more than totals.records (${totals.records})`;
  }
  if (totals.truncated > totals.lines) return `totals.truncated (${totals.truncated}) is more than totals.lines (${totals.lines})`;
  if (totals.undecodable > totals.lines) return `totals.undecodable (${totals.undecodable}) is more than totals.lines (${totals.lines})`;

  const sums: [string, number, number][] = [
    ['byCategory', sum(Object.values(summary.byCategory)), totals.errors],
    ['byCode', sum(summary.byCode.map((c) => c.count)), totals.errors],
    ['byVendor', sumKeys(summary.byVendor), totals.errors],
    ['byHttpStatus', sumKeys(summary.byHttpStatus), totals.errors],
    ['byAction', sumKeys(summary.byAction), totals.errors],
    ['byPod', sumKeys(summary.byPod), totals.errors],
    ['byContainer', sumKeys(summary.byContainer), totals.errors],
    ['successesByVendor', sumKeys(summary.successesByVendor), totals.successes],
    ['successesByAction', sumKeys(summary.successesByAction), totals.successes],
  ];
  for (const field of ['lines', 'records', 'errors', 'successes'] as const) {
    sums.push([`sources' ${field}`, sum(summary.sources.map((s) => s[field])), totals[field]]);
  }
  for (const [name, total, expected] of sums) {
    if (total !== expected) return `${name} sums to ${total}, but totals.${totalName(name)} is ${expected}`;
  }
  const uncatalogued = summary.uncatalogued ?? [];
  const uncataloguedSum = sum(uncatalogued.map((u) => u.count));
  if (uncataloguedSum > totals.errors) return `uncatalogued sums to ${uncataloguedSum}, more than totals.errors (${totals.errors})`;

  const duplicate =
    firstDuplicate('byCode', summary.byCode.map((c) => `${c.overflow ? 'overflow' : ''}\u0000${c.vendor ?? ''}\u0000${c.code ?? ''}`), summary.byCode.map((c) => describeCode(c.vendor, c.code))) ??
    firstDuplicate('uncatalogued', uncatalogued.map((u) => `${u.vendor ?? ''}\u0000${u.code}`), uncatalogued.map((u) => describeCode(u.vendor, u.code))) ??
    firstDuplicate('sources', summary.sources.map((s) => `${s.overflow ? 'overflow' : ''}\u0000${s.name}`), summary.sources.map((s) => JSON.stringify(s.name))) ??
    keyDuplicates(summary);
  if (duplicate) return duplicate;

  for (const [i, c] of summary.byCode.entries()) {
    if (c.requestIds.length > summary.samples) return `byCode.${i} (${describeCode(c.vendor, c.code)}) lists ${c.requestIds.length} RequestIds, more than samples (${summary.samples})`;
    if (c.requestIds.length > c.count) return `byCode.${i} (${describeCode(c.vendor, c.code)}) lists ${c.requestIds.length} RequestIds for ${c.count} errors`;
    if (inverted(c.firstSeen, c.lastSeen)) return `byCode.${i} (${describeCode(c.vendor, c.code)}) has firstSeen ${c.firstSeen} after lastSeen ${c.lastSeen}`;
  }
  for (const [i, s] of summary.sources.entries()) {
    if (s.bytes > MAX_COUNT) return `sources.${i} (${JSON.stringify(s.name)}) has bytes ${s.bytes}, more than any run reads`;
    if (inverted(s.firstSeen, s.lastSeen)) return `sources.${i} (${JSON.stringify(s.name)}) has firstSeen ${s.firstSeen} after lastSeen ${s.lastSeen}`;
    if (s.errors + s.successes > s.records || s.records > s.lines) return `sources.${i} (${JSON.stringify(s.name)}) counts more errors and successes than records, or records than lines`;
  }
  return null;
}

/** Every count a summary holds is at most MAX_COUNT: checked above for totals, which bound the rest once the sums agree. */
function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function sumKeys(counts: readonly KeyCount[]): number {
  return sum(counts.map((c) => c.count));
}

function totalName(name: string): string {
  if (name.startsWith("sources' ")) return name.slice("sources' ".length);
  return name.startsWith('successes') ? 'successes' : 'errors';
}

function keyDuplicates(summary: Summary): string | null {
  const lists: [string, KeyCount[]][] = [
    ['byVendor', summary.byVendor],
    ['byHttpStatus', summary.byHttpStatus],
    ['byAction', summary.byAction],
    ['byPod', summary.byPod],
    ['byContainer', summary.byContainer],
    ['successesByVendor', summary.successesByVendor],
    ['successesByAction', summary.successesByAction],
  ];
  for (const [name, counts] of lists) {
    // null and "" are the same key to the aggregator.
    const found = firstDuplicate(name, counts.map((c) => `${c.overflow ? 'overflow' : ''}\u0000${c.key ?? ''}`), counts.map((c) => JSON.stringify(c.key)));
    if (found) return found;
  }
  return null;
}

function firstDuplicate(name: string, keys: readonly string[], labels: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const [i, key] of keys.entries()) {
    if (seen.has(key)) return `${name} lists ${labels[i]} twice`;
    seen.add(key);
  }
  return null;
}

function describeCode(vendor: string | null, code: string | null): string {
  return `${vendor ?? 'no vendor'} ${JSON.stringify(code)}`;
}

/** ISO times as toISOString writes them compare as strings. */
function inverted(first: string | null, last: string | null): boolean {
  return first !== null && last !== null && first > last;
}
