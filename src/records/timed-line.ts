import { isTimeField } from './envelope-dimensions.js';
import { LINE_FIELDS } from './envelope-fields.js';

/** Fields beside a line and its time that only number the event in its batch. */
const EVENT_ID_FIELDS: ReadonlySet<string> = new Set(['id', 'eventId']);
const LINE_FIELD_SET: ReadonlySet<string> = new Set(LINE_FIELDS);

/**
 * Whether an object is a shipped line with its time and nothing else: a
 * string in a line field, a time field, at most an event's id. CloudWatch
 * Logs' subscription batches (`logEvents: [{"id":…,"timestamp":…,"message":…}]`)
 * are arrays of these: with no shipper's field beside the line, such an
 * object is an envelope by its form alone, as a `[time, line]` pair is.
 * @example isTimedLine({ id: '3195…', timestamp: 1795340676310, message: 'boom' }) // true
 * @example isTimedLine({ level: 50, time: 1795340676310, msg: 'boom' }) // false
 */
export function isTimedLine(value: Record<string, unknown>): boolean {
  return timedLineField(value) !== null;
}

/** The field that holds the line of a shipped line with its time and nothing else (see isTimedLine); null for any other object. */
export function timedLineField(value: Record<string, unknown>): string | null {
  let line: string | null = null;
  let time = false;
  for (const key of Object.keys(value)) {
    if (LINE_FIELD_SET.has(key)) {
      if (line !== null || typeof value[key] !== 'string') return null;
      line = key;
    } else if (isTimeField(key)) {
      if (time) return null;
      time = true;
    } else if (!EVENT_ID_FIELDS.has(key)) return null;
  }
  return time ? line : null;
}
