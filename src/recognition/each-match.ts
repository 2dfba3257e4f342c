/**
 * Calls `visit` with each match of the global pattern `pattern` in `text`,
 * in order, until it returns true; returns whether one did. What
 * `text.matchAll(pattern)` yields, without the copy of the pattern matchAll
 * makes on every call, which costs more than a short text's whole search.
 * `visit` must not search with the same pattern (its lastIndex is the loop's state).
 * @example eachMatch(/\d+/g, 'a1b22', (m) => void console.log(m[0])) // "1", then "22"
 */
export function eachMatch(pattern: RegExp, text: string, visit: (match: RegExpExecArray) => boolean | void): boolean {
  pattern.lastIndex = 0;
  try {
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (visit(m) === true) return true;
      // An empty match would find itself again; matchAll steps past it.
      if (m[0].length === 0) pattern.lastIndex++;
    }
    return false;
  } finally {
    pattern.lastIndex = 0;
  }
}
