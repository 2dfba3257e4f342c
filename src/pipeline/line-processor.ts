import { attachMetadata } from '../catalog/attach-metadata.js';
import type { Aggregator } from '../aggregation/aggregator.js';
import { DEFAULT_ASSEMBLY_LIMITS, RecordAssembler, streamKey, type LineOrigin, type QuietLine } from '../records/assemble-records.js';
import { StreamOrder } from '../records/stream-order.js';
import type { DocumentEntry } from '../records/entry-finder.js';
import { mergeDimensions, NO_DIMENSIONS } from '../records/envelope-dimensions.js';
import { readEntry } from '../records/read-entry.js';
import { takeTailHeader } from '../records/tail-header.js';
import { unwrapLine, type UnwrappedLine } from '../records/unwrap-line.js';
import { podFromLogPath, type PodLogDimensions } from '../records/pod-log-path.js';
import { recognizeAll } from '../recognition/recognize.js';
import { redactEvent } from '../redaction/redact-event.js';
import type { RecognitionContext } from '../recognition/recognition-context.js';
import type { LogRecord, Recognition, TaggedEvent } from '../types.js';
import { timeBesideWrapper } from '../time/time-beside-wrapper.js';
import { RepeatWindow, type RememberedError } from './repeat-window.js';

/**
 * Receives every record with what was recognized in it; a record with
 * several API errors comes once per error, `further` set for all but the first.
 */
export type RecordSink = (record: LogRecord, recognition: Recognition, event: TaggedEvent, further?: boolean) => void;

/**
 * Receives a record that is one quiet line, as its bytes (see
 * src/lines/quiet-lines.ts). The recognition and the event are refilled for
 * the next quiet record: read them during the call, do not keep them.
 */
export type QuietRecordSink = (line: QuietLine, recognition: Recognition, event: TaggedEvent) => void;

/** Options that shape how lines become records. */
export interface LineOptions {
  /** Remove container wrappers and shippers' envelopes (on by default). */
  unwrap: boolean;
  /** Redact credentials in what is taken from the logs into events (on by default; `--no-redact`). */
  redact?: boolean;
  /** The number of the first line fed, when the processor starts inside its source (a segment). */
  firstLine?: number;
  /**
   * Takes, instead of counting and passing on, the records whose outcome
   * depends on lines this processor has not read, for a processor that starts
   * inside its source (see src/pipeline/segment-runner.ts): a record without a
   * time before any record with one (it inherits the time of earlier lines),
   * and an error with a RequestId (an earlier record may have reported it).
   */
  defer?: RecordSink;
  /**
   * Takes, instead of `defer`, an error with a RequestId that has its time:
   * all is settled but whether an earlier record reported the RequestId
   * (`duplicateOf`), which decides whether the error counts.
   */
  deferRepeat?: RecordSink;
  /**
   * Whether a processor that starts inside its source settles an error's
   * repeat itself once that needs no earlier line: in the source's first
   * segment, and once its own errors fill the window of recent RequestIds
   * (see RepeatWindow). Off when the run has several inputs, whose repeats
   * across inputs the main thread settles (on by default).
   */
  settleRepeats?: boolean;
  /** What an earlier run left this source with (see ProcessorCarry): it continues from there. */
  carry?: ProcessorCarry;
}

/**
 * What a source's processor carries from one record to the next, beyond
 * the counts: its line number, the time later records without one inherit,
 * and the RequestIds already reported. A run resumed from a checkpoint
 * starts with it, so it reads on as if it had never stopped.
 */
export interface ProcessorCarry {
  lineNo: number;
  lastTime: number | null;
  repeats: RememberedError[];
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
  product: null,
  otherCloud: null,
};

