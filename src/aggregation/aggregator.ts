import type { Category, TaggedEvent } from '../types.js';

import { compareKeys as cmp, sortCounts } from './compare-keys.js';
import { CrossTabs, type Dimension as CrossDimension } from './cross-tabs.js';
import { DEFAULT_MAX_KEYS, KeyBudget } from './key-budget.js';
import { RequestIdSample } from './request-id-sample.js';
import { RunRepeats } from './run-repeats.js';
import { ProductCounts } from './product-counts.js';
import { ProductSelection } from './product-selection.js';
import {
  OVERFLOW_CODE,
  OVERFLOW_KEY,
  OVERFLOW_SOURCE,
  SUMMARY_SCHEMA,
  type CodeCount,
  type KeyCount,
  type SourceStats,
  type Summary,
  type TimeSeries,
  type Totals,
} from './summary.js';
import { TimeSeriesCounter, type SeriesOptions } from './time-series.js';
import { TimeWindow } from './time-window.js';
import { UncataloguedCodes } from './uncatalogued.js';
import { findRecommendLink } from '../recognition/find-recommend-link.js';

interface CodeState {
  info: Omit<CodeCount, 'count' | 'requestIds' | 'firstSeen' | 'lastSeen' | 'recommend'>;
  count: number;
  /** The least Recommend link a record of the code carried (see CodeCount.recommend). */
  recommend: string | null;
  sample: RequestIdSample;
  first: number | null;
  last: number | null;
}

/** A source's accounting, as the summary reports it. */
export interface SourceState {
  name: string;
  lines: number;
  bytes: number;
  records: number;
  errors: number;
  successes: number;
  first: number | null;
  last: number | null;
  error: string | null;
  /** An id of what was read (a file's content), null for standard input. */
  id: string | null;
  /** Other names the same file was given under, read once. */
  alsoGivenAs: string[];
}

/** Dimensions errors are counted by, besides category and code. */
const DIMENSIONS = ['vendor', 'httpStatus', 'action', 'pod', 'container'] as const;
type Dimension = (typeof DIMENSIONS)[number];
const DIMENSION_FIELDS: Record<Dimension, string> = { vendor: 'byVendor', httpStatus: 'byHttpStatus', action: 'byAction', pod: 'byPod', container: 'byContainer' };

/** What the run counts over time: the `--since`/`--until` window and the series kept. */
export interface AggregatorTimeOptions {
  window: TimeWindow;
  /** A series with a `label` (from `--bucket`) is printed in the summary; an adaptive one only feeds displays. */
  series: SeriesOptions | null;
}

const NO_TIME_OPTIONS: AggregatorTimeOptions = { window: new TimeWindow(null, null), series: null };

/** The key of a grouping's overflow row in its Map: no value taken from a log is keyed so (keyOf turns null into ''). */
const OVERFLOW = '\u0000overflow';

/** A grouping counted in a Map, with the budget that bounds its keys. */
interface Grouping {
  counts: Map<string, number>;
  budget: KeyBudget;
}

/**
 * The only stateful stage: counts events by category, code and the other
 * dimensions. All keys live in Maps, never in plain objects keyed by log data.
 * Two aggregators merge exactly (see `merge`).
 */
export class Aggregator {
  readonly totals: Totals = {
    lines: 0,
    records: 0,
    errors: 0,
    successes: 0,
    truncated: 0,
    undecodable: 0,
    otherProducts: 0,
    otherCloud: 0,
    repeatsAcrossInputs: 0,
  };
  /** RequestIds counted from each input, to fold a repeat in another (null: the run reads one input; see oneInput). */
  private runRepeats: RunRepeats | null = new RunRepeats();
  private readonly categories = new Map<Category, number>();
  private readonly codes = new Map<string, CodeState>();
  private readonly codeBudget: KeyBudget;
  /** The row the codes past the budget are counted in, once there is one. */
  private overflowCode: CodeState | null = null;
  private readonly dimensions: Map<Dimension, Grouping>;
  private readonly successVendors: Grouping;
  private readonly successActions: Grouping;
  private readonly sources = new Map<string, SourceState>();
  /** The sources past the budget, counted together (first come, first kept: a source's state is held while it is read). */
  private overflowSource: SourceState | null = null;
  private readonly uncatalogued: UncataloguedCodes;
  private readonly series: TimeSeriesCounter | null;
  private readonly outside = { before: 0, after: 0, untimed: 0 };
  private readonly products: ProductCounts;
  private readonly otherClouds = new Map<string, number>();
  readonly crossTabs: CrossTabs;

