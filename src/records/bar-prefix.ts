/**
 * The prefix tools that merge several processes' output put before each
 * line: a name padded with blanks and ` | `, on a terminal the whole of it
 * in a colour that is reset after the bar (`docker compose logs`'
 * `\e[36mapi-1  | \e[0m`, `pm2 logs`' `\e[31m0|api  | \e[39m`). Each tool
 * says which colours and which reset are its own, and what its names are.
 */
export interface BarPrefix {
  /** The name, without its padding. */
  name: string;
  /** The colour's match (its groups too), or null for an uncoloured prefix. */
  colour: RegExpExecArray | null;
  /** Where the line's text starts: after the bar and the colour's reset. */
  textAt: number;
}

/**
 * The prefix that starts at `from` in `line`: an optional `colour` (a
 * pattern anchored at its start, tried on the line from `from`), a name
 * of at least `minName` characters ending within `maxName` of its start,
 * blanks, ` | `, and `reset` after the bar where a colour opened the
 * prefix; null for a line without one.
 * @example readBarPrefix('\x1b[36mapi-1  | \x1b[0mboom', 0, /^\x1b\[36m/, '\x1b[0m', 3, 170) // { name: 'api-1', textAt: 16, … }
 */
export function readBarPrefix(line: string, from: number, colour: RegExp, reset: string, minName: number, maxName: number): BarPrefix | null {
  const coloured = line.charCodeAt(from) === 0x1b ? colour.exec(from === 0 ? line : line.slice(from, from + 16)) : null;
  const start = from + (coloured ? coloured[0].length : 0);
  const bar = line.indexOf(' | ', start);
  if (bar < start + minName || bar > start + maxName) return null;
  let end = bar;
  while (end > start && line.charCodeAt(end - 1) === 0x20) end--;
  let textAt = bar + 3;
  if (coloured) {
    // The colour ends after the bar; without its reset there, this is some other coloured line.
    if (!line.startsWith(reset, textAt)) return null;
    textAt += reset.length;
  }
  return { name: line.slice(start, end), colour: coloured, textAt };
}