interface PartialLine {
  text: string;
  origin: LineOrigin;
  lineNo: number;
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
  /** Puts newest-first streams back in written order before assembly. */
  private readonly order: StreamOrder;
  private readonly partials = new Map<string, PartialLine>();
  /** The origin of the event whose text runs on over the lines that follow (see UnwrappedLine.runOn), until its tail. */
  private runOn: LineOrigin | null = null;
  /** The last line's header, while lines indented by its width continue its entry (see UnwrappedLine.hangingIndent). */
  private hanging: { width: number; origin: LineOrigin } | null = null;
  /** The file the last `tail` header named (see takeTailHeader): the lines that follow are its, up to the next header. */
  private tailFile: LineOrigin | null = null;
  private readonly repeats: RepeatWindow;
  /** Errors with a RequestId whose repeat was settled here (see LineOptions.settleRepeats). */
  private settledRequestIds = 0;
  private readonly stats: ReturnType<Aggregator['source']>;
  private firstFailure: { line: number; message: string } | null = null;

  private readonly firstLine: number;
  /** A kubelet log file's namespace, pod and container, for records whose lines do not name them. */
  private readonly pathDimensions: PodLogDimensions | null;
  /** What quietSink is handed for every quiet record: made once, its line and time refilled (see QuietRecordSink). */
  private quietTags: { recognition: Recognition; event: TaggedEvent } | null = null;

  constructor(
    readonly source: string,
    private readonly ctx: RecognitionContext,
    private readonly aggregator: Aggregator,
    private readonly sink: RecordSink | null,
    private readonly options: LineOptions = { unwrap: true },
    /** Takes quiet records as bytes; without it they reach `sink` decoded. */
    private readonly quietSink: QuietRecordSink | null = null,
  ) {
    this.firstLine = options.firstLine ?? 1;
    this.pathDimensions = podFromLogPath(source);
    this.lineNo = this.firstLine - 1;
    this.repeats = new RepeatWindow(undefined, options.carry?.repeats);
    if (options.carry) {
      this.lineNo = options.carry.lineNo;
      this.lastTime = options.carry.lastTime;
    }
    this.assembler = new RecordAssembler(
      source,
      (record) => this.onRecord(record),
      DEFAULT_ASSEMBLY_LIMITS,
      (line, lineNo) => this.onQuietRecord(line, lineNo),
    );
    this.stats = aggregator.source(source);
    this.order = new StreamOrder(
      (line) => this.assembler.push(line.text, line.lineNo, line.origin),
      (key) => this.assembler.takeBack(key),
    );
  }

  /** Lines seen so far. */
  get lines(): number {
    return this.lineNo - this.firstLine + 1;
  }

  /** Whether the next line is line 1 of the source (where a byte order mark is dropped). */
  get atSourceStart(): boolean {
    return this.lineNo === 0;
  }

  /** The last time seen in a record, which later records without one inherit. */
  get latestTime(): number | null {
    return this.lastTime;
  }

  /**
   * Feeds one physical line (without its newline). `plain`: the line is
   * known to carry no wrapper or envelope (the fast path checked it), so the
   * unwrapper, which would leave it as it is, is not asked.
   */
  pushLine(line: string, plain = false): void {
    const lineNo = ++this.lineNo;
    // Counted as read, so a live view or a snapshot mid-stream is exact.
    this.aggregator.totals.lines++;
    this.stats.lines++;
    const text = lineNo === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
    if (this.options.unwrap && text.charCodeAt(0) === 0x3d /* = */) {
      const file = takeTailHeader(text);
      if (file) {
        // tail's own line: the file's lines follow it, and it adds no text.
        this.tailFile = file;
        this.hanging = null;
        return;
      }
    }
    if (this.hanging && this.continuesHanging(text, lineNo)) return;
    const unwrapped = this.options.unwrap && !plain ? unwrapLine(text) : null;
    const wrapped = unwrapped && this.tailFile ? { ...unwrapped, origin: mergeDimensions(this.tailFile, unwrapped.origin) } : unwrapped;
    if (!wrapped) {
      if (this.runOn) this.pushUnwrapped({ text, origin: this.runOn, partial: false }, lineNo);
      else if (this.tailFile) this.pushUnwrapped({ text, origin: this.tailFile, partial: false }, lineNo);
      else this.assembler.push(text, lineNo, null);
      return;
    }
    if (wrapped.runOn === 'closes') {
      // The rest of an event whose text ran on: its record has all its text.
      this.runOn = null;
      return;
    }
    this.runOn = wrapped.runOn === 'opens' ? wrapped.origin : null;
    if (wrapped.hangingIndent !== undefined) this.hanging = { width: wrapped.hangingIndent, origin: wrapped.origin };
    this.pushUnwrapped(wrapped, lineNo);
  }