  constructor(
    readonly catalog: { version: string; entries: number },
    readonly samples: number,
    readonly time: AggregatorTimeOptions = NO_TIME_OPTIONS,
    /** Which products' errors the main counts hold (`--product`); the others are counted in `byProduct` only. */
    readonly selection: ProductSelection = ProductSelection.everything(),
    /** Distinct keys counted on their own per grouping (`--max-keys`); the rest go to an overflow row. */
    readonly maxKeys: number = DEFAULT_MAX_KEYS,
    /** Combinations of dimensions errors are also counted by (`--by pod,code`). */
    crossTabs: readonly (readonly CrossDimension[])[] = [],
  ) {
    this.series = time.series ? new TimeSeriesCounter(time.series, time.window.since) : null;
    this.crossTabs = new CrossTabs(crossTabs, maxKeys);
    const grouping = (): Grouping => ({ counts: new Map(), budget: new KeyBudget(maxKeys) });
    this.codeBudget = new KeyBudget(maxKeys);
    this.dimensions = new Map(DIMENSIONS.map((d) => [d, grouping()]));
    this.successVendors = grouping();
    this.successActions = grouping();
    this.uncatalogued = new UncataloguedCodes(maxKeys);
    this.products = new ProductCounts(maxKeys);
  }

  /**
   * Counts one tagged record (error, success or neither; `recordText` feeds
   * the uncatalogued samples and the code's Recommend link, unless the
   * caller found the link already: `recommend`); returns false for
   * a record outside the time window, which is only counted as left out.
   * A source's time range covers every record read from it, in the window or not.
   */
  add(event: TaggedEvent, recordText = '', countRecord = true, recommend?: string | null): boolean {
    const source = this.source(event.source);
    // A record's further events (recognizeAll) share its place in the window; the record is counted once.
    if (countRecord ? !this.addRecord(source, event.time) : this.time.window.place(event.time) !== 'inside') return false;
    if (event.otherCloud !== null) {
      this.totals.otherCloud++;
      this.otherClouds.set(event.otherCloud, (this.otherClouds.get(event.otherCloud) ?? 0) + 1);
      return true;
    }
    if (event.event === null || (event.event === 'error' && event.duplicateOf !== null)) return true;
    // One API error logged by two inputs of the run is one error.
    if (event.event === 'error' && event.requestId && this.runRepeats?.countedElsewhere(event.requestId, event.code, event.source)) {
      this.totals.repeatsAcrossInputs++;
      return true;
    }
    const counted = this.selection.counts(event.product);
    this.products.add(event, counted);
    if (!counted) {
      if (event.event === 'error') this.totals.otherProducts++;
      return true;
    }
    if (event.event === 'success') {
      this.totals.successes++;
      source.successes++;
      countKey(this.successVendors, keyOf(event.vendor), 1);
      countKey(this.successActions, keyOf(event.action), 1);
      this.series?.addSuccess(event.time);
      return true;
    }
    if (event.event !== 'error' || event.duplicateOf !== null) return true;
    this.totals.errors++;
    source.errors++;
    const category = event.category ?? 'unknown';
    this.categories.set(category, (this.categories.get(category) ?? 0) + 1);
    for (const d of DIMENSIONS) countKey(this.dimensions.get(d)!, keyOf(event[d]), 1);
    this.crossTabs.add(event);
    const key = `${event.vendor ?? ''}\u0000${event.code ?? ''}`;
    let state = this.codes.get(key);
    if (!state && !this.codeBudget.admit(key, (evicted) => this.foldCode(evicted))) state = this.overflowCodeState();
    // The series counts codes as byCode does: past the budget, in the overflow row.
    if (state === this.overflowCode) this.series?.addError(event.time, category, null, OVERFLOW_CODE);
    else this.series?.addError(event.time, category, event.vendor, event.code);
    if (!state) {
      state = {
        info: {
          vendor: event.vendor,
          code: event.code,
          catalogued: event.catalogued,
          category,
          section: event.section,
          httpStatus: event.httpStatus,
          retryable: event.retryable,
          clientSide: event.clientSide,
        },
        count: 0,
        recommend: null,
        sample: new RequestIdSample(this.samples),
        first: null,
        last: null,
      };
      this.codes.set(key, state);
    }
    state.count++;
    if (state !== this.overflowCode) state.recommend = leastLink(state.recommend, recommend === undefined ? findRecommendLink(recordText) : recommend);
    // An API-specific code of another product is no gap of the catalog, whose codes are its own product's.
    if (this.selection.isCatalogProduct(event.product)) this.uncatalogued.add(event, recordText);
    if (event.requestId && state !== this.overflowCode) state.sample.add(event.requestId);
    if (event.time !== null) {
      state.first = min(state.first, event.time);
      state.last = max(state.last, event.time);
    }
    return true;
  }

