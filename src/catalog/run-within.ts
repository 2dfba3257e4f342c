import { createContext, Script } from 'node:vm';

/**
 * Runs a regular expression with a time bound. A regular expression cannot
 * be stopped from the thread that runs it, but code run in a vm context can
 * (its `timeout` interrupts the engine, a match in progress included): the
 * pattern of a user catalog's shape is run there while it is checked, so a
 * catastrophic one ends the check with a problem, not a hang.
 */
export interface BoundedRunner {
  /** Every match of the global `pattern` in `text` (with its groups), or null when they take more than `ms`. */
  matches(pattern: RegExp, text: string, ms: number): RegExpExecArray[] | null;
  /** Whether finding every match in `text` takes at most `ms` (the matches are not kept). */
  finishes(pattern: RegExp, text: string, ms: number): boolean;
}

// eachMatch's loop (each-match.ts), in the sandbox's global scope.
const EVERY_MATCH = new Script(`
  found = keep ? [] : null;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (keep) found.push(m);
    if (m[0].length === 0) pattern.lastIndex++;
  }
  pattern.lastIndex = 0;
`);

/**
 * A runner with its own sandbox, made once for all the patterns of a check.
 * @example createBoundedRunner().matches(/err=(?<code>\w+)/g, 'err=Throttling', 100)?.[0]?.groups?.code // 'Throttling'
 */
export function createBoundedRunner(): BoundedRunner {
  const sandbox: { pattern: RegExp | null; text: string; keep: boolean; found: RegExpExecArray[] | null } = { pattern: null, text: '', keep: false, found: null };
  const context = createContext(sandbox);
  const run = (pattern: RegExp, text: string, ms: number, keep: boolean): boolean => {
    Object.assign(sandbox, { pattern, text, keep, found: null });
    try {
      EVERY_MATCH.runInContext(context, { timeout: ms });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return false;
      throw err;
    } finally {
      pattern.lastIndex = 0;
      sandbox.text = '';
    }
  };
  return {
    matches(pattern, text, ms) {
      if (!run(pattern, text, ms, true)) return null;
      // Arrays made in the sandbox: copied into this realm's.
      return [...sandbox.found!];
    },
    finishes: (pattern, text, ms) => run(pattern, text, ms, false),
  };
}