  /**
   * Whether `text` continues the entry whose header left a hanging indent
   * (see UnwrappedLine.hangingIndent), and if so feeds it to that entry's
   * stream; if not, the entry has ended.
   */
  private continuesHanging(text: string, lineNo: number): boolean {
    const { width, origin } = this.hanging!;
    if (!indentedBy(text, width)) {
      this.hanging = null;
      return false;
    }
    this.pushUnwrapped({ text: text.slice(width), origin, partial: false }, lineNo);
    return true;
  }

  /**
   * Feeds one entry of a JSON document (see JsonDocumentReader): the
   * physical lines up to its last are counted, and what it carries joins its
   * stream as a line would.
   */
  pushEntry(entry: DocumentEntry): void {
    this.hanging = null;
    this.countLinesTo(entry.lastLine);
    const read = readEntry(entry);
    // An entry of no stream of its own still gives its record the time the export wrote beside it.
    if (streamKey(read.origin) === '') this.assembler.push(read.text, entry.firstLine, read.origin.time === null ? null : read.origin);
    else this.pushUnwrapped(read, entry.firstLine);
  }

  /** Counts the physical lines of a JSON document up to `lineNo` (its entries' lines, and those between them). */
  countLinesTo(lineNo: number): void {
    const more = lineNo - this.lineNo;
    if (more <= 0) return;
    this.lineNo = lineNo;
    this.aggregator.totals.lines += more;
    this.stats.lines += more;
  }

  /**
   * A line with its wrappers removed: partial lines are joined, and what
   * stands inside the whole line (unwrapLine leaves a part's inner layers,
   * as a debug prefix only its first part carries) is peeled; then it goes
   * to its stream.
   */
  private pushUnwrapped(wrapped: UnwrappedLine, lineNo: number): void {
    let text: string;
    const stream = streamKey(wrapped.origin);
    const before = this.partials.get(stream);
    if (before) {
      this.partials.delete(stream);
      text = before.text + wrapped.text;
    } else text = wrapped.text;
    // A runtime's partial lines are joined up to the record bound, so an
    // endless run of them (a hostile or broken writer) holds bounded memory.
    if (wrapped.partial && text.length < DEFAULT_ASSEMBLY_LIMITS.maxRecordChars) {
      this.partials.set(stream, { text, origin: wrapped.origin, lineNo: before?.lineNo ?? lineNo });
      // As many streams as records may be open: past that, the oldest partial line is taken as it is.
      if (this.partials.size > DEFAULT_ASSEMBLY_LIMITS.maxOpenRecords) this.pushOldestPartial();
      return;
    }
    const inner = before ? unwrapLine(text, false) : null;
    if (inner === null) {
      this.order.push(stream, { text, lineNo: before?.lineNo ?? lineNo, origin: wrapped.origin });
      return;
    }
    const origin = mergeDimensions(wrapped.origin, inner.origin);
    this.order.push(streamKey(origin), { text: inner.text, lineNo: before!.lineNo, origin });
  }

