import { isZonedTime } from '../time/zoned-time.js';
import { columnTime } from '../time/column-time.js';
import { parseTimeValue } from '../time/parse-time.js';
import { mergeDimensions, NO_DIMENSIONS, readDimensions, type Dimensions } from './envelope-dimensions.js';
import type { DocumentEntry } from './entry-finder.js';
import { eventDimensions } from './event-dimensions.js';
import { peelEnvelope } from './peel-envelope.js';
import { timedLineField } from './timed-line.js';
import { unwrapLine, type UnwrappedLine } from './unwrap-line.js';

/**
 * What one entry of a JSON document carries, as a line of a stream: an
 * envelope's line with its dimensions and those of the objects around it
 * (Loki's `stream` labels), a `[time, line]` pair's line or a line with its
 * time and nothing else (see isTimedLine), or — an entry that
 * is an application's own event — its JSON text, with the dimensions the
 * objects around it give and those of a platform's metadata beside the
 * event's fields (see eventDimensions).
 * @example readEntry({ value: ['1795340674085000000', 'boom'], context: { stream: { pod: 'api-1' } }, firstLine: 7, lastLine: 7 })
 */
export function readEntry(entry: DocumentEntry): UnwrappedLine {
  const around = entry.context ? readDimensions(entry.context, '') : NO_DIMENSIONS;
  const { value } = entry;
  if (Array.isArray(value)) {
    const [time, line] = value;
    if (typeof line === 'string') return inner(line, around, { ...NO_DIMENSIONS, time: parseTimeValue(time), zoned: isZonedTime(time) }, false);
    return { text: JSON.stringify(value), origin: around, partial: false };
  }
  if (entry.lineField !== undefined) {
    const named = readNamedLine(value as Record<string, unknown>, entry.lineField, entry.timeField);
    if (named) return inner(named.text, around, named.dimensions, false);
  }
  const peeled = peelEnvelope(value as Record<string, unknown>);
  if (peeled) return inner(peeled.text, around, peeled.dimensions, peeled.partial);
  // A line with its time and nothing else (CloudWatch Logs' subscription events) is an envelope by its form.
  const timed = timedLineField(value as Record<string, unknown>);
  const named = timed === null ? null : readNamedLine(value as Record<string, unknown>, timed, undefined);
  if (named) return inner(named.text, around, named.dimensions, false);
  // An application's own event: the platform's metadata around it still says where it ran.
  const own = eventDimensions(value as Record<string, unknown>);
  return { text: JSON.stringify(value), origin: own ? mergeDimensions(around, own) : around, partial: false };
}

/**
 * The line in the field the document's form names (a CSV export's line
 * column), with the other fields read as an envelope's metadata and the
 * time from the named time column where no time field of an envelope's gave one.
 */
function readNamedLine(obj: Record<string, unknown>, lineField: string, timeField: string | undefined): { text: string; dimensions: Dimensions } | null {
  const line = obj[lineField];
  if (typeof line !== 'string') return null;
  const dimensions = readDimensions(obj, lineField);
  if (dimensions.time === null && timeField !== undefined) {
    dimensions.time = columnTime(obj[timeField]);
    dimensions.zoned = dimensions.time !== null && isZonedTime(obj[timeField]);
  }
  return { text: line.endsWith('\n') ? line.slice(0, line.endsWith('\r\n') ? -2 : -1) : line, dimensions };
}

/** The entry's line with any wrapper inside it removed, and every layer's dimensions merged. */
function inner(text: string, around: Dimensions, own: Dimensions, partial: boolean): UnwrappedLine {
  const outer = mergeDimensions(around, own);
  const wrapped = unwrapLine(text, false);
  if (!wrapped) return { text, origin: outer, partial };
  return { text: wrapped.text, origin: mergeDimensions(outer, wrapped.origin), partial: partial || wrapped.partial };
}
