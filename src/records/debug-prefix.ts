import { NO_DIMENSIONS } from './envelope-dimensions.js';
import type { UnwrappedLine } from './unwrap-line.js';

/**
 * The prefix the `debug` package (Node) puts before every line it writes
 * with colours on (stderr is a terminal, or DEBUG_COLORS is set): two
 * spaces, the namespace in bold in its colour, a space and a reset —
 * `  \e[31;1mmqtt-admin:sync \e[0m` (`\e[38;5;<n>;1m` from a 256-colour
 * palette). Every line of a message carries it, the lines of a value `%O`
 * prints too, so it is a wrapper: its namespace is the line's stream.
 */
const DEBUG_PREFIX = /^ {2}\x1b\[3(?:[0-7]|8;5;\d{1,3});1m([^\s\x1b]{1,256}) \x1b\[0m/;
/** The time since the namespace's last message, which ends a message's last line in the same colour: ` \e[31m+412ms\e[0m`. */
const DEBUG_DIFF = / \x1b\[3(?:[0-7]|8;5;\d{1,3})m\+\d{1,15}(?:ms|s|m|h|d)\x1b\[0m$/;

/**
 * The line without debug's coloured prefix (and the time since the last
 * message at its end, if it ends one), its namespace as its stream; null
 * for a line without that prefix.
 * @example takeDebugPrefix('  \x1b[31;1mmqtt:sync \x1b[0mready \x1b[31m+0ms\x1b[0m') // { text: 'ready', origin: { …, stream: 'debug mqtt:sync' }, partial: false }
 */
export function takeDebugPrefix(line: string): UnwrappedLine | null {
  if (!mayStartDebugPrefix(line, 0, line.length)) return null;
  const m = DEBUG_PREFIX.exec(line);
  if (!m) return null;
  return { text: line.slice(m[0].length, diffStart(line, m[0].length)), origin: { ...NO_DIMENSIONS, stream: `debug ${m[1]!}` }, partial: false };
}

/** The longest time-since-last-message debug writes: ` \e[38;5;255m+` and 15 digits, a unit, `\e[0m`. */
const MAX_DIFF = 36;

/** Where the time since the last message starts at the end of `line` (searched in its last characters only), or the line's length. */
function diffStart(line: string, from: number): number {
  if (line.charCodeAt(line.length - 1) !== 0x6d /* m */) return line.length;
  const start = Math.max(from, line.length - MAX_DIFF);
  const diff = DEBUG_DIFF.exec(line.slice(start));
  return diff ? start + diff.index : line.length;
}

/**
 * Whether `text[from, to)` may start with debug's coloured prefix (a
 * superset of what takeDebugPrefix takes): two spaces, then `\e[3`.
 * @example mayStartDebugPrefix('  \x1b[31;1mmqtt:sync \x1b[0mready', 0, 28) // true
 */
export function mayStartDebugPrefix(text: string, from: number, to: number): boolean {
  return (
    from + 5 <= to &&
    text.charCodeAt(from) === 0x20 &&
    text.charCodeAt(from + 1) === 0x20 &&
    text.charCodeAt(from + 2) === 0x1b &&
    text.charCodeAt(from + 3) === 0x5b /* [ */ &&
    text.charCodeAt(from + 4) === 0x33 /* 3 */
  );
}