  /**
   * Feeds one physical line that the byte-level scanner found quiet: not
   * wrapped, no byte order mark, valid UTF-8, nothing recognition would react
   * to, and a line that starts a record whatever is open (but after
   * `caused by:`).
   */
  pushQuietLine(line: QuietLine): void {
    const lineNo = ++this.lineNo;
    // A quiet line is never indented: it ends any entry continued by indented lines.
    this.hanging = null;
    this.aggregator.totals.lines++;
    this.stats.lines++;
    // A line whose time stamp was removed joins a partial line left open in the unnamed stream, as unwrapped lines do.
    if (line.wrapperTime !== null && this.partials.has('')) {
      const text = line.buf.toString('utf8', line.start, line.end);
      this.pushUnwrapped({ text, origin: { ...NO_DIMENSIONS, time: line.wrapperTime, zoned: true }, partial: false }, lineNo);
      return;
    }
    // After a `tail` header, the line is its file's.
    if (this.tailFile && !this.runOn) {
      this.pushUnwrapped({ text: line.buf.toString('utf8', line.start, line.end), origin: this.tailFile, partial: false }, lineNo);
      return;
    }
    // Inside an event whose text runs on, the line is that event's, in its stream.
    if (this.runOn) {
      this.pushUnwrapped({ text: line.buf.toString('utf8', line.start, line.end), origin: this.runOn, partial: false }, lineNo);
      return;
    }
    this.assembler.pushQuiet(line, lineNo);
  }

  private pushOldestPartial(): void {
    const [stream, partial] = this.partials.entries().next().value as [string, PartialLine];
    this.partials.delete(stream);
    this.order.push(stream, { text: partial.text, lineNo: partial.lineNo, origin: partial.origin });
  }

  /** Closes the open records (end of input, or a quiet live stream). */
  flush(): void {
    for (const [stream, partial] of this.partials) {
      this.partials.delete(stream);
      this.order.push(stream, { text: partial.text, lineNo: partial.lineNo, origin: partial.origin });
    }
    this.order.flush();
    this.assembler.flush();
  }

  /**
   * One sweep of a live source's per-stream quiet timer (see
   * RecordAssembler.closeIdle); returns how many records it closed.
   */
  closeIdle(): number {
    return this.assembler.closeIdle();
  }

  /** What the next record depends on besides its own lines (see ProcessorCarry); meaningful when nothing is pending. */
  carry(): ProcessorCarry {
    return { lineNo: this.lineNo, lastTime: this.lastTime, repeats: this.repeats.entries() };
  }

