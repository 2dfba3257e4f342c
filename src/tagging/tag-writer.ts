import { isUtf8 } from 'node:buffer';
import type { QuietLine } from '../records/assemble-records.js';
import type { LogRecord, Recognition, TaggedEvent } from '../types.js';
import { dropOwnTimeAndLevel } from './drop-own-time-level.js';
import { OutputBuffer } from './output-buffer.js';
import { redactJsonText } from '../redaction/redact-json-text.js';
import { redactSecrets } from '../redaction/redact-secrets.js';
import { QuietTagFields, renderQuietTagLine, renderTagLine, tagLevelLabel } from './render-tag.js';

export interface TagWriterOptions {
  /** Only API error events are written. */
  errorsOnly: boolean;
  /** Renders a tagged line for people (pino-pretty); its result is written as it is. */
  pretty: ((line: string) => string) | null;
  /** Credentials are redacted in the records written too, not only in the added fields (`--redact-input`). */
  redactInput?: boolean;
}

/**
 * `mqerr tag`'s sink: renders each record's NDJSON line into a buffer that
 * the caller writes out after each batch of input (a chunk, a segment, an
 * idle flush), so records reach a pipe reader as soon as their batch is done.
 */
export class TagWriter {
  readonly out = new OutputBuffer();
  private fields: QuietTagFields | null = null;
  private fieldsSource: string | null = null;

  constructor(private readonly options: TagWriterOptions) {}

  /** Writes any record (the full path). */
  /** Writes a record's line, with its first event; a further event of the same record (`further`) adds no line. */
  record(record: LogRecord, recognition: Recognition, event: TaggedEvent, further = false): void {
    if (further || (this.options.errorsOnly && event.event !== 'error')) return;
    const text = this.options.redactInput ? redactRecordText(record.text, recognition.json) : record.text;
    if (this.options.pretty) {
      // pino-pretty shows the record's time and level: a text line's own are not shown twice (the NDJSON keeps the line whole).
      const shown = recognition.json ? text : dropOwnTimeAndLevel(text, event.time, tagLevelLabel(event));
      this.out.write(this.options.pretty(renderTagLine(record, recognition, event, shown)));
    } else {
      this.out.write(renderTagLine(record, recognition, event, text));
      this.out.writeByte(0x0a);
    }
  }

  /**
   * Writes an error record whose `duplicateOf` is not known yet (a worker
   * thread does not know the RequestIds of earlier segments), and returns
   * where in `out` its `,"duplicateOf":N` belongs, to be written there once
   * known (nothing when it is not a repeat).
   */
  recordAwaitingRepeat(record: LogRecord, recognition: Recognition, event: TaggedEvent): number {
    if (this.options.pretty) throw new Error('a pretty-printed line cannot wait for its duplicateOf');
    const text = this.options.redactInput ? redactRecordText(record.text, recognition.json) : record.text;
    const line = renderTagLine(record, recognition, { ...event, duplicateOf: PLACEHOLDER }, text);
    // The mqerr key is the record's last: the last occurrence is the one rendered.
    const at = line.lastIndexOf(PLACEHOLDER_FIELD);
    if (at < 0) throw new Error('the tagged line has no duplicateOf field');
    this.out.write(line.slice(0, at));
    const hole = this.out.length;
    this.out.write(line.slice(at + PLACEHOLDER_FIELD.length));
    this.out.writeByte(0x0a);
    return hole;
  }

  /**
   * Writes a record that is one quiet line, from its bytes — unless they are
   * not valid UTF-8 (the full path writes U+FFFD for the bad bytes) or the
   * line may already have an `mqerr` key (the full path removes it): those
   * go the full path's way, so both paths write the same bytes.
   */
  quiet(line: QuietLine, recognition: Recognition, event: TaggedEvent): void {
    if (this.options.errorsOnly) return; // a quiet line is never an error event
    if (this.options.pretty || this.options.redactInput || needsFullRendering(line)) {
      const record: LogRecord = { source: event.source, line: event.line, text: line.buf.toString('utf8', line.start, line.end), wrapperTime: line.wrapperTime, pod: null, container: null, namespace: null, host: null, unit: null };
      this.record(record, recognition, event);
      return;
    }
    if (this.fieldsSource !== event.source) {
      this.fields = new QuietTagFields(event);
      this.fieldsSource = event.source;
    }
    renderQuietTagLine(this.out, line, event, this.fields!);
  }
}

/**
 * A quiet line whose bytes cannot be copied as they are into the tagged
 * line. A JSON line may hold an `mqerr` key (see mayHoldTagKey), spelled
 * plainly or with a `\\u` escape; a line the shape walk read whole has no
 * backslash, so only the plain spelling is searched for, with a needle
 * made once (a string needle is converted on every call).
 */
function needsFullRendering(line: QuietLine): boolean {
  if (line.ascii && !line.json) return false;
  const bytes = line.buf.subarray(line.start, line.end);
  if (!line.ascii && !isUtf8(bytes)) return true;
  return line.json && (bytes.indexOf(TAG_KEY) >= 0 || (!line.escapeFree && bytes.indexOf(ESCAPE) >= 0));
}

const TAG_KEY = Buffer.from('mqerr');
const ESCAPE = Buffer.from('\\u');

const PLACEHOLDER = -1;
const PLACEHOLDER_FIELD = `,"duplicateOf":${PLACEHOLDER}`;

/** What goes into a line written by recordAwaitingRepeat once its record is known to repeat the one at `line`. */
export function duplicateOfField(line: number): string {
  return `,"duplicateOf":${line}`;
}

/** A record's text with credentials redacted; a JSON record stays valid JSON, as written otherwise. */
function redactRecordText(text: string, json: boolean): string {
  return json ? redactJsonText(text) : redactSecrets(text);
}