  /**
   * Says the run reads one input (or, for a segment's counts, that the main
   * thread folds repeats across inputs): no error can repeat one counted
   * from another input, so no RequestId is remembered for it. On a file of
   * a million distinct errors the main thread spent 7% of its time
   * remembering them.
   */
  oneInput(): void {
    this.runRepeats = null;
  }

  /**
   * Counts one record with no event (what add() does with it), given its
   * source's accounting: the way the byte-level path counts a quiet line
   * without building an event for it. Returns false outside the time window.
   */
  addRecord(source: SourceState, time: number | null): boolean {
    if (time !== null) {
      source.first = min(source.first, time);
      source.last = max(source.last, time);
    }
    const place = this.time.window.place(time);
    if (place !== 'inside') {
      this.outside[place]++;
      return false;
    }
    this.totals.records++;
    source.records++;
    if (time !== null) this.series?.noteTime(time);
    return true;
  }

  /**
   * Adds a series kept for displays that the summary does not print (no
   * `--bucket`), from a part of the run counted elsewhere (a worker thread's
   * segment): absorb() takes only the series a summary prints.
   */
  absorbSeries(series: TimeSeries): void {
    this.series?.absorb(series);
    // Codes the budget does not keep are counted in the overflow row, in the series too.
    this.series?.foldCodesNotKept((key) => this.codes.has(key));
  }

  /** The series kept for displays (sparklines, the report), whether or not the summary prints it. */
  timeSeries(): TimeSeries | null {
    return this.series?.toJson() ?? null;
  }

  /** The per-source accounting, created on first use; past `maxKeys` sources, the overflow row's. */
  source(name: string): SourceState {
    let state = this.sources.get(name);
    if (!state) {
      if (this.sources.size >= this.maxKeys) return (this.overflowSource ??= newSource(OVERFLOW_SOURCE));
      state = newSource(name);
      this.sources.set(name, state);
    }
    return state;
  }

  /** The row codes past the budget are counted in. */
  private overflowCodeState(): CodeState {
    this.overflowCode ??= {
      info: { vendor: null, code: OVERFLOW_CODE, catalogued: false, category: 'unknown', section: null, httpStatus: null, retryable: null, clientSide: false },
      count: 0,
      recommend: null,
      sample: new RequestIdSample(0),
      first: null,
      last: null,
    };
    return this.overflowCode;
  }

  /** A kept code pushed out by one with a smaller hash: its counts go to the overflow row. */
  private foldCode(key: string): void {
    const state = this.codes.get(key);
    if (!state) return;
    this.codes.delete(key);
    this.series?.foldCode(key);
    const overflow = this.overflowCodeState();
    overflow.count += state.count;
    if (state.first !== null) overflow.first = min(overflow.first, state.first);
    if (state.last !== null) overflow.last = max(overflow.last, state.last);
  }