  /**
   * The errors with a RequestId settled here that the window still holds,
   * oldest first: what the source's window takes from this processor beyond
   * the errors it settled itself (see run-parallel.ts).
   */
  settledWindow(): RememberedError[] {
    const entries = this.repeats.entries();
    return entries.slice(entries.length - Math.min(this.settledRequestIds, entries.length));
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

  private onRecord(closed: LogRecord): void {
    const dims = this.pathDimensions;
    const record = dims && closed.pod === null && closed.namespace === null && closed.container === null ? { ...closed, ...dims } : closed;
    let recognitions: Recognition[];
    try {
      recognitions = recognizeAll(record.text, this.ctx, record.wrapperTime, record.wrapperZoned === true);
    } catch (err) {
      this.noteFailure(record.line, err);
      recognitions = [UNRECOGNIZED];
    }
    // One event per API error of the record; the record itself is counted with its first.
    for (let i = 0; i < recognitions.length; i++) this.onRecognition(record, recognitions[i]!, i > 0);
  }

  private onRecognition(record: LogRecord, recognition: Recognition, further: boolean): void {
    const tagged = attachMetadata(record, recognition, this.ctx.catalog, this.lastTime);
    const event = this.options.redact === false ? tagged : redactEvent(tagged);
    // Every error with a RequestId joins the window, settled here or not, so the window is the source's own.
    const settledHere = this.options.settleRepeats !== false && (this.repeats.full || this.firstLine === 1);
    const repeatOf = event.event === 'error' && event.requestId ? this.repeats.check(event.requestId, event.code, record.line) : null;
    if (settledHere && event.event === 'error' && event.requestId) this.settledRequestIds++;
    if (event.time !== null) this.lastTime = event.time;
    else if (this.options.defer && this.lastTime === null) return this.options.defer(record, recognition, event, further);
    if (event.event === 'error' && event.requestId) {
      if (!settledHere && this.options.deferRepeat) {
        try {
          this.options.deferRepeat(record, recognition, event, further);
        } catch (err) {
          this.noteFailure(record.line, err);
        }
        return;
      }
      if (!settledHere && this.options.defer) return this.options.defer(record, recognition, event, further);
      event.duplicateOf = repeatOf;
    }
    if (!this.aggregator.add(event, record.text, !further)) return;
    try {
      this.sink?.(record, recognition, event, further);
    } catch (err) {
      this.noteFailure(record.line, err);
    }
  }

  /** A quiet line is what recognition makes of a text with nothing in it: no event, its time. */
  private onQuietRecord(line: QuietLine, lineNo: number): void {
    // As recognition and attachMetadata time a record: its own time (read in the zone its wrapper's shows: a stamp
    // the fast path removes is kubectl's, with its zone), else its wrapper's, else the last one seen.
    const own = timeBesideWrapper(line.time, line.wrapperTime, true);
    const time = own ?? line.wrapperTime ?? this.lastTime;
    if ((this.quietSink !== null || this.sink === null) && (time !== null || !this.options.defer)) {
      // Counted as add() counts a record without an event; the quiet sink, if any, gets the event such a record makes.
      this.lastTime = time;
      if (!this.aggregator.addRecord(this.stats, time) || this.quietSink === null) return;
      const { recognition, event } = this.refillQuietTags(line, lineNo, own, time);
      try {
        this.quietSink(line, recognition, event);
      } catch (err) {
        this.noteFailure(lineNo, err);
      }
      return;
    }
    const recognition: Recognition = { ...UNRECOGNIZED, time: own, json: line.json };
    const record = new QuietRecord(this.source, lineNo, line);
    // Nothing taken from the log is in a quiet record's event, so there is nothing to redact.
    const event = attachMetadata(record, recognition, this.ctx.catalog, this.lastTime);
    if (event.time !== null) this.lastTime = event.time;
    else if (this.options.defer && this.lastTime === null) return this.options.defer(record, recognition, event);
    if (!this.aggregator.add(event)) return;
    try {
      if (this.quietSink) this.quietSink(line, recognition, event);
      else this.sink?.(record, recognition, event);
    } catch (err) {
      this.noteFailure(record.line, err);
    }
  }

  /** The recognition and event of a quiet record, as attachMetadata makes them, in objects reused from one to the next. */
  private refillQuietTags(line: QuietLine, lineNo: number, own: number | null, time: number | null): { recognition: Recognition; event: TaggedEvent } {
    if (!this.quietTags) {
      const recognition: Recognition = { ...UNRECOGNIZED, messages: [] };
      this.quietTags = { recognition, event: attachMetadata(new QuietRecord(this.source, lineNo, line), recognition, this.ctx.catalog, null) };
    }
    const { recognition, event } = this.quietTags;
    recognition.time = own;
    recognition.json = line.json;
    event.line = lineNo;
    event.time = time;
    return this.quietTags;
  }

  private noteFailure(line: number, err: unknown): void {
    this.firstFailure ??= { line, message: err instanceof Error ? err.message : String(err) };
  }
}

/** A record that is one quiet line; its text is decoded only if something reads it. */
class QuietRecord implements LogRecord {
  readonly pod = null;
  readonly container = null;
  readonly namespace = null;
  readonly host = null;
  readonly unit = null;

  constructor(
    readonly source: string,
    readonly line: number,
    private readonly bytes: QuietLine,
  ) {}

  get text(): string {
    return this.bytes.buf.toString('utf8', this.bytes.start, this.bytes.end);
  }

  get wrapperTime(): number | null {
    return this.bytes.wrapperTime;
  }
}

/**
 * Whether `line` starts with `width` spaces, or is blank: an empty line of
 * a message is printed as its indent alone, which a copy may have trimmed.
 */
function indentedBy(line: string, width: number): boolean {
  const end = Math.min(line.length, width);
  for (let i = 0; i < end; i++) if (line.charCodeAt(i) !== 0x20) return false;
  return true;
}
