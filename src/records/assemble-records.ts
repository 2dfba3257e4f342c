import type { LogRecord } from '../types.js';
import { NO_DIMENSIONS, type Dimensions } from './envelope-dimensions.js';
import { advanceState, continuesRecord, dependsOnHeader, FRESH_STATE, type ContinuationState } from './continuation.js';
import { InputOrder, type Slot, type SlotHolder } from './input-order.js';

/** Bounds that keep one runaway record, or a crowd of streams, from holding unbounded memory. */
export interface AssemblyLimits {
  maxRecordLines: number;
  maxRecordChars: number;
  /** Records open at once (one per stream at most): past it, the longest-idle stream's record is closed. */
  maxOpenRecords: number;
  /** Characters held by all open records together: past it, the longest-idle streams' records are closed. */
  maxOpenChars: number;
}

export const DEFAULT_ASSEMBLY_LIMITS: AssemblyLimits = {
  maxRecordLines: 100_000,
  maxRecordChars: 4 * 1024 * 1024,
  maxOpenRecords: 4096,
  maxOpenChars: 16 * 1024 * 1024,
};

/** Where a line came from inside a source, once its wrappers and envelopes are removed: lines of different streams never share a record. */
export type LineOrigin = Dimensions;

/**
 * A line the byte-level scanner found quiet (see src/lines/quiet-lines.ts):
 * it starts a record whatever is open (unless the open record's last line
 * left a cause to follow), and is decoded only if a later line continues its record.
 */
export interface QuietLine {
  /** The line's bytes are `buf[start, end)`. */
  buf: Buffer;
  start: number;
  end: number;
  /** The time recognition reads from the line alone. */
  time: number | null;
  /** Whether the line is a JSON object text. */
  json: boolean;
  /** Whether the line's bytes are all ASCII (so valid UTF-8). */
  ascii: boolean;
  /** The time of a `kubectl logs --timestamps` stamp the line's bytes start after, as the unwrapper reads it; null when none. */
  wrapperTime: number | null;
  /** Whether the line is a JSON object read whole by the shape walk, so without a backslash (no escape can spell a key). */
  escapeFree: boolean;
}

interface OpenQuietRecord {
  line: QuietLine;
  lineNo: number;
  /** Its place among the records waiting to be emitted in order, once there is such a wait. */
  slot: Slot | null;
}


const NO_ORIGIN: LineOrigin = NO_DIMENSIONS;

/** What a quiet line's record holds of a wrapper: the time of a stamp removed from its start, or nothing. */
function quietOrigin(line: QuietLine): LineOrigin {
  // A stamp the fast path removes is kubectl's RFC 3339 time, with its zone.
  return line.wrapperTime === null ? NO_ORIGIN : { ...NO_ORIGIN, time: line.wrapperTime, zoned: true };
}
/**
 * The state of a record that is one quiet line: quiet lines hold none of the
 * words that open a traceback, a field block or an exception header, do
 * not end with `caused by:`, and are never empty.
 */
const QUIET_STATE: ContinuationState = { ...advanceState('', FRESH_STATE), afterBlank: false };

interface OpenRecord {
  lines: string[];
  chars: number;
  firstLine: number;
  origin: LineOrigin;
  state: ContinuationState;
  /** The idle sweep that last saw a line of it (see closeIdle). */
  sweep: number;
  slot: Slot | null;
}

/**
 * Groups physical lines into records (log events): a Java stack trace, a
 * Python traceback or a util.inspect block is one record. Lines of different
 * streams (pods, containers, hosts, units, stdout and stderr) are grouped
 * apart, so interleaving never merges them; a stream's record stays open
 * while other streams write, until its own stream starts a new record, it
 * has been idle through a sweep (closeIdle), or the bounds close it.
 * Records are emitted in input order, by their first line.
 */
export class RecordAssembler {
  /** Open records by stream, the longest idle first (a record that takes a line moves to the end). */
  private readonly open = new Map<string, OpenRecord>();
  /** The open record of unkeyed lines when it is a single quiet line. */
  private quiet: OpenQuietRecord | null = null;
  /** The object `quiet` points at while a quiet record is open. */
  private readonly spareQuiet: OpenQuietRecord = { line: null as unknown as QuietLine, lineNo: 0, slot: null };
  private openChars = 0;
  private sweeps = 0;
  /** The sweep that saw the quiet record open. */
  private quietSweep = 0;
  private readonly order = new InputOrder();