  /**
   * Adds another run's summary into this one, exactly: counts add, time
   * ranges widen, RequestId samples re-sample by the same hash order. So
   * absorbing the summaries of shards A and B equals one run over A + B.
   */
  absorb(summary: Summary): void {
    for (const key of Object.keys(this.totals) as (keyof Totals)[]) this.totals[key] += summary.totals[key] ?? 0;
    for (const [category, count] of Object.entries(summary.byCategory)) {
      this.categories.set(category as Category, (this.categories.get(category as Category) ?? 0) + count);
    }
    for (const c of summary.byCode) {
      const key = `${c.vendor ?? ''}\u0000${c.code ?? ''}`;
      let state = c.overflow ? this.overflowCodeState() : this.codes.get(key);
      if (!state && !this.codeBudget.admit(key, (evicted) => this.foldCode(evicted))) state = this.overflowCodeState();
      if (!state) {
        const { count: _count, requestIds: _ids, firstSeen: _first, lastSeen: _last, recommend: _recommend, ...info } = c;
        state = { info, count: 0, recommend: null, sample: new RequestIdSample(this.samples), first: null, last: null };
        this.codes.set(key, state);
      }
      state.count += c.count;
      if (state !== this.overflowCode) {
        for (const id of c.requestIds) state.sample.add(id);
        state.recommend = leastLink(state.recommend, c.recommend ?? null);
      }
      state.first = minIso(state.first, c.firstSeen);
      state.last = maxIso(state.last, c.lastSeen);
    }
    this.uncatalogued.absorb(summary.uncatalogued ?? [], summary.overflow?.folded['uncatalogued'] ?? 0);
    const lists: [Dimension, KeyCount[]][] = [
      ['vendor', summary.byVendor],
      ['httpStatus', summary.byHttpStatus],
      ['action', summary.byAction],
      ['pod', summary.byPod],
      ['container', summary.byContainer],
    ];
    for (const [d, counts] of lists) addKeyCounts(this.dimensions.get(d)!, counts);
    addKeyCounts(this.successVendors, summary.successesByVendor);
    addKeyCounts(this.successActions, summary.successesByAction);
    for (const s of summary.sources) {
      const state = s.overflow ? (this.overflowSource ??= newSource(OVERFLOW_SOURCE)) : this.source(s.name);
      state.lines += s.lines;
      state.bytes += s.bytes;
      state.records += s.records;
      state.errors += s.errors;
      state.successes += s.successes;
      state.first = minIso(state.first, s.firstSeen);
      state.last = maxIso(state.last, s.lastSeen);
      state.error ??= s.error;
      state.id ??= s.id ?? null;
      for (const name of s.alsoGivenAs ?? []) if (!state.alsoGivenAs.includes(name)) state.alsoGivenAs.push(name);
    }
    if (summary.window) {
      this.outside.before += summary.window.before;
      this.outside.after += summary.window.after;
      this.outside.untimed += summary.window.untimed;
    }
    if (summary.timeSeries) this.absorbSeries(summary.timeSeries);
    this.products.absorb(summary.byProduct);
    for (const { cloud, count } of summary.otherClouds) this.otherClouds.set(cloud, (this.otherClouds.get(cloud) ?? 0) + count);
    this.crossTabs.absorb(summary.groups);
  }

  /** What went to overflow rows, by the summary field they are in, or null when nothing did. */
  private folded(): Record<string, number> | null {
    const folded: Record<string, number> = {};
    if (this.overflowCode) folded['byCode'] = this.overflowCode.count;
    for (const d of DIMENSIONS) {
      const count = this.dimensions.get(d)!.counts.get(OVERFLOW);
      if (count !== undefined) folded[DIMENSION_FIELDS[d]] = count;
    }
    const vendors = this.successVendors.counts.get(OVERFLOW);
    if (vendors !== undefined) folded['successesByVendor'] = vendors;
    const actions = this.successActions.counts.get(OVERFLOW);
    if (actions !== undefined) folded['successesByAction'] = actions;
    if (this.overflowSource) folded['sources'] = this.overflowSource.lines;
    if (this.uncatalogued.folded > 0) folded['uncatalogued'] = this.uncatalogued.folded;
    return Object.keys(folded).length > 0 ? folded : null;
  }

