import { parseTimestamp } from '../time/parse-time.js';
import { isZonedTime } from '../time/zoned-time.js';
import { NO_DIMENSIONS } from './envelope-dimensions.js';
import type { UnwrappedLine } from './unwrap-line.js';

/**
 * A line `fly logs` prints (flyctl's render.LogEntry): the entry's time in
 * RFC 3339, its provider and instance (`app[e286de4f711e86]`, the Machine
 * that wrote it; `proxy[…]`, `runner[…]` for the platform's own), its
 * region, its level in brackets, and the message right after the bracket,
 * each line of an application's output an entry of its own. flyctl colours
 * the time, the region and the level: terminal colour codes
 * (`\x1b[…m`) may stand around each.
 */
const FLY_LINE =
  /^(?:\x1b\[[0-9;]{0,16}m){0,3}(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d))(?:\x1b\[[0-9;]{0,16}m){0,3} ([a-z][a-z0-9_-]{0,31})\[([0-9a-z]{1,64})\] (?:\x1b\[[0-9;]{0,16}m){0,3}[a-z]{3}(?:\x1b\[[0-9;]{0,16}m){0,3} \[(?:\x1b\[[0-9;]{0,16}m){0,3}[a-z]{1,16}(?:\x1b\[[0-9;]{0,16}m){0,3}\]/;

/**
 * Removes `fly logs`' wrapper (see FLY_LINE): the instance is the record's
 * host, provider and instance tell its stream apart (so a stack trace
 * shipped one line per entry is one record again), the time is the line's
 * wrapper time. Null for a line with no such wrapper.
 * @example takeFlyLine('2026-11-22T10:02:04Z app[e286de4f711e86] nrt [info]boom') // { text: 'boom', origin: { host: 'e286de4f711e86', … } }
 */
export function takeFlyLine(line: string): UnwrappedLine | null {
  const m = FLY_LINE.exec(line);
  if (!m) return null;
  const stream = `${m[2]!}[${m[3]!}]`;
  return { text: line.slice(m[0].length), origin: { ...NO_DIMENSIONS, host: m[3]!, stream, time: parseTimestamp(m[1]!), zoned: isZonedTime(m[1]!) }, partial: false };
}

/**
 * Whether `text[from, to)`, the text after a time that leads its line, may
 * be the rest of `fly logs`' wrapper: a lower-case provider, `[` right
 * after it (`app[`), settled on its first characters. A superset of what
 * takeFlyLine takes after an uncoloured time.
 * @example mayBeFlyAfterTime('app[e286de4f711e86] nrt [info]boom', 0, 34) // true
 */
export function mayBeFlyAfterTime(text: string, from: number, to: number): boolean {
  const limit = Math.min(to, from + 33);
  const first = text.charCodeAt(from);
  if (first < 0x61 || first > 0x7a) return false;
  for (let i = from + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b /* [ */) return true;
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d)) return false;
  }
  return false;
}