  constructor(
    private readonly source: string,
    private readonly emit: (record: LogRecord) => void,
    private readonly limits: AssemblyLimits = DEFAULT_ASSEMBLY_LIMITS,
    /** Receives a record that is one quiet line; without it, such a record is decoded and emitted. */
    private readonly emitQuiet: ((line: QuietLine, lineNo: number) => void) | null = null,
  ) {}

  /** Adds one physical line (1-based `lineNo`); may emit the record it closes. */
  push(text: string, lineNo: number, origin: LineOrigin | null): void {
    const key = origin ? streamKey(origin) : '';
    if (key === '' && this.quiet) {
      if (continuesRecord(text, this.quietState(text))) this.reopenQuiet();
      else this.closeQuiet();
    }
    const current = this.open.get(key);
    if (current && continuesRecord(text, current.state) && !this.isFull(current, text)) {
      current.lines.push(text);
      current.chars += text.length + 1;
      this.openChars += text.length + 1;
      current.state = advanceState(text, current.state);
      current.sweep = this.sweeps;
      // The record moves to the end: the map stays ordered by idleness (a record open alone is there already).
      if (this.open.size > 1) {
        this.open.delete(key);
        this.open.set(key, current);
      }
      this.keepWithinBounds();
      return;
    }
    if (current) this.close(key, current);
    this.openRecord(key, [text], lineNo, origin ?? NO_ORIGIN, advanceState(text, FRESH_STATE));
  }

  /**
   * Adds a quiet, unwrapped line: it closes the open record of unkeyed lines
   * and opens its own, which stays undecoded unless a line continues it. When
   * the open record's last line left a cause to follow, the quiet line joins
   * that record instead, decoded, as any line would.
   */
  pushQuiet(line: QuietLine, lineNo: number): void {
    if (this.quiet) this.closeQuiet();
    else {
      const current = this.open.get('');
      if (current?.state.causeNext) {
        this.push(line.buf.toString('utf8', line.start, line.end), lineNo, line.wrapperTime === null ? null : quietOrigin(line));
        return;
      }
      if (current) this.close('', current);
    }
    const slot = this.takeSlot();
    // One object serves every quiet record in turn: only one is open at a time, and closing it reads it first.
    const quiet = this.spareQuiet;
    quiet.line = line;
    quiet.lineNo = lineNo;
    quiet.slot = slot;
    this.quiet = quiet;
    this.quietSweep = this.sweeps;
  }

  /** Whether any record is waiting for more lines. */
  get pending(): boolean {
    return this.open.size > 0 || this.quiet !== null;
  }

  /** Closes every open record: at the end of input, or after a quiet period. */
  flush(): void {
    for (const [key, record] of [...this.open].sort((a, b) => a[1].firstLine - b[1].firstLine)) {
      if (this.quiet && this.quiet.lineNo < record.firstLine) this.closeQuiet();
      this.close(key, record);
    }
    if (this.quiet) this.closeQuiet();
  }

  /**
   * Removes a stream's open record without emitting it and gives back its
   * lines (all numbered as its first): a stream found to be written newest
   * first is reassembled in its written order (see StreamOrder).
   */
  takeBack(key: string): { text: string; lineNo: number; origin: LineOrigin }[] {
    const record = this.open.get(key);
    if (!record) return [];
    this.open.delete(key);
    this.openChars -= record.chars;
    this.order.release(record.slot, () => {});
    return record.lines.map((text) => ({ text, lineNo: record.firstLine, origin: record.origin }));
  }

  /**
   * One sweep of a live stream's quiet timer: closes the records whose
   * stream has written no line since the previous sweep, whatever other
   * streams wrote. Run every half quiet period, it closes a record between
   * one half and one whole quiet period after its stream's last line.
   */
  closeIdle(): number {
    let closed = 0;
    for (const [key, record] of this.open) {
      if (record.sweep >= this.sweeps) break; // the rest took a line since
      this.close(key, record);
      closed++;
    }
    if (this.quiet && this.quietSweep < this.sweeps) {
      this.closeQuiet();
      closed++;
    }
    this.sweeps++;
    return closed;
  }

  private openRecord(key: string, lines: string[], firstLine: number, origin: LineOrigin, state: ContinuationState): void {
    const chars = lines[0]!.length;
    this.openChars += chars;
    this.open.set(key, { lines, chars, firstLine, origin, state, sweep: this.sweeps, slot: this.takeSlot() });
    this.keepWithinBounds();
  }

