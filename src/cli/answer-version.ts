import { readFileSync, writeSync } from 'node:fs';

/** The package's version, as `mqerr --version` prints it. */
export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

// `mqerr --version` alone is answered as this module loads, before yargs and
// the commands are evaluated: start-up time counts for a command-line tool.
if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-v')) {
  writeSync(1, `${VERSION}\n`);
  process.exit(0);
}
