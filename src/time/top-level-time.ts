import { parseTimeValue } from './parse-time.js';

/**
 * Top-level fields of a JSON log line that hold its time, lower-cased:
 * OpenTelemetry's `timeUnixNano`, Serilog's compact `@t` (CLEF), log4j2's
 * JsonLayout `instant` (`{"epochSecond":…,"nanoOfSecond":…}`) and
 * `timeMillis`, audit trails' `eventTime` (ActionTrail, CloudTrail) among them;
 * and the log services' own beside an application's parsed fields, where no
 * field carries a whole line: Alibaba SLS's `__time__`, Tencent CLS's `__TIMESTAMP__`.
 */
const TIME_KEYS = new Set(['time', 'timestamp', '@timestamp', 'ts', 'datetime', 'asctime', 'date', 'timeunixnano', '@t', 'instant', 'timemillis', 'eventtime', '__time__', '__timestamp__']);

/**
 * The time of a parsed JSON log line: the first top-level time field
 * (`time`, `timestamp`, `ts`…, any case) whose value reads as a time.
 * @example topLevelTime({ level: 30, time: 1795340670001 }) // 1795340670001
 */
export function topLevelTime(line: { [key: string]: unknown }): number | null {
  for (const key of Object.keys(line)) {
    if (!TIME_KEYS.has(key.toLowerCase())) continue;
    const time = parseTimeValue(line[key]);
    if (time !== null) return time;
  }
  return null;
}

/**
 * The time of an exported event whose fields sit one object down (a
 * Datadog export's `{"id":…,"content":{"timestamp":…,"attributes":{…}}}`, an
 * Elastic hit's `_source`): the first object field's top-level time, in the
 * fields' order. For a record whose own top level has none.
 * @example timeOneLevelDown({ id: 'AQAA…', content: { timestamp: '2026-11-22T09:44:34.123Z' } }) // 1795340674123
 */
export function timeOneLevelDown(line: { [key: string]: unknown }): number | null {
  for (const key of Object.keys(line)) {
    const value = line[key];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const time = topLevelTime(value as { [key: string]: unknown });
    if (time !== null) return time;
  }
  return null;
}

/** Whether `key`, lower-cased, names a top-level time field. */
export function isTimeKey(key: string): boolean {
  return TIME_KEYS.has(key.toLowerCase());
}

const TIME_KEY_LIST = [...TIME_KEYS];
const MIN_TIME_KEY = Math.min(...TIME_KEY_LIST.map((key) => key.length));
const MAX_TIME_KEY = Math.max(...TIME_KEY_LIST.map((key) => key.length));
/** The time keys' first characters, lower-cased. */
const TIME_KEY_FIRSTS = new Set(TIME_KEY_LIST.map((key) => key.charCodeAt(0)));

/**
 * A quick look before isTimeKeyAt: whether the key `text[start, end)` of a
 * Latin-1 view has a time key's length and first character (any case).
 */
export function mayBeTimeKeyAt(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < MIN_TIME_KEY || length > MAX_TIME_KEY) return false;
  const c = text.charCodeAt(start);
  return TIME_KEY_FIRSTS.has(c >= 0x41 && c <= 0x5a ? c | 0x20 : c);
}

/**
 * isTimeKey for the key `text[start, end)` of a Latin-1 view, read in
 * place: within Latin-1 only A-Z lower-case onto ASCII, and every time key
 * is ASCII, so folding A-Z alone gives the same answer.
 * @example isTimeKeyAt('{"Time":1}', 2, 6) // true
 */
export function isTimeKeyAt(text: string, start: number, end: number): boolean {
  const length = end - start;
  for (const key of TIME_KEY_LIST) {
    if (key.length !== length) continue;
    let i = 0;
    while (i < length) {
      const c = text.charCodeAt(start + i);
      if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== key.charCodeAt(i)) break;
      i++;
    }
    if (i === length) return true;
  }
  return false;
}
