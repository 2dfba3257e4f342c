import { parseTimestamp } from '../time/parse-time.js';

/** An RFC 3339 time and a space, as `kubectl logs --timestamps`, `docker compose logs -t` and stern's `--timestamps` put before a line. */
const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) /;

/**
 * The line without the RFC 3339 time a tool put before it, and that time;
 * null for a line that does not start with one.
 * @example takeStamp('2026-11-22T09:44:34.085123456Z boom') // { time: 1795340674085, text: 'boom' }
 */
export function takeStamp(line: string): { time: number | null; text: string } | null {
  const stamp = STAMP.exec(line);
  return stamp ? { time: parseTimestamp(stamp[1]!), text: line.slice(stamp[0].length) } : null;
}
