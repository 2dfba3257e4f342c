/** The widest mqerr's help text gets: wider lines are hard to read. */
export const WIDEST_HELP = 110;

/**
 * The width yargs wraps the help text to: the terminal's, up to
 * {@link WIDEST_HELP}, or that when stdout is not a terminal. The stored
 * top-level help (see quick-answer.ts) is only right for the width it was
 * made at, so both read it here.
 */
export function helpWidth(): number {
  return Math.min(WIDEST_HELP, process.stdout.columns || WIDEST_HELP);
}
