import { Counter, Gauge, Registry } from 'prom-client';
import type { Aggregator } from '../aggregation/aggregator.js';
import type { Catalog } from '../catalog/catalog.js';
import type { TaggedEvent } from '../types.js';
import { LabelBudget } from './label-budget.js';

/** Uncatalogued codes given their own label value before the rest become `other`. */
export const MAX_UNCATALOGUED_CODES = 50;
/** Pods given their own label value (a node runs at most a few hundred). */
export const MAX_PODS = 500;
/** API actions and products given their own label value (a service calls a few dozen). */
export const MAX_ACTIONS = 200;
export const MAX_PRODUCTS = 50;
/** An API action as both vendors name them: `DescribeInstance`, `ApplyToken`. */
const ACTION_NAME = /^[A-Za-z][A-Za-z0-9]{0,127}$/;
/** A product as the first DNS label of its API host: `onsmqtt`, `cvm`. */
const PRODUCT_NAME = /^[a-z0-9][-a-z0-9]{0,62}$/;
/** A Kubernetes pod name: a DNS-1123 subdomain. */
const POD_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

/** The Prometheus metrics of a run and the per-event hook that feeds them. */
export interface RunMetrics {
  registry: Registry;
  /** The metrics in the Prometheus text format, its last line ended by a newline as the format requires. */
  text(): Promise<string>;
  /** Counts one tagged record; a RecordSink calls it for every record. */
  observe(event: TaggedEvent): void;
  /** The error and success counters, series by series, for a checkpoint (`--state`). */
  counts(): MetricCounts;
  /** Adds a checkpoint's counts, so the counters continue from where a previous run left them. */
  restore(counts: MetricCounts): void;
}

/** A counter's series as label values and counts. */
export interface MetricCounts {
  errors: { labels: Record<string, string>; value: number }[];
  successes: { labels: Record<string, string>; value: number }[];
}

/**
 * Builds the run's metrics with prom-client. API errors are counted per
 * record with labels vendor, code, category and pod; every label value comes
 * from the catalog or from a capped budget (see LabelBudget). Line, record
 * and byte totals are read from the aggregator at each scrape.
 * @example
 * const metrics = createMetrics(catalog, aggregator);
 * metrics.observe(event);
 * await metrics.text(); // '# HELP mqerr_errors_total …'
 */
export function createMetrics(catalog: Catalog, aggregator: Aggregator, registry: Registry = new Registry()): RunMetrics {
  const vendors = new LabelBudget(0, (v) => catalog.vendors.has(v));
  const codes = new LabelBudget(MAX_UNCATALOGUED_CODES, (c) => catalog.vendorsWithExact(c).length > 0);
  const pods = new LabelBudget(MAX_PODS, () => false, (p) => POD_NAME.test(p));
  const catalogProducts = new Set([...catalog.vendors.values()].map((vc) => vc.product.toLowerCase()));
  const products = new LabelBudget(MAX_PRODUCTS, (p) => catalogProducts.has(p), (p) => PRODUCT_NAME.test(p));
  const actions = new LabelBudget(MAX_ACTIONS, () => false, (a) => ACTION_NAME.test(a));

  const errors = new Counter({
    name: 'mqerr_errors_total',
    help: 'API errors of ApsaraMQ for MQTT and TDMQ for MQTT found in the logs, by vendor, product, API action, pod, error code and category.',
    labelNames: ['vendor', 'product', 'action', 'pod', 'code', 'category'] as const,
    registers: [registry],
  });
  const successes = new Counter({
    name: 'mqerr_successes_total',
    help: 'Successful API calls found in the logs, by vendor, product, API action and pod (the labels errors have beside code and category).',
    labelNames: ['vendor', 'product', 'action', 'pod'] as const,
    registers: [registry],
  });
  const total = (name: string, help: string, read: () => number): void => {
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  };
  total('mqerr_lines_total', 'Physical log lines read.', () => aggregator.totals.lines);
  total('mqerr_records_total', 'Log records (events, multi-line ones joined) read.', () => aggregator.totals.records);
  total('mqerr_truncated_lines_total', 'Lines longer than --max-line-bytes, cut to that length.', () => aggregator.totals.truncated);
  total('mqerr_read_bytes_total', 'Bytes read from the inputs (compressed size for gzip).', () =>
    aggregator.toSummary().sources.reduce((sum, s) => sum + s.bytes, 0),
  );
  new Gauge({
    name: 'mqerr_catalog_info',
    help: 'The error-code catalog in use; always 1.',
    labelNames: ['version'] as const,
    registers: [registry],
  }).set({ version: catalog.version }, 1);

  // The counters' values, kept beside prom-client's so a checkpoint can read them at once.
  const errorCounts = new Map<string, { labels: Record<string, string>; value: number }>();
  const successCounts = new Map<string, { labels: Record<string, string>; value: number }>();
  const count = <L extends string>(counter: Counter<L>, counts: typeof errorCounts, labels: Record<L, string>, value: number): void => {
    counter.inc(labels, value);
    const key = JSON.stringify(labels);
    const known = counts.get(key);
    if (known) known.value += value;
    else counts.set(key, { labels, value });
  };
  return {
    registry,
    async text() {
      const text = await registry.metrics();
      return text.endsWith('\n') ? text : `${text}\n`;
    },
    observe(event) {
      // As in the summary: only the products the main counts hold (`--product`).
      if (!aggregator.selection.counts(event.product) || event.otherCloud !== null) return;
      if (event.event === null) return;
      // Successes and errors share these, so PromQL can divide one by the other per pod or action.
      const call = {
        vendor: vendors.label(event.vendor),
        product: products.label(event.product),
        action: actions.label(event.action),
        pod: pods.label(event.pod),
      };
      if (event.event === 'success') count(successes, successCounts, call, 1);
      // A repeat of an error already counted (same RequestId) is one error, as in the summary.
      if (event.event !== 'error' || event.duplicateOf !== null) return;
      count(errors, errorCounts, { ...call, code: codes.label(event.code), category: event.category ?? 'unknown' }, 1);
    },
    counts() {
      const list = (counts: Map<string, { labels: Record<string, string>; value: number }>) => [...counts.values()].map((c) => ({ labels: c.labels, value: c.value }));
      return { errors: list(errorCounts), successes: list(successCounts) };
    },
    restore(counts) {
      for (const { labels, value } of counts.errors) count(errors, errorCounts, labels, value);
      for (const { labels, value } of counts.successes) count(successes, successCounts, labels, value);
    },
  };
}
