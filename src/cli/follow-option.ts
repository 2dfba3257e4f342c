import type { Argv } from 'yargs';
import { ExitError } from '../errors.js';

/** `--follow` (scan and tag): read files as they grow, like `tail -F`. */
export function followOption<T>(y: Argv<T>) {
  return y.option('follow', {
    alias: 'F',
    type: 'boolean',
    default: false,
    describe: 'follow files, directories and globs like tail -F (rotation, truncation, new files); stop with Ctrl-C or SIGTERM',
  });
}

/** The paths to follow, or null without --follow; a usage error when there is nothing to follow. */
export function resolveFollow(args: { follow?: boolean; paths?: string[] }): { paths: string[] } | null {
  if (!args.follow) return null;
  const paths = args.paths ?? [];
  if (paths.length === 0 || paths.includes('-')) {
    throw new ExitError('--follow follows files, directories and globs; standard input is followed without it (`tail -F app.log | mqerr`)');
  }
  return { paths };
}
