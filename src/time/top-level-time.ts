import { parseTimeValue } from './parse-time.js';

/** Top-level fields of a JSON log line that hold its time, lower-cased. */
const TIME_KEYS = new Set(['time', 'timestamp', '@timestamp', 'ts', 'datetime', 'asctime', 'date']);

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

/** Whether `key`, lower-cased, names a top-level time field. */
export function isTimeKey(key: string): boolean {
  return TIME_KEYS.has(key.toLowerCase());
}