  /** The summary, deterministic for the same input: every list has a stable order. */
  toSummary(): Summary {
    const byCategory: Record<string, number> = {};
    for (const [category, count] of sortCounts([...this.categories])) byCategory[category] = count;
    const byCode: CodeCount[] = [...this.codes.values()]
      .sort((a, b) => b.count - a.count || cmp(a.info.vendor, b.info.vendor) || cmp(a.info.code, b.info.code))
      .map((s) => ({ ...s.info, count: s.count, requestIds: s.sample.ids(), firstSeen: iso(s.first), lastSeen: iso(s.last), ...(s.recommend ? { recommend: s.recommend } : {}) }));
    // Overflow rows come last, marked, so they are never read as a code or a key the logs named.
    const overflowCode = this.overflowCode;
    if (overflowCode) {
      byCode.push({ ...overflowCode.info, count: overflowCode.count, requestIds: [], firstSeen: iso(overflowCode.first), lastSeen: iso(overflowCode.last), overflow: true });
    }
    const dim = (d: Dimension): KeyCount[] => toKeyCounts(this.dimensions.get(d)!);
    const attempts = this.totals.errors + this.totals.successes;
    const summary: Summary = {
      schema: SUMMARY_SCHEMA,
      catalog: this.catalog,
      samples: this.samples,
      totals: { ...this.totals },
      byCategory,
      byCode,
      uncatalogued: this.uncatalogued.toList(),
      byVendor: dim('vendor'),
      byHttpStatus: dim('httpStatus'),
      byAction: dim('action'),
      byPod: dim('pod'),
      byContainer: dim('container'),
      successesByVendor: toKeyCounts(this.successVendors),
      successesByAction: toKeyCounts(this.successActions),
      byProduct: this.products.toList(),
      countedProducts: this.selection.toJson(),
      otherClouds: sortCounts([...this.otherClouds]).map(([cloud, count]) => ({ cloud, count })),
      errorRate: attempts > 0 ? this.totals.errors / attempts : null,
      sources: [...this.sources.values()]
        .sort((a, b) => cmp(a.name, b.name))
        .concat(this.overflowSource ? [this.overflowSource] : [])
        .map((s): SourceStats => ({
          name: s.name,
          lines: s.lines,
          bytes: s.bytes,
          records: s.records,
          errors: s.errors,
          successes: s.successes,
          firstSeen: iso(s.first),
          lastSeen: iso(s.last),
          error: s.error,
          id: s.id,
          ...(s.alsoGivenAs.length > 0 ? { alsoGivenAs: [...s.alsoGivenAs] } : {}),
          ...(s === this.overflowSource ? { overflow: true as const } : {}),
        })),
    };
    const folded = this.folded();
    if (folded) summary.overflow = { maxKeys: this.maxKeys, folded };
    const { window } = this.time;
    if (window.bounded) summary.window = { since: iso(window.since), until: iso(window.until), ...this.outside };
    if (this.series && this.time.series?.label) summary.timeSeries = this.series.toJson();
    if (this.crossTabs.specs.length > 0) summary.groups = this.crossTabs.toJson();
    return summary;
  }
}

/** A source's accounting, empty. */
function newSource(name: string): SourceState {
  return { name, lines: 0, bytes: 0, records: 0, errors: 0, successes: 0, first: null, last: null, error: null, id: null, alsoGivenAs: [] };
}

/**
 * Counts `n` under `key` in a grouping: a key past its budget, or one a
 * newer key pushes out, is counted in the grouping's overflow row.
 */
function countKey(grouping: Grouping, key: string, n: number): void {
  const { counts, budget } = grouping;
  const admitted =
    counts.has(key) ||
    budget.admit(key, (evicted) => {
      const count = counts.get(evicted) ?? 0;
      counts.delete(evicted);
      counts.set(OVERFLOW, (counts.get(OVERFLOW) ?? 0) + count);
    });
  const at = admitted ? key : OVERFLOW;
  counts.set(at, (counts.get(at) ?? 0) + n);
}

/** Null becomes the empty key; it is turned back into null on output. */
function keyOf(value: string | number | null): string {
  return value === null ? '' : String(value);
}

function toKeyCounts({ counts }: Grouping): KeyCount[] {
  const overflow = counts.get(OVERFLOW);
  const rows: KeyCount[] = sortCounts([...counts].filter(([key]) => key !== OVERFLOW)).map(([key, count]) => ({ key: key === '' ? null : key, count }));
  if (overflow !== undefined) rows.push({ key: OVERFLOW_KEY, count: overflow, overflow: true });
  return rows;
}

function addKeyCounts(grouping: Grouping, rows: KeyCount[]): void {
  for (const row of rows) {
    if (row.overflow) grouping.counts.set(OVERFLOW, (grouping.counts.get(OVERFLOW) ?? 0) + row.count);
    else countKey(grouping, keyOf(row.key), row.count);
  }
}

function minIso(a: number | null, b: string | null): number | null {
  return b === null ? a : min(a, Date.parse(b));
}
function maxIso(a: number | null, b: string | null): number | null {
  return b === null ? a : max(a, Date.parse(b));
}

/** Of two links, the least in string order; null when neither. */
function leastLink(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  return b === null || a <= b ? a : b;
}

function min(a: number | null, b: number): number {
  return a === null || b < a ? b : a;
}
function max(a: number | null, b: number): number {
  return a === null || b > a ? b : a;
}
function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

