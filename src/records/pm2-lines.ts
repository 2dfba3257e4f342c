import { parseTimestamp } from '../time/parse-time.js';
import { readBarPrefix } from './bar-prefix.js';
import { NO_DIMENSIONS, type Dimensions } from './envelope-dimensions.js';
import { takeStamp } from './leading-stamp.js';
import type { UnwrappedLine } from './unwrap-line.js';

/**
 * The forms in which PM2 (the Node.js process manager, pm2 5–7) prints a
 * managed process's lines:
 * - `pm2 logs`: `<pm_id>|<name>`, padded, and ` | ` before each line, the
 *   whole prefix coloured by the stream (red stderr, green stdout, blue
 *   `PM2` for the daemon's own lines), with `--timestamp` a dimmed
 *   `YYYY-MM-DD-HH:mm:ss ` before it; the tail of the log files it prints
 *   first pads and cuts the prefix to ten characters (`0|mqtt-adm | `);
 * - `pm2 logs --format`: `timestamp=<time> app=<name> id=<pm_id>
 *   type=out|error message=<line>` (`app=pm2` without an id for the
 *   daemon's lines; `timestamp=` only with `--timestamp`).
 * The process's own `--time` stamp (`2026-11-22T09:44:34: `) may follow
 * either (see takeStamp). The application's name is the line's unit; its
 * pm_id and stream (where the form tells it) tell its streams apart, as
 * two instances of one application in cluster mode write at once.
 */

/** `pm2 logs --timestamp`'s time, dimmed: `\e[2m\e[90m2026-11-22-09:44:34 \e[39m\e[22m`. */
const DIMMED_TIME = /^\x1b\[2m\x1b\[90m(\d{4}-\d\d-\d\d)-(\d\d:\d\d:\d\d(?:[+-]\d\d:?\d\d)?) \x1b\[39m\x1b\[22m/;
/** The prefix's colour: red for stderr, green for stdout, blue for the daemon. */
const PREFIX_COLOUR = /^\x1b\[3([124])m/;
/** chalk's reset of the foreground colour, after the bar. */
const COLOUR_RESET = '\x1b[39m';
/** `<pm_id>|<name>`: the name is whatever the application was started as, up to the prefix's padding. */
const PROCESS_NAME = /^(\d{1,6})\|(\S(?:.{0,254}\S)?)$/s;
/** Where ` | ` may start at the latest: a name and its padding. */
const MAX_PREFIX = 280;
/** `pm2 logs --format`'s fields before the line. */
const FORMAT_LINE = /^(?:timestamp=(\d{4}-\d\d-\d\d)[-T ](\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?) )?app=(?:pm2|(\S{1,256}) id=(\d{1,6})) (?:type=(out|error) )?message=/;

/**
 * The line without `pm2 logs`' prefix (and its time), with the process as
 * dimensions; null for a line without one.
 * @example takePm2Prefix('\x1b[31m0|mqtt-admin  | \x1b[39mboom')?.origin.unit // 'mqtt-admin'
 */
export function takePm2Prefix(line: string): UnwrappedLine | null {
  let at = 0;
  let time: number | null = null;
  const dimmed = line.charCodeAt(0) === 0x1b ? DIMMED_TIME.exec(line) : null;
  if (dimmed) {
    time = parseTimestamp(`${dimmed[1]!}T${dimmed[2]!}`);
    at = dimmed[0].length;
  }
  const prefix = readBarPrefix(line, at, PREFIX_COLOUR, COLOUR_RESET, 1, MAX_PREFIX);
  // `--timestamp`'s time comes before a coloured prefix only.
  if (prefix === null || (dimmed && prefix.colour === null)) return null;
  const origin = processOrigin(prefix.name, prefix.colour?.[1]);
  if (origin === null) return null;
  return withProcessStamp(line.slice(prefix.textAt), { ...origin, time });
}

/**
 * The line of `pm2 logs --format`, with the process as dimensions; null for
 * a line of another form.
 * @example takePm2Format('timestamp=2026-11-22-09:44:34+0000 app=api id=0 type=error message=boom')?.text // 'boom'
 */
export function takePm2Format(line: string): UnwrappedLine | null {
  const m = FORMAT_LINE.exec(line);
  if (!m) return null;
  const time = m[1] === undefined ? null : parseTimestamp(`${m[1]}T${m[2]!}`);
  const origin: Dimensions =
    m[3] === undefined
      ? { ...NO_DIMENSIONS, unit: 'PM2', time }
      : { ...NO_DIMENSIONS, unit: m[3], stream: streamOf(m[4]!, m[5] === undefined ? null : m[5] === 'out' ? 'stdout' : 'stderr'), time };
  return withProcessStamp(line.slice(m[0].length), origin);
}

/**
 * Whether `text[from, to)` may start with one of PM2's forms (a superset of
 * what takePm2Prefix and takePm2Format take, on the line's first
 * characters): digits and a `|`, or `timestamp=` or `app=`. (A coloured
 * prefix starts with an escape, which other checks admit already.)
 * @example mayStartPm2Line('0|mqtt-admin  | boom', 0, 20) // true
 */
export function mayStartPm2Line(text: string, from: number, to: number): boolean {
  const first = text.charCodeAt(from);
  if (first === 0x74 /* t */) return text.startsWith('timestamp=', from);
  if (first === 0x61 /* a */) return text.startsWith('app=', from);
  let i = from;
  while (i < to && i - from <= 6 && isDigit(text.charCodeAt(i))) i++;
  return i > from && text.charCodeAt(i) === 0x7c; /* | */
}

/** `<pm_id>|<name>` or `PM2`: the process's dimensions, or null for any other name. */
function processOrigin(name: string, colour: string | undefined): Dimensions | null {
  if (name === 'PM2') return colour === undefined || colour === '4' ? { ...NO_DIMENSIONS, unit: 'PM2' } : null;
  const m = PROCESS_NAME.exec(name);
  if (!m || colour === '4') return null;
  return { ...NO_DIMENSIONS, unit: m[2]!, stream: streamOf(m[1]!, colour === '1' ? 'stderr' : colour === '2' ? 'stdout' : null) };
}

/** A process's stream: its pm_id, and stdout or stderr where the form tells. */
function streamOf(id: string, output: 'stdout' | 'stderr' | null): string {
  return output === null ? `pm2=${id}` : `pm2=${id}\u0000${output}`;
}

/**
 * The process's line, without the `--time` stamp PM2 put first in it when
 * the process wrote it: that time, nearer the application than the one
 * `pm2 logs` printed it at, is the line's.
 */
function withProcessStamp(text: string, origin: Dimensions): UnwrappedLine {
  const stamped = takeStamp(text);
  if (!stamped) return { text, origin, partial: false };
  return { text: stamped.text, origin: { ...origin, time: stamped.time ?? origin.time, zoned: stamped.time !== null ? stamped.zoned : origin.zoned }, partial: false };
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
