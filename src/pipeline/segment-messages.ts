import type { EmbeddedData } from '../sources/embedded-compression.js';
import type { CountedProducts } from '../aggregation/product-selection.js';
import type { Dimension } from '../aggregation/cross-tabs.js';
import type { Summary, TimeSeries } from '../aggregation/summary.js';
import type { SeriesOptions } from '../aggregation/time-series.js';
import type { VendorCatalog } from '../catalog/catalog.js';
import type { RawShape } from '../catalog/raw-catalog.js';
import type { TimeReference } from '../time/time-reference.js';
import type { LogRecord, Recognition, TaggedEvent } from '../types.js';
import type { ReadSurvey } from './range-sequencer.js';
import type { RememberedError } from './repeat-window.js';

/**
 * What a segment worker needs to process segments as the main thread would:
 * the catalog as loaded (user catalogs applied), and the run's options.
 */
export interface SegmentSettings {
  catalog: { vendors: VendorCatalog[]; version: string; shapes: RawShape[] };
  samples: number;
  /** The run's --max-keys, so a segment's counts are bounded as the run's are. */
  maxKeys: number;
  maxLineBytes: number;
  unwrap: boolean;
  /** Redact credentials in events (`--no-redact` turns it off). */
  redact: boolean;
  /** `--since`/`--until` (epoch ms) and the series kept, as the main thread's aggregator has them. */
  time: { since: number | null; until: number | null; series: SeriesOptions | null };
  /** Set for `mqerr tag`: the worker renders the tagged lines. */
  tag: { errorsOnly: boolean; redactInput: boolean } | null;
  /** The products the main counts hold (`--product`), and the catalog's own, as the main thread's aggregator has them. */
  countedProducts: CountedProducts;
  catalogProducts: string[];
  /** The combinations of dimensions errors are also counted by (`--by pod,code`). */
  crossTabs: Dimension[][];
  /** The zone of log timestamps written without one (`--log-tz`), as the main thread reads them. */
  logTimeZone: string;
  /** How times written without a year or a date are read (`--log-year`, `--log-date`, the run's start), as the main thread reads them. */
  timeReference: TimeReference;
  /** Whether segments settle repeats that need no earlier line (LineOptions.settleRepeats): the run has one input. */
  settleRepeats: boolean;
}

/** A record whose outcome depends on lines before its segment (see LineOptions.defer), as plain data. */
export interface DeferredRecord {
  record: LogRecord;
  recognition: Recognition;
  event: TaggedEvent;
  /** A further error of a record whose first event came before (see RecordSink). */
  further?: boolean;
}

/**
 * An error with a RequestId, settled in its segment but for whether an
 * earlier record of its source reported the RequestId (LineOptions.deferRepeat).
 */
export interface RepeatCheck {
  /** The event, `duplicateOf` to be found; without description and remedy, which counting does not read. */
  repeat: TaggedEvent;
  /** The record's text when its code is uncatalogued (the summary keeps a sample), else null. */
  text: string | null;
  /** The Recommend link the record's text carries, or null (the summary keeps one per code). */
  recommend: string | null;
  /** Whether its tagged line was written: its `,"duplicateOf":N` goes where this item stands in the output. */
  written: boolean;
  /** A further error of a record whose first event came before (see RecordSink). */
  further?: boolean;
}

/**
 * A segment's output in order: tagged lines (`bytes[start, end)`), and the
 * records the main thread finishes in their place. The tagged lines of one
 * message share one buffer, which goes back to the worker once its `last`
 * piece is written.
 */
export type SegmentItem = { bytes: ArrayBuffer; start: number; end: number; last: boolean } | DeferredRecord | RepeatCheck;

/** What a segment adds to the run, in the order segments are merged. */
export interface SegmentResult {
  /** Counts of the segment's records, but for its deferred ones. */
  summary: Summary;
  /** The series for displays when the run keeps one the summary does not print (no --bucket). */
  series: TimeSeries | null;
  /** The last time seen in the segment, null when none. */
  lastTime: number | null;
  lines: number;
  /** The errors with a RequestId the segment settled itself that its window still holds, oldest first (see LineProcessor.settledWindow). */
  repeatTail: RememberedError[];
  /** The segment's first record that could not be processed (see LineProcessor.failure). */
  failure: { line: number; message: string } | null;
}

/** What a segment read on past its range gave (see ToWorker's `go`). */
export interface ReadOn {
  /** Bytes read past the range. */
  bytes: number;
  /** Why reading stopped before the end of the file, or null. */
  error: { message: string; code?: string } | null;
  /** Compressed data read past the range (see EmbeddedData), at its offset in the file; null for none. */
  embedded: EmbeddedData | null;
}

export type ToWorker =
  | { type: 'begin'; id: number; source: string; firstLine: number }
  /** A segment's next bytes: `bytes` whole, or its `length` bytes from `offset` (the main thread's own runner, handed them uncopied). */
  | { type: 'data'; id: number; bytes: ArrayBuffer; offset?: number; length?: number }
  | { type: 'end'; id: number }
  /** A byte range of an open file (`fd`) to read and survey now; processed once `go` comes. */
  | { type: 'range'; id: number; source: string; fd: number; start: number; length: number }
  /** Process the range surveyed, its first line being `firstLine`; `toEnd`: read on to the end of the file. */
  | { type: 'go'; id: number; firstLine: number; toEnd: boolean }
  /** Forget the range surveyed: it will not be processed. */
  | { type: 'drop'; id: number }
  /** An output buffer the main thread has written, back for reuse. */
  | { type: 'recycle'; bytes: ArrayBuffer };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'ack'; id: number; bytes: number }
  | { type: 'items'; id: number; items: SegmentItem[] }
  | { type: 'surveyed'; id: number; survey: ReadSurvey }
  /** A segment's end; `readOn` for a range that read on past its end. */
  | { type: 'done'; id: number; result: SegmentResult; readOn?: ReadOn }
  | { type: 'failed'; id: number; message: string };
