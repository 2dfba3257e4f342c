import { fillFromKubeletPath, NO_DIMENSIONS, type Dimensions } from './envelope-dimensions.js';
import type { UnwrappedLine } from './unwrap-line.js';

/** The longest path a prefix is taken with. */
const MAX_PATH = 4096;
/**
 * A log file's name: `.log` (rotated: `.log.1`, `.log.20261122-094400`, `.log-20261122`), `.txt`, `.out`,
 * `.err`, `.json`, `.jsonl`, `.ndjson`, compressed too (zgrep's and `rg -z`'s names).
 */
const LOG_FILE = /\.(?:log(?:[.-]\d[\d-]{0,31})?|txt|out|err|json|jsonl|ndjson)(?:\.(?:gz|bz2|xz|zst|lz4))?$/i;
/** Or a file without an extension in a log directory (see isLogFilePath): `/var/log/syslog`, runit's `…/log/main/current`. */
const LOG_DIRECTORY = /(?:^|\/)logs?\//i;
/** The longest extension LOG_FILE takes, its dot included (`.log-` and 32 digits, `.gz`): what a candidate is read on. */
const MAX_EXTENSION = 48;
/** Characters no path a log tool names holds (a logfmt pair's `=`, a quote, a bracket, a list's comma…). */
const NOT_IN_PATH = /[\x00-\x20"'=,;|<>(){}[\]\\]/;
/** NOT_IN_PATH's characters above the blank, as codes. */
const NOT_IN_PATH_CODES: ReadonlySet<number> = new Set([...'"\'=,;|<>(){}[]\\'].map((ch) => ch.charCodeAt(0)));
/** A time of day or a date where a line number would stand: the line's own text, not grep's `-n`. */
const TIME_OR_DATE = /^(?:\d{4}-\d\d-\d\d|\d\d?:\d\d:\d\d)/;

/**
 * The file name grep puts before each line it prints from several files
 * (`grep -r`, `grep -H`, `zgrep`, and ripgrep's output into a pipe): `<path>:`
 * before a matching line, `<path>-` before a context line (`-A`, `-B`,
 * `-C`), each followed by the line's number and the same separator with
 * `-n`. The path is the line's stream (as `tail`'s header makes it; a
 * kubelet log's path names its pod, namespace and container), and the text
 * after the prefix is the line. Taken only where the path names a log file
 * (see isLogFilePath), so a source file's `main.go:42: ` or `app.py:12:`
 * stays in its line. Null for any other line. Pure.
 * @example takeGrepPrefix('/var/log/app/a.log:2026-11-22 09:44:34 ERROR boom')
 * // { text: '2026-11-22 09:44:34 ERROR boom', origin: { …, stream: 'file=/var/log/app/a.log' }, partial: false }
 */
export function takeGrepPrefix(line: string): UnwrappedLine | null {
  if (!mayStartGrepPrefix(line, 0, line.length)) return null;
  const limit = Math.min(line.length, MAX_PATH + 1);
  let colon = -1;
  for (let i = 1; i < limit; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x20 || c === 0x09) break;
    if (c === 0x3a /* : */) {
      colon = i;
      break;
    }
  }
  if (colon > 0 && isLogFilePath(line.slice(0, colon))) return taken(line, colon, 0x3a);
  // A context line: the shortest name with a log file's extension the line starts with, then `-`. Each candidate
  // is read on its last characters only, and none past a character no path holds: one pass over the first word.
  const end = colon > 0 ? colon : limit;
  for (let i = 1; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x2d /* - */) {
      if (mayEndExtension(line.charCodeAt(i - 1)) && LOG_FILE.test(line.slice(Math.max(0, i - MAX_EXTENSION), i))) return taken(line, i, 0x2d);
    } else if (c <= 0x20 || NOT_IN_PATH_CODES.has(c)) break;
  }
  return null;
}

/**
 * Whether `text[from, to)` may start with a prefix takeGrepPrefix takes: a
 * path's first character, and a log file's mark in the line's first word.
 * A superset of what it takes, read on the first word alone.
 * @example mayStartGrepPrefix('logs/app.log:boom', 0, 17) // true
 */
export function mayStartGrepPrefix(text: string, from: number, to: number): boolean {
  if (!mayLeadPath(text.charCodeAt(from))) return false;
  const limit = Math.min(to, from + MAX_PATH + 1);
  for (let i = from + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) return false;
    if (c === 0x2e /* . */ && MARKS_AFTER_DOT.some((mark) => holdsWord(text, i + 1, mark))) return true;
    if (c === 0x2f /* / */ && (holdsWord(text, i - 3, 'log') || holdsWord(text, i - 4, 'logs'))) return true;
  }
  return false;
}

/** What follows a dot in every name LOG_FILE takes (lower-cased); LOG_DIRECTORY's names hold `log/` or `logs/`. */
const MARKS_AFTER_DOT = ['log', 'txt', 'out', 'err', 'json', 'ndjson'];

/** Whether `text` holds `word` (lower-case letters) at `at`, in any case. */
function holdsWord(text: string, at: number, word: string): boolean {
  if (at < 0) return false;
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(at + k) | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * Whether `path` names a log file: no blank, control character, quote,
 * bracket or `=` in it, and a log file's extension or (`inLogDirectory`) a
 * name without one in a log directory.
 */
export function isLogFilePath(path: string, inLogDirectory = true): boolean {
  if (path.length === 0 || path.length > MAX_PATH || NOT_IN_PATH.test(path)) return false;
  return LOG_FILE.test(path) || (inLogDirectory && isExtensionless(path) && LOG_DIRECTORY.test(path));
}

/** Whether the path's last name is one without an extension (`syslog`, `current`). */
function isExtensionless(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.length > 0 && !name.includes('.');
}

/** Whether `c` may end an extension LOG_FILE takes: `g` `t` `r` `n` `l` `z` (in any case) or a digit. */
function mayEndExtension(c: number): boolean {
  const lower = c | 0x20;
  return (c >= 0x30 && c <= 0x39) || lower === 0x67 || lower === 0x74 || lower === 0x72 || lower === 0x6e || lower === 0x6c || lower === 0x7a;
}

/** A path's first character: `/`, `.`, `~`, a letter or `_` (a line led by a digit or a bracket is no path). */
function mayLeadPath(c: number): boolean {
  return c === 0x2f || c === 0x2e || c === 0x7e || c === 0x5f || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** The line after the path at `[0, end)` and its separator, and after `-n`'s number and the separator again. */
function taken(line: string, end: number, separator: number): UnwrappedLine {
  const path = line.slice(0, end);
  let at = end + 1;
  let digits = at;
  while (digits < line.length && line.charCodeAt(digits) >= 0x30 && line.charCodeAt(digits) <= 0x39) digits++;
  // A time or a date that starts where a number would is the line's own, unless one follows the number too (`-n`'s `3:09:44:34 …`).
  if (digits > at && line.charCodeAt(digits) === separator && (!TIME_OR_DATE.test(line.slice(at, at + 10)) || TIME_OR_DATE.test(line.slice(digits + 1, digits + 11)))) at = digits + 1;
  const origin: Dimensions = { ...NO_DIMENSIONS, stream: `file=${path}` };
  fillFromKubeletPath(origin, path);
  return { text: line.slice(at), origin, partial: false };
}
