import { isUtf8 } from 'node:buffer';
import type { ByteWindow } from './byte-window.js';
import type { DocumentError, StructureListener } from './json-byte-scanner.js';
import { LINE_FIELDS } from './envelope-fields.js';
import { isFieldElement } from './json-normal-form.js';
import { readObjectFields } from './read-object-fields.js';
import { timeOneLevelDown, topLevelTime } from '../time/top-level-time.js';

/** One entry of a JSON document: a log event as the platform that exported it wrote it. */
export interface DocumentEntry {
  /** The entry, parsed: an object, or a `[time, line]` pair as Loki writes its values. */
  value: object | [unknown, unknown];
  /**
   * The fields of the objects that enclose the entry, read before the array
   * that holds it (Loki's `stream` labels, an export's query), inner ones
   * winning over outer ones on the same key; null when there are none. Only
   * scalars and small objects are taken, never arrays. One object is shared
   * by all the entries of an enclosing object: read it, do not change it.
   */
  context: Record<string, unknown> | null;
  /** The 1-based line of the entry's first byte (its `{` or `[`). */
  firstLine: number;
  /** The 1-based line of the entry's last byte (its `}` or `]`). */
  lastLine: number;
  /**
   * The field that carries the log line, where the document's own form
   * names it (a CSV export's header): the entry is then an envelope of that
   * line, whatever its other fields are called.
   */
  lineField?: string;
  /** The field that holds the entry's time, where the document's own form names it. */
  timeField?: string;
}

/** Bounds on what one entry may hold in memory. */
export interface DocumentLimits {
  /**
   * An entry longer than this many bytes is not read but counted in
   * `skipped`; an enclosing object whose bytes before its entries are longer
   * gives no context.
   */
  maxEntryBytes: number;
  /** A field of an enclosing object goes into `context` only when its value is at most this many bytes. */
  maxContextFieldBytes: number;
  /** Arrays and objects nested deeper than this are taken as damage. */
  maxDepth: number;
}

/** An open array or object. Frames are reused, one per depth. */
interface Frame {
  object: boolean;
  /** Absolute offset of its `{` or `[`. */
  start: number;
  line: number;
  /** An object that is an array element (or the document itself), or an array element that may be a `[time, line]` pair. */
  candidate: boolean;
  /** An object inside which no entry has begun: its bytes are kept, as an entry or for its fields. */
  unsettled: boolean;
  /** Its bytes grew past maxEntryBytes and were let go. */
  overflowed: boolean;
  /** Arrays: elements begun so far. */
  elements: number;
  /** The context of entries inside it. */
  context: Record<string, unknown> | null;
}

/**
 * Decides, as the scanner reports arrays and objects opening and closing,
 * which of them are entries: an array element that is an object, or a pair
 * of strings or numbers, and that holds no entry itself (the document's own
 * object counts as an element). An object element is an entry or holds
 * entries, unless an object encloses it and it is a part of that object's
 * fields (a key/value list's pair, an OTLP typed value: see
 * isFieldElement), which is known when it closes. So when an element that
 * is no such part closes, every object around it that was still a
 * candidate becomes an enclosing object: its fields read up to the member that holds the element (the
 * bytes kept from its `{`) become the context of what it holds, and its
 * bytes are let go. A pair proves the same when it closes. Bytes are kept
 * only from the outermost candidate or unsettled object, so at most one
 * entry (and the objects around it, until it closes) is held.
 */
export class EntryFinder implements StructureListener {
  /** Entries handed over. */
  entries = 0;
  /** Entries longer than `maxEntryBytes`, not handed over. */
  skipped = 0;
  /** Entries holding bytes that are not valid UTF-8 (handed over, decoded with U+FFFD). */
  undecodable = 0;

  private readonly frames: Frame[] = [];
  private depth = 0;
  /** The outermost frame whose bytes are kept, or -1. */
  private keepingFrom = -1;
  /** The outermost unsettled object, or -1. */
  private unsettledFrom = -1;

  constructor(
    private readonly onEntry: (entry: DocumentEntry) => void,
    private readonly limits: DocumentLimits,
    private readonly window: ByteWindow,
  ) {}

  open(object: boolean, at: number, line: number): DocumentError | null {
    const d = this.depth;
    let candidate = object;
    if (d > 0) {
      const parent = this.frames[d - 1]!;
      if (parent.object) candidate = false;
      else {
        parent.elements++;
        if (parent.candidate) this.dropCandidate(parent, d - 1);
        candidate = true;
      }
    }
    const frame = this.frames[d] ?? (this.frames[d] = newFrame());
    frame.object = object;
    frame.start = at;
    frame.line = line;
    frame.candidate = candidate;
    frame.unsettled = object;
    frame.overflowed = false;
    frame.elements = 0;
    frame.context = d > 0 ? this.frames[d - 1]!.context : null;
    this.depth = d + 1;
    if (object && this.unsettledFrom < 0) this.unsettledFrom = d;
    if ((object || candidate) && this.keepingFrom < 0) this.keepingFrom = d;
    return null;
  }

  close(object: boolean, at: number, line: number): DocumentError | null {
    const d = this.depth - 1;
    const frame = this.frames[d]!;
    const pair = !object && frame.candidate && frame.elements === 2;
    if (pair || (object && frame.candidate && frame.unsettled)) {
      const fits = !frame.overflowed && at + 1 - frame.start <= this.limits.maxEntryBytes;
      const parsed = fits ? this.parse(frame, at + 1, line) : null;
      if (parsed !== null && 'line' in parsed) return parsed;
      // A part of an enclosing object's fields (an attribute of a list, a list an event holds) is no entry: the object around it may be one.
      const part = object && parsed !== null && this.insideObject(d) && (isFieldElement(parsed.value) || (this.insideElement(d) && !looksLikeEvent(parsed.value)));
      if (!part) {
        if (this.unsettledFrom >= 0 && this.unsettledFrom < d) {
          const error = this.settle(d);
          if (error !== null) return error;
        }
        frame.context = d > 0 ? this.frames[d - 1]!.context : null;
        if (parsed === null) this.skipped++;
        else this.emit(frame, parsed.value, parsed.undecodable, line);
      }
    }
    this.depth = d;
    if (this.keepingFrom === d) this.keepingFrom = -1;
    if (this.unsettledFrom === d) this.unsettledFrom = -1;
    return null;
  }