  /** A slot in input order for a record being opened beside the open ones. */
  private takeSlot(): Slot | null {
    if (this.order.active) return this.order.take([]);
    if (this.open.size === 0 && !this.quiet) return null;
    const open: SlotHolder[] = [...this.open.values()];
    const quiet = this.quiet;
    const quietHolder: SlotHolder | null = quiet && { firstLine: quiet.lineNo, slot: quiet.slot };
    if (quietHolder) open.push(quietHolder);
    const slot = this.order.take(open);
    if (quiet && quietHolder) quiet.slot = quietHolder.slot;
    return slot;
  }

  /**
   * Closes the longest-idle streams' records when there are too many, or
   * they hold too much: an eighth of the bound at a time, in one pass, so a
   * crowd of streams costs no more per line than a few.
   */
  private keepWithinBounds(): void {
    const { maxOpenRecords, maxOpenChars } = this.limits;
    if (this.open.size <= maxOpenRecords && (this.openChars <= maxOpenChars || this.open.size <= 1)) return;
    const records = maxOpenRecords - (maxOpenRecords >> 3);
    const chars = maxOpenChars - (maxOpenChars >> 3);
    for (const [key, record] of this.open) {
      if (this.open.size <= records && (this.openChars <= chars || this.open.size <= 1)) return;
      this.close(key, record);
    }
  }

  /**
   * The state of the open quiet record, as far as `next` can tell: only an
   * exception line or java.util.logging's level line depends on more than
   * QUIET_STATE says (whether the quiet line is a bare log header, or
   * java.util.logging's), and only then is the quiet line decoded.
   */
  private quietState(next: string): ContinuationState {
    if (!dependsOnHeader(next)) return QUIET_STATE;
    const { line } = this.quiet!;
    return advanceState(line.buf.toString('utf8', line.start, line.end), FRESH_STATE);
  }

  /** A line is joining the quiet record: it becomes an ordinary open record. */
  private reopenQuiet(): void {
    const { line, lineNo, slot } = this.quiet!;
    this.quiet = null;
    const text = line.buf.toString('utf8', line.start, line.end);
    this.openChars += text.length;
    this.open.set('', { lines: [text], chars: text.length, firstLine: lineNo, origin: quietOrigin(line), state: advanceState(text, FRESH_STATE), sweep: this.sweeps, slot });
  }

  private closeQuiet(): void {
    const { line, lineNo, slot } = this.quiet!;
    this.quiet = null;
    const emitQuiet = this.emitQuiet;
    if (emitQuiet && (slot === null || !this.order.active)) emitQuiet(line, lineNo);
    else if (emitQuiet) this.order.release(slot, () => emitQuiet(line, lineNo));
    else {
      const record: LogRecord = { source: this.source, line: lineNo, text: line.buf.toString('utf8', line.start, line.end), wrapperTime: line.wrapperTime, wrapperZoned: line.wrapperTime !== null, ...NO_STREAM };
      this.order.release(slot, () => this.emit(record));
    }
  }

  private isFull(record: OpenRecord, text: string): boolean {
    return record.lines.length >= this.limits.maxRecordLines || record.chars + text.length > this.limits.maxRecordChars;
  }

  private close(key: string, record: OpenRecord): void {
    this.open.delete(key);
    this.openChars -= record.chars;
    const closed: LogRecord = {
      source: this.source,
      line: record.firstLine,
      text: record.lines.length === 1 ? record.lines[0]! : record.lines.join('\n'),
      wrapperTime: record.origin.time,
      wrapperZoned: record.origin.zoned,
      pod: record.origin.pod,
      container: record.origin.container,
      namespace: record.origin.namespace,
      host: record.origin.host,
      unit: record.origin.unit,
    };
    this.order.release(record.slot, () => this.emit(closed));
  }
}

/** The dimensions of a record that no wrapper or envelope named. */
export const NO_STREAM = { pod: null, container: null, namespace: null, host: null, unit: null } as const;

/** What tells a line's stream apart: '' for a line no wrapper or envelope named. */
export function streamKey(origin: LineOrigin): string {
  const { pod, container, namespace, host, unit, stream } = origin;
  if (pod === null && container === null && namespace === null && host === null && unit === null && stream === null) return '';
  return `${pod ?? ''}\u0000${container ?? ''}\u0000${namespace ?? ''}\u0000${host ?? ''}\u0000${unit ?? ''}\u0000${stream ?? ''}`;
}
