import { leadingTime } from '../time/leading-time.js';

/** A level word, in brackets or not (`ERROR`, `[INFO]`, `error:`), and the blanks after it. Group 1 is the word. */
const LEADING_LEVEL = /^\[?([A-Za-z]{3,8})\]?(?::?[ \t]+|:?$)/;
/** Blanks between the time and what follows it on the line (never a line break: a stack trace stays put). */
const LEADING_BLANKS = /^[ \t]+/;

/**
 * A plain-text record's message for its pretty line, without what
 * pino-pretty already shows before it:
 * - the record's own leading time, when it is the record's time (the one
 *   recognition read from it); a leading time that is not is left, and so
 *   is everything after it;
 * - then the level word that starts what is left, when it is the level
 *   pino-pretty shows (`shownLevel`, as pino-pretty labels it): in any case
 *   right after the time (`error` in a zap line), in capitals only at the
 *   start of a line without a time (an `Error connecting…` line keeps its
 *   word). A level that differs (a WARNING line shown as an ERROR record)
 *   stays in the message.
 * @example dropOwnTimeAndLevel('2026-12-01 10:00:00,123 ERROR [main] c.x.Svc - failed', 1796119200123, 'ERROR') // '[main] c.x.Svc - failed'
 */
export function dropOwnTimeAndLevel(text: string, time: number | null, shownLevel: string): string {
  let rest = text;
  const match = leadingTime(text);
  if (match) {
    // A time that is not the line's first word (Ruby's `E, [time #pid]`) stays, and so does what follows it.
    if (time === null || match.time !== time || match.length === 0) return text;
    rest = afterTime(text, match.length);
    if (rest === text) return text;
  }
  const level = LEADING_LEVEL.exec(rest);
  if (!level || !balancedBrackets(level[0])) return rest;
  const word = level[1]!;
  const same = match ? word.toUpperCase() === shownLevel : word === shownLevel;
  return same ? rest.slice(level[0].length) : rest;
}

/** What follows a leading time that ends at `end` and the blanks after it; `text` itself when the time does not end where a word does. */
function afterTime(text: string, end: number): string {
  let rest = text.slice(end);
  if (text.startsWith('[')) {
    if (!rest.startsWith(']')) return text;
    rest = rest.slice(1);
  }
  const blanks = LEADING_BLANKS.exec(rest);
  if (blanks) return rest.slice(blanks[0].length);
  // `…:00.123Zfoo` is not a time followed by a message.
  return rest === '' || rest.startsWith('\n') || rest.startsWith('\r') ? rest : text;
}

/** `[ERROR]` or `ERROR`, not `[ERROR` or `ERROR]`. */
function balancedBrackets(word: string): boolean {
  return word.startsWith('[') === /\][: \t]*$/.test(word);
}