  /** Whether an object encloses the frame at depth `d`. */
  private insideObject(d: number): boolean {
    for (let i = 0; i < d; i++) if (this.frames[i]!.object) return true;
    return false;
  }

  /**
   * Whether an object that is an array's element (not the document's own
   * object) encloses depth `d`: a log event an export lists may hold lists
   * of its own (a response's `Data`, a stack's frames), which are its
   * values, not events.
   */
  private insideElement(d: number): boolean {
    for (let i = 1; i < d; i++) if (this.frames[i]!.object && !this.frames[i - 1]!.object) return true;
    return false;
  }

  /** A pair candidate stays one while it holds at most two strings or numbers. */
  scalar(stringOrNumber: boolean): void {
    const d = this.depth - 1;
    const parent = this.frames[d];
    if (parent === undefined || parent.object) return;
    parent.elements++;
    if (parent.candidate && (!stringOrNumber || parent.elements > 2)) this.dropCandidate(parent, d);
  }

  /**
   * At the end of a chunk (`end`, an absolute offset): lets go of the bytes
   * of frames that grew past maxEntryBytes, outermost first, and returns the
   * offset from which bytes must be kept, or -1.
   */
  keepFrom(end: number): number {
    while (this.keepingFrom >= 0 && end - this.frames[this.keepingFrom]!.start > this.limits.maxEntryBytes) {
      this.frames[this.keepingFrom]!.overflowed = true;
      let next = -1;
      for (let d = this.keepingFrom + 1; d < this.depth && next < 0; d++) {
        const frame = this.frames[d]!;
        if ((frame.object ? frame.unsettled : frame.candidate) && !frame.overflowed) next = d;
      }
      this.keepingFrom = next;
    }
    return this.keepingFrom >= 0 ? this.frames[this.keepingFrom]!.start : -1;
  }

  /** An array that got a value other than a string or number, or a third value, is no `[time, line]` pair. */
  private dropCandidate(frame: Frame, d: number): void {
    frame.candidate = false;
    if (this.keepingFrom === d) this.keepingFrom = -1;
  }

  /**
   * Turns every unsettled object above depth `below` into an enclosing one,
   * now that an entry closes inside it: reads its fields up to the member
   * that holds the entry into the context of what it holds, and lets its
   * bytes go.
   */
  private settle(below: number): DocumentError | null {
    const from = this.unsettledFrom;
    let context = from > 0 ? this.frames[from - 1]!.context : null;
    for (let d = from; d < below; d++) {
      const frame = this.frames[d]!;
      if (frame.object && frame.unsettled) {
        frame.unsettled = false;
        const end = this.frames[d + 1]!.start;
        if (!frame.overflowed && end - frame.start <= this.limits.maxEntryBytes) {
          const fields = readObjectFields(this.window.slice(frame.start, end), this.limits.maxContextFieldBytes);
          if (fields === null) return { line: frame.line, message: `expected the fields of the object at line ${frame.line} to be valid JSON` };
          if (hasKeys(fields)) context = context === null ? fields : { ...context, ...fields };
        }
      }
      frame.context = context;
    }
    this.unsettledFrom = -1;
    this.keepingFrom = -1;
    return null;
  }

  /** The entry `frame` holds, up to `end`, parsed; or the error of a candidate that is not valid JSON. */
  private parse(frame: Frame, end: number, lastLine: number): { value: object | [unknown, unknown]; undecodable: boolean } | DocumentError {
    const bytes = this.window.slice(frame.start, end);
    try {
      return { value: JSON.parse(bytes.toString('utf8')) as object | [unknown, unknown], undecodable: !isUtf8(bytes) };
    } catch (err) {
      const lines = frame.line === lastLine ? `line ${frame.line}` : `lines ${frame.line}–${lastLine}`;
      return { line: frame.line, message: `expected the entry at ${lines} to be valid JSON: ${(err as Error).message}` };
    }
  }

  private emit(frame: Frame, value: object | [unknown, unknown], undecodable: boolean, lastLine: number): void {
    if (undecodable) this.undecodable++;
    this.entries++;
    this.onEntry({ value, context: frame.context, firstLine: frame.line, lastLine });
  }
}

/**
 * Whether an object reads as a log event of its own: a time (see
 * topLevelTime; one object down too, as a Datadog or Elastic export nests an
 * event's fields) or a field that carries a line (see LINE_FIELDS).
 */
function looksLikeEvent(value: object): boolean {
  if (Array.isArray(value)) return true;
  const fields = value as Record<string, unknown>;
  if (topLevelTime(fields) !== null || timeOneLevelDown(fields) !== null) return true;
  for (const field of LINE_FIELDS) {
    const line = fields[field];
    // A line is text, or an object a platform keeps a JSON line as (`jsonPayload`); a frame's `line` number is no line.
    if (typeof line === 'string' || (line !== null && typeof line === 'object' && !Array.isArray(line))) return true;
  }
  return false;
}

function newFrame(): Frame {
  return { object: false, start: 0, line: 0, candidate: false, unsettled: false, overflowed: false, elements: 0, context: null };
}

function hasKeys(object: object): boolean {
  for (const _ in object) return true;
  return false;
}
