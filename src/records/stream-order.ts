import { DEFAULT_ASSEMBLY_LIMITS, type LineOrigin } from './assemble-records.js';
import { alwaysStartsRecord } from './continuation.js';

/** A line of a stream, as the assembler takes it. */
export interface StreamLine {
  text: string;
  lineNo: number;
  origin: LineOrigin;
}

interface StreamState {
  /** The last time a line of this stream carried. */
  last: number | null;
  /** The export writes this stream newest first. */
  backward: boolean;
  /** A newest-first stream's lines since its last record start, in the order read. */
  run: StreamLine[];
  /** The characters of those lines. */
  runChars: number;
}

/** Streams whose order is remembered; past it the oldest are forgotten (and their runs passed on). */
const MAX_STREAMS = 4096;

/**
 * Puts newest-first exports (Loki's default direction, some platforms'
 * downloads) back in the order they were written, stream by stream, so that
 * a multi-line record shipped one line per entry is assembled whichever way
 * the export lists it. A stream is taken as newest first once one of its
 * lines carries an earlier time than the line before it; from then on its
 * lines are held until a line that starts a record (which, newest first,
 * comes after its continuation lines) and passed on reversed. Lines with no
 * time, or times that never go back, pass straight through: the order of a
 * stream whose lines all carry the same time cannot be told, and is taken as written.
 */
export class StreamOrder {
  private readonly streams = new Map<string, StreamState>();

  constructor(
    /** Where lines go, in written order. */
    private readonly pass: (line: StreamLine) => void,
    /** Takes back the lines of a stream's open record (read before its order was known), in the order read. */
    private readonly takeBack: (key: string) => StreamLine[],
    /** A run held longer than a record may be (see AssemblyLimits) is passed on as it is. */
    private readonly maxRun = DEFAULT_ASSEMBLY_LIMITS.maxRecordLines,
    private readonly maxRunChars = DEFAULT_ASSEMBLY_LIMITS.maxRecordChars,
  ) {}

  /** Takes the next line of the stream `key` (lines of no named stream, key '', pass straight through). */
  push(key: string, line: StreamLine): void {
    if (key === '') {
      this.pass(line);
      return;
    }
    let state = this.streams.get(key);
    if (!state) {
      // A line without a time says nothing of its stream's order: nothing to remember.
      if (line.origin.time === null) {
        this.pass(line);
        return;
      }
      state = { last: null, backward: false, run: [], runChars: 0 };
      this.streams.set(key, state);
      if (this.streams.size > MAX_STREAMS) this.forgetSome();
    }
    const time = line.origin.time;
    if (!state.backward) {
      if (time === null || state.last === null || time >= state.last) {
        if (time !== null) state.last = time;
        this.pass(line);
        return;
      }
      state.backward = true;
      state.run = this.takeBack(key);
      for (const held of state.run) state.runChars += held.text.length;
    }
    state.run.push(line);
    state.runChars += line.text.length;
    if (alwaysStartsRecord(line.text) || state.run.length >= this.maxRun || state.runChars >= this.maxRunChars) this.release(state);
  }

  /** Passes on every held line (end of input, or a quiet period). */
  flush(): void {
    for (const state of this.streams.values()) this.release(state);
  }

  private release(state: StreamState): void {
    const run = state.run;
    state.run = [];
    state.runChars = 0;
    for (let i = run.length - 1; i >= 0; i--) this.pass(run[i]!);
  }

  /** Forgets the oldest eighth of the streams remembered (their held lines passed on), in one pass. */
  private forgetSome(): void {
    let forget = MAX_STREAMS >> 3;
    for (const [key, state] of this.streams) {
      if (forget-- <= 0) return;
      this.release(state);
      this.streams.delete(key);
    }
  }
}
