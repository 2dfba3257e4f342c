import type { Registry } from 'prom-client';
import { Aggregator } from '../aggregation/aggregator.js';
import { ProductSelection } from '../aggregation/product-selection.js';
import type { Summary } from '../aggregation/summary.js';
import { attachMetadata } from '../catalog/attach-metadata.js';
import type { Catalog } from '../catalog/catalog.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { LineProcessor } from '../pipeline/line-processor.js';
import { NO_STREAM } from '../records/assemble-records.js';
import { createRecognitionContext, type RecognitionContext } from '../recognition/recognition-context.js';
import { recognizeAll } from '../recognition/recognize.js';
import type { Grouping } from '../render/groupings.js';
import { redactEvent } from '../redaction/redact-event.js';
import { renderCsv } from '../render/render-csv.js';
import { renderMarkdown } from '../render/render-markdown.js';
import { renderTable } from '../render/render-table.js';
import { renderTagLine } from '../tagging/render-tag.js';
import { createMetrics, type RunMetrics } from '../sinks/create-metrics.js';
import type { LogRecord, TaggedEvent } from '../types.js';

export interface MqerrOptions {
  /** User catalog files (JSON or YAML), as `--catalog`. */
  catalog?: string[];
  /** RequestIds kept per code in the summary (default 5). */
  samples?: number;
  /** Products the main counts hold, as `--product` (default: the catalog's). */
  products?: string[];
  /** Remove container wrappers and shippers' envelopes (default true). */
  unwrap?: boolean;
  /** Redact credentials in events (default true). */
  redact?: boolean;
}

/** A record with what mqerr made of it: its event and its NDJSON line with an `mqerr` key, as `mqerr tag` writes it. */
export interface TaggedRecord {
  record: LogRecord;
  event: TaggedEvent;
  /** The record as one NDJSON line (no newline) with an `mqerr` key. */
  line: string;
}

/** Feeds a source's lines through record assembly, recognition and counting. */
export interface LineTagger {
  /** One physical line, without its newline. */
  push(line: string): void;
  /** Closes the open records (a quiet moment, or the end). */
  flush(): void;
}

export type SummaryFormat = 'json' | 'table' | 'csv' | 'markdown';

/**
 * mqerr inside a program: one catalog, one set of counts. The same
 * functions the CLI runs, with no process, stream or file side effects
 * beyond reading the catalog files once here.
 * @example
 * const mqerr = createMqerr();
 * const tagger = mqerr.tagger('app', (tagged) => console.log(tagged.event.code));
 * tagger.push('{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"…"},"RequestId":"…"}}');
 * tagger.flush();
 * mqerr.summary().totals.errors; // 1
 */
export function createMqerr(options: MqerrOptions = {}): Mqerr {
  return new Mqerr(options);
}

export class Mqerr {
  readonly catalog: Catalog;
  readonly aggregator: Aggregator;
  private readonly ctx: RecognitionContext;
  private readonly observers: ((event: TaggedEvent) => void)[] = [];

  constructor(private readonly options: MqerrOptions = {}) {
    this.catalog = loadCatalog(options.catalog ?? []);
    this.ctx = createRecognitionContext(this.catalog);
    const products = [...this.catalog.vendors.values()].map((vc) => vc.product.toLowerCase());
    this.aggregator = new Aggregator({ version: this.catalog.version, entries: this.catalog.size }, options.samples ?? 5, undefined, ProductSelection.fromNames(options.products, products));
  }

  /**
   * What one record says, without counting it: one event per API error it
   * holds (an event with `event: null` when it holds none).
   * @example mqerr.recognize('[TencentCloudSDKError] Code=AuthFailure.SignatureExpire, RequestId=…')[0].category // 'auth'
   */
  recognize(text: string, source = '-'): TaggedEvent[] {
    const record: LogRecord = { source, line: 1, text, wrapperTime: null, ...NO_STREAM };
    return recognizeAll(text, this.ctx).map((recognition) => {
      const event = attachMetadata(record, recognition, this.catalog, null);
      return this.options.redact === false ? event : redactEvent(event);
    });
  }

  /**
   * A tagger for one source's lines: multi-line records are assembled, every
   * record counted in this instance's summary and metrics, and handed to
   * `onRecord` once per record (with its first event) when given.
   */
  tagger(source: string, onRecord?: (tagged: TaggedRecord) => void): LineTagger {
    const processor = new LineProcessor(
      source,
      this.ctx,
      this.aggregator,
      (record, recognition, event, further) => {
        for (const observe of this.observers) observe(event);
        if (onRecord && !further) onRecord({ record, event, line: renderTagLine(record, recognition, event) });
      },
      { unwrap: this.options.unwrap ?? true, redact: this.options.redact ?? true },
    );
    return { push: (line) => processor.pushLine(line), flush: () => processor.flush() };
  }

  /** The summary of everything tagged so far (the JSON contract of `mqerr --format json`). */
  summary(): Summary {
    return this.aggregator.toSummary();
  }

  /** The summary rendered as the CLI renders it (no colours). */
  render(format: SummaryFormat = 'json', by: readonly Grouping[] = ['category', 'code']): string {
    const summary = this.summary();
    switch (format) {
      case 'json':
        return JSON.stringify(summary, null, 2) + '\n';
      case 'csv':
        return renderCsv(summary, by);
      case 'markdown':
        return renderMarkdown(summary, by);
      case 'table':
        return renderTable(summary, by, { color: false });
    }
  }

  /**
   * Prometheus metrics of this instance (the CLI's `--metrics-port` ones),
   * registered in `registry` (an application's own prom-client registry) or
   * a registry of their own. Counted from the records tagged after this call.
   */
  metrics(options: { registry?: Registry } = {}): RunMetrics {
    const metrics = createMetrics(this.catalog, this.aggregator, options.registry);
    this.observers.push((event) => metrics.observe(event));
    return metrics;
  }
}
