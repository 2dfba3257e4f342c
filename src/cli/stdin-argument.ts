/**
 * yargs drops a bare `-` from a variadic positional once another path is
 * beside it (`mqerr - app.log` read only app.log), losing standard input
 * silently. So `-` is swapped for a token yargs keeps before parsing, and
 * swapped back in the values that take paths.
 */
const STDIN_TOKEN = '\u0000stdin';

/** The command line with each bare `-` replaced by a token that survives parsing. */
export function protectStdinArgument(args: readonly string[]): string[] {
  return args.map((arg) => (arg === '-' ? STDIN_TOKEN : arg));
}

/**
 * A parsed path list with the token turned back into `-` (for `.coerce`).
 * @example restoreStdinArgument(protectStdinArgument(['-', 'app.log'])) // ['-', 'app.log']
 */
export function restoreStdinArgument(values: unknown): string[] | undefined {
  if (values === undefined) return undefined;
  const list = Array.isArray(values) ? values : [values];
  return list.map((value) => (String(value) === STDIN_TOKEN ? '-' : String(value)));
}
