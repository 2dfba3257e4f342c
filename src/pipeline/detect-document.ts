import { Readable } from 'node:stream';
import { CsvDocumentReader } from '../records/csv-document-reader.js';
import { readCsvExport } from '../records/csv-export.js';
import type { DocumentReader } from '../records/document-reader.js';
import type { DocumentEntry } from '../records/entry-finder.js';
import { LINE_FIELDS } from '../records/envelope-fields.js';
import { JsonDocumentReader } from '../records/json-document-reader.js';
import { peelEnvelope } from '../records/peel-envelope.js';
import { firstValueEnd, startsJsonDocument } from '../records/starts-json-document.js';
import { isTimedLine } from '../records/timed-line.js';
import { startsYamlStream, YamlStreamReader } from '../records/yaml-stream-reader.js';

/**
 * Whether a source whose first bytes are `start` is one document — a JSON
 * document (see isJsonDocument), a log platform's CSV export (see
 * readCsvExport) or a stream of YAML documents (see startsYamlStream) —
 * read as its entries rather than as lines.
 */
export function isDocument(start: Buffer, ended: boolean): boolean {
  return isJsonDocument(start, ended) || readCsvExport(start, ended) !== null || startsYamlStream(start, ended);
}

/** The reader of a source that is one document (see isDocument), handing its entries to `onEntry`; null for a source of lines. */
export function documentReader(start: Buffer, ended: boolean, onEntry: (entry: DocumentEntry) => void): DocumentReader | null {
  if (isJsonDocument(start, ended)) return new JsonDocumentReader(onEntry);
  const csv = readCsvExport(start, ended);
  if (csv) return new CsvDocumentReader(csv, onEntry);
  return startsYamlStream(start, ended) ? new YamlStreamReader(onEntry) : null;
}

/**
 * Whether a source whose first bytes are `start` is one JSON document (or
 * batches of shipped lines, one per line: see startsWithBatch), read as its
 * entries (see JsonDocumentReader) rather than as lines. `ended`
 * says `start` is the whole input: then it is a document only if it parses
 * as one.
 * @example isJsonDocument(Buffer.from('{\n  "events": [\n    {'), false) // true
 */
export function isJsonDocument(start: Buffer, ended: boolean): boolean {
  if ((startsJsonDocument(start) || startsWithBatch(start)) && readsAsDocument(start, ended)) return true;
  return ended && isOneJsonValue(start);
}

/**
 * Whether the first line is one JSON object that is a batch of shipped
 * lines: it carries no line of its own, and an array in it holds envelopes
 * (`{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":…,"timeUnixNano":…}]}]}]}`,
 * as the OpenTelemetry Collector's file exporter writes one batch per line;
 * CloudWatch Logs' `logEvents`) or `[time, line]` pairs. Such lines are
 * documents written one after another, read as their entries; so is a line
 * of such batches written back to back, as Kinesis Data Firehose delivers
 * CloudWatch Logs' batches to S3 (`{…}{…}`). A line whose arrays hold
 * anything else (a response body's list of topics) stays a line.
 */
function startsWithBatch(start: Buffer): boolean {
  const at = skipJsonSpace(start, 0);
  if (start[at] !== 0x7b /* { */) return false;
  const end = start.indexOf(0x0a);
  if (end < 0) return opensWithEnvelopes(start);
  const value = parseFirstValue(start, at, end);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return !LINE_FIELDS.some((field) => field in value) && holdsEnvelopes(value, 0);
}

/**
 * The JSON value that opens at `at`, when it closes before `end` and is
 * followed there by nothing or by the next value (`{…}{…}`, documents written
 * back to back); undefined when it is not one.
 */
function parseFirstValue(buf: Buffer, at: number, end: number): unknown {
  const valueEnd = firstValueEnd(buf, at, end);
  if (valueEnd < 0) return undefined;
  const next = buf[skipJsonSpace(buf, valueEnd)];
  const followed = valueEnd < end && next !== undefined && next !== 0x0a;
  if (followed && next !== 0x7b /* { */ && next !== 0x5b /* [ */) return undefined;
  try {
    return JSON.parse(buf.toString('utf8', at, valueEnd));
  } catch {
    return undefined;
  }
}

/**
 * Whether a first line longer than the sample (a batch of thousands of
 * records, as the Collector's batch processor sends them) begins with
 * envelopes or `[time, line]` pairs: entries the document reader finds
 * inside it before the sample ends, the line's own object still open.
 */
