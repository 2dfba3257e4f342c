import { attachMetadata } from '../catalog/attach-metadata.js';
import type { Aggregator } from '../aggregation/aggregator.js';
import { DEFAULT_ASSEMBLY_LIMITS, RecordAssembler } from '../records/assemble-records.js';
import { unwrapContainer } from '../records/unwrap-container.js';
import { recognize } from '../recognition/recognize.js';
import { redactEvent } from '../render/redact-event.js';
import type { RecognitionContext } from '../recognition/recognition-context.js';
import type { LogRecord, Recognition, TaggedEvent } from '../types.js';
import { RepeatWindow } from './repeat-window.js';

/** Receives every record with what was recognized in it. */
export type RecordSink = (record: LogRecord, recognition: Recognition, event: TaggedEvent) => void;

/** Options that shape how lines become records. */
export interface LineOptions {
  /** Remove kubectl, CRI and Docker wrappers (on by default). */
  unwrap: boolean;
  /** Redact credentials in what is taken from the logs into events (on by default; `--no-redact`). */
  redact?: boolean;
}

/** What a record that failed recognition counts as: a record with no event. */
const UNRECOGNIZED: Recognition = {
  event: null,
  vendor: null,
  code: null,
  requestId: null,
  action: null,
  observedStatus: null,
  messages: [],
  time: null,
  json: false,
};

interface PartialLine {
  text: string;
}

/**
 * The per-source middle of the pipeline: lines → records → recognition →
 * catalog → sink. Synchronous; the caller feeds it lines and decides when a
 * quiet stream's open record is closed (`flush`).
 */
export class LineProcessor {
  private lineNo = 0;
  private lastTime: number | null = null;
  private readonly assembler: RecordAssembler;
  private readonly partials = new Map<string, PartialLine>();
  private readonly repeats = new RepeatWindow();
  private readonly stats: ReturnType<Aggregator['source']>;
  private firstFailure: { line: number; message: string } | null = null;

  constructor(
    readonly source: string,
    private readonly ctx: RecognitionContext,
    private readonly aggregator: Aggregator,
    private readonly sink: RecordSink | null,
    private readonly options: LineOptions = { unwrap: true },
  ) {
    this.assembler = new RecordAssembler(source, (record) => this.onRecord(record));
    this.stats = aggregator.source(source);
  }

  /** Lines seen so far. */
  get lines(): number {
    return this.lineNo;
  }

  /** Feeds one physical line (without its newline). */
  pushLine(line: string): void {
    const lineNo = ++this.lineNo;
    // Counted as read, so a live view or a snapshot mid-stream is exact.
    this.aggregator.totals.lines++;
    this.stats.lines++;
    let text = lineNo === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
    const wrapped = this.options.unwrap ? unwrapContainer(text) : null;
    if (!wrapped) {
      this.assembler.push(text, lineNo, null);
      return;
    }
    const stream = wrapped.origin.stream ?? '';
    const before = this.partials.get(stream);
    if (before) {
      this.partials.delete(stream);
      text = before.text + wrapped.text;
    } else text = wrapped.text;
    // A runtime's partial lines are joined up to the record bound, so an
    // endless run of them (a hostile or broken writer) holds bounded memory.
    if (wrapped.partial && text.length < DEFAULT_ASSEMBLY_LIMITS.maxRecordChars) {
      this.partials.set(stream, { text });
      return;
    }
    this.assembler.push(text, lineNo, wrapped.origin);
  }

  /** Closes the open records (end of input, or a quiet live stream). */
  flush(): void {
    for (const [stream, partial] of this.partials) {
      this.partials.delete(stream);
      this.assembler.push(partial.text, this.lineNo, null);
    }
    this.assembler.flush();
  }

  /** Whether a record is waiting for more lines. */
  get pending(): boolean {
    return this.assembler.pending || this.partials.size > 0;
  }

  /**
   * The first record this source could not process, if any: recognition and
   * the sink are meant never to throw, but if one does, the record is still
   * counted (unrecognized) and the rest of the source is still read.
   */
  get failure(): { line: number; message: string } | null {
    return this.firstFailure;
  }

  private onRecord(record: LogRecord): void {
    let recognition: Recognition;
    try {
      recognition = recognize(record.text, this.ctx);
    } catch (err) {
      this.noteFailure(record, err);
      recognition = UNRECOGNIZED;
    }
    const tagged = attachMetadata(record, recognition, this.ctx.catalog, this.lastTime);
    const event = this.options.redact === false ? tagged : redactEvent(tagged);
    if (event.time !== null) this.lastTime = event.time;
    if (event.event === 'error' && event.requestId) event.duplicateOf = this.repeats.check(event.requestId, record.line);
    if (!this.aggregator.add(event, record.text)) return;
    try {
      this.sink?.(record, recognition, event);
    } catch (err) {
      this.noteFailure(record, err);
    }
  }

  private noteFailure(record: LogRecord, err: unknown): void {
    this.firstFailure ??= { line: record.line, message: err instanceof Error ? err.message : String(err) };
  }
}
