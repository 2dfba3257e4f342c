// mqerr as a library: `import { createMqerr } from 'mqerr'`. See docs/library.md.
export { createMqerr, Mqerr, type LineTagger, type MqerrOptions, type SummaryFormat, type TaggedRecord } from './create-mqerr.js';
export type { Summary } from '../aggregation/summary.js';
export type { LogRecord, TaggedEvent } from '../types.js';
export type { RunMetrics } from '../sinks/create-metrics.js';
export { serveMetrics, type MetricsServer } from '../sinks/serve-metrics.js';