function opensWithEnvelopes(start: Buffer): boolean {
  let found = false;
  const trial = new JsonDocumentReader((entry) => {
    found ||= isEnvelopeOrPair(entry.value);
  });
  trial.write(start);
  return found && trial.error === null;
}

/** Whether an array of envelopes or `[time, line]` pairs lies in `value`, a few levels down at most. */
function holdsEnvelopes(value: unknown, depth: number): boolean {
  if (depth > 8 || value === null || typeof value !== 'object') return false;
  if (!Array.isArray(value)) return Object.values(value).some((v) => holdsEnvelopes(v, depth + 1));
  if (value.some(isEnvelopeOrPair)) return true;
  return value.some((v) => holdsEnvelopes(v, depth + 1));
}

function isEnvelopeOrPair(element: unknown): boolean {
  if (Array.isArray(element)) return element.length === 2 && typeof element[1] === 'string';
  if (element === null || typeof element !== 'object') return false;
  const obj = element as Record<string, unknown>;
  return isTimedLine(obj) || peelEnvelope(obj) !== null;
}

function skipJsonSpace(buf: Buffer, from: number): number {
  let i = from;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf && i === 0) i = 3;
  for (let c = buf[i]; c === 0x20 || c === 0x0d || c === 0x09; c = buf[++i]);
  return i;
}

/**
 * The first bytes of a stream, put back for its reader: PEEK_BYTES of
 * them, or — from a live pipe, which must not wait — enough to see the end
 * of its first line; they settle whether the source is one JSON document. An input that ended before that is handed
 * on as a new stream of the bytes read (an ended stream takes none back).
 */
export function peekStart(stream: Readable, live: boolean): Promise<{ start: Buffer; stream: Readable; ended: boolean }> {
  return new Promise((resolve) => {
    const seen: Buffer[] = [];
    let bytes = 0;
    const finish = (ended: boolean, error?: Error): void => {
      stream.off('readable', read);
      stream.off('end', atEnd);
      stream.off('error', atError);
      const start = Buffer.concat(seen, bytes);
      if (!ended) {
        if (bytes > 0) stream.unshift(start);
        return resolve({ start, stream, ended: false });
      }
      // What was read, then the end or the error, as the stream would have given them.
      async function* replay(): AsyncGenerator<Buffer> {
        if (bytes > 0) yield start;
        if (error) throw error;
      }
      resolve({ start, stream: Readable.from(replay(), { objectMode: false }), ended: error === undefined });
    };
    const done = (): void => finish(false);
    const atEnd = (): void => finish(true);
    const atError = (error: Error): void => finish(true, error);
    const read = (): void => {
      for (let chunk: Buffer | null = stream.read(); chunk !== null; chunk = stream.read()) {
        seen.push(chunk);
        bytes += chunk.length;
        if (bytes >= PEEK_BYTES || (live && chunk.includes(0x0a))) return done();
      }
    };
    stream.on('readable', read);
    stream.once('end', atEnd);
    stream.once('error', atError);
  });
}
export const PEEK_BYTES = 64 * 1024;

/**
 * Whether the first bytes of what looks like a document read as one without
 * damage: a truncated JSON log line (a newline inside its string) followed
 * by more lines starts like a pretty-printed object, but is none.
 */
function readsAsDocument(start: Buffer, whole: boolean): boolean {
  const trial = new JsonDocumentReader(() => {});
  trial.write(start);
  if (whole) trial.end();
  return trial.error === null;
}

/**
 * Whether a whole input (one that ended within the first bytes read) is one
 * JSON document on a line or a few: an array, or an object that carries no
 * line of its own but holds an array of entries (an API's answer saved with
 * curl). It is read as its entries, as a longer document is; a log line
 * that is one JSON object (it names a line field) stays a line.
 */
function isOneJsonValue(bytes: Buffer): boolean {
  const text = bytes.toString('utf8').trim();
  if (!(text.startsWith('{') || text.startsWith('['))) return false;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (Array.isArray(value)) return true;
  const obj = value as Record<string, unknown>;
  return !LINE_FIELDS.some((field) => field in obj) && holdsEntries(obj, 0);
}

/** Whether an array of objects or pairs lies in `value`, a few levels down at most. */
function holdsEntries(value: unknown, depth: number): boolean {
  if (depth > 8 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.length > 0 && value.every((v) => v !== null && typeof v === 'object');
  return Object.values(value).some((v) => holdsEntries(v, depth + 1));
}

