import { logTimeZone } from './parse-time.js';
import { UTC } from './time-zone.js';

const MINUTE_MS = 60_000;
const QUARTER_MS = 15 * MINUTE_MS;

/**
 * The offsets from UTC that time zones use, in quarter hours: every whole
 * hour from −12 to +14, and the zones on a half or three-quarter hour
 * (India's +05:30, Nepal's +05:45, Newfoundland's −03:30, Chatham's +12:45…).
 */
const ZONE_QUARTERS: ReadonlySet<number> = new Set([
  ...Array.from({ length: 27 }, (_, i) => (i - 12) * 4),
  ...[-9.5, -3.5, 3.5, 4.5, 5.5, 5.75, 6.5, 8.75, 9.5, 10.5, 12.75, 13.75].map((hours) => hours * 4),
]);

/**
 * How far a line's own time may lie before its wrapper's and still be the
 * same moment: a runtime stamps a line as it reads it from the pipe
 * (milliseconds later), a shipper that tails a file within seconds
 * (Filebeat backs off up to 10 s).
 */
const EARLIER_MS = 15_000;
/** How far after: the application rounding to its second, two clocks of one host. */
const LATER_MS = 2_000;

/**
 * A line's own time, where its wrapper or envelope stamped it too (a
 * container runtime, a shipper): an application that writes its local
 * time without a zone (a Java or Python service in China Standard Time) is
 * read as UTC, hours away from the runtime's absolute time for the same
 * moment. When the two differ by a time zone's offset, to within the
 * moments above, the own time is read in that zone; any other difference is
 * left as it is (a file read long after it was written). Only beside a
 * wrapper's time written with its zone (`wrapperZoned`: a wall clock shows
 * no zone), and only while the logs' zone is UTC: `--log-tz` naming another
 * zone settles it for every line. No own time, or no wrapper's: `own`.
 * @example timeBesideWrapper(Date.parse('2026-11-22T09:44:35.480Z'), Date.parse('2026-11-22T01:44:35.481Z'), true) // Date.parse('2026-11-22T01:44:35.480Z')
 */
export function timeBesideWrapper(own: number | null, wrapper: number | null, wrapperZoned: boolean): number | null {
  if (own === null || wrapper === null || !wrapperZoned) return own;
  const difference = own - wrapper;
  if (difference <= LATER_MS && difference >= -EARLIER_MS) return own;
  if (logTimeZone() !== UTC) return own;
  const quarters = Math.round(difference / QUARTER_MS);
  if (quarters === 0 || !ZONE_QUARTERS.has(quarters)) return own;
  const shifted = own - quarters * QUARTER_MS;
  return shifted - wrapper <= LATER_MS && shifted - wrapper >= -EARLIER_MS ? shifted : own;
}
