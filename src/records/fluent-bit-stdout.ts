import { parseTimeValue } from '../time/parse-time.js';
import { fillFromKubeletPath, NO_DIMENSIONS, type Dimensions } from './envelope-dimensions.js';
import { peelEnvelope } from './peel-envelope.js';
import { readPrinted } from './printed-map.js';
import type { UnwrappedLine } from './unwrap-line.js';

/**
 * Fluent Bit's stdout output in its default format: `[<n>] <tag>:
 * [[<epoch>, {<metadata>}], {<record>}]` (Fluent Bit 2 and later), or
 * `[<n>] <tag>: [<epoch>, {<record>}]` (1.x), the maps printed by msgpack-c
 * (see printed-map.ts). The head of an event, up to its record's map.
 */
const HEAD = /^\[\d{1,10}\] ([^\s:]{1,256}): \[(\[?)(\d{9,10}(?:\.\d{1,9})?), /;
/**
 * The rest of an event whose record's line ended with a line break (Docker's
 * `log` does): the line after it starts with the quote that closes the
 * string, then the record's other keys, and ends with the event's `}]`.
 */
const TAIL_HEAD = /^", "[^"\n]{1,256}"=>/;

/**
 * An event of Fluent Bit's stdout output (see HEAD): the record's line (its
 * `log`, `message`… as peelEnvelope reads it; a record without one is
 * written as JSON), the event's time, and its tag as its stream; or the
 * tail of an event whose line ended with a line break (see TAIL_HEAD),
 * which adds nothing to its record. Null for any other line. A record's
 * line may run on over the lines after it, which carry no prefix: such an
 * event `opens` a run, whose lines belong to its stream until its tail
 * `closes` it (the line processor keeps that state).
 * @example takeFluentBitStdout('[0] app.log: [[1795340674.085000000, {}], {"log"=>"boom", "stream"=>"stderr"}]') // { text: 'boom', … }
 */
export function takeFluentBitStdout(line: string): UnwrappedLine | null {
  if (!mayBeFluentBitStdout(line, 0, line.length)) return null;
  if (line.charCodeAt(0) === 0x22 /* " */) return isTail(line) ? { text: '', origin: NO_DIMENSIONS, partial: false, runOn: 'closes' } : null;
  const head = HEAD.exec(line);
  if (head === null) return null;
  let at = head[0].length;
  if (head[2] === '[') {
    const metadata = readPrinted(line, at);
    if (metadata === null || metadata.open || !line.startsWith('], ', metadata.end)) return null;
    at = metadata.end + 3;
  }
  if (line.charCodeAt(at) !== 0x7b /* { */) return null;
  const record = readPrinted(line, at);
  if (record === null || (!record.open && !/^\]\r?$/.test(line.slice(record.end)))) return null;
  const fields = record.value as Record<string, unknown>;
  const envelope = peelEnvelope(fields);
  const text = envelope === null ? JSON.stringify(fields) : envelope.text;
  const origin = tagOrigin(head[1]!, parseTimeValue(Number(head[3])));
  return record.open ? { text, origin, partial: false, runOn: 'opens' } : { text, origin, partial: false };
}

/**
 * An event's stream is its tag (and the pod, namespace and container an
 * in_tail tag's container log path names), never its record's fields: an
 * event whose line runs on has the rest of its record on its tail.
 */
function tagOrigin(tag: string, time: number | null): Dimensions {
  // Fluent Bit prints the record's time as an epoch value.
  const origin: Dimensions = { ...NO_DIMENSIONS, stream: `tag=${tag}`, time, zoned: time !== null };
  // in_tail's tag is the file's path with dots (`kube.var.log.containers.<pod>_<namespace>_<container>-<id>.log`).
  if (tag.includes('.log')) fillFromKubeletPath(origin, tag);
  return origin;
}

/** Whether the line is an event's tail (see TAIL_HEAD): the rest of its record, to the event's `}]`. */
function isTail(line: string): boolean {
  const end = line.endsWith('\r') ? line.length - 1 : line.length;
  return line.startsWith('}]', end - 2) && TAIL_HEAD.test(line);
}

/**
 * Whether `text[from, to)` may be a line takeFluentBitStdout takes: `[`,
 * digits and `] ` (a date's `[2026-` has a dash after four digits), or a
 * tail's `", "`. A superset, settled on the first characters.
 */
export function mayBeFluentBitStdout(text: string, from: number, to: number): boolean {
  const first = text.charCodeAt(from);
  if (first === 0x22 /* " */) return text.charCodeAt(from + 1) === 0x2c /* , */ && text.charCodeAt(from + 2) === 0x20 && from + 3 < to;
  if (first !== 0x5b /* [ */) return false;
  let i = from + 1;
  const limit = Math.min(to, from + 12);
  while (i < limit && isDigit(text.charCodeAt(i))) i++;
  return i > from + 1 && text.charCodeAt(i) === 0x5d /* ] */ && text.charCodeAt(i + 1) === 0x20 && i + 1 < to;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
