#!/usr/bin/env node
// The `mqerr` command. Start-up time counts for a command-line tool, and
// Node links every module a module imports before it runs any of them: so
// this entry imports almost nothing, answers `--version` and the top-level
// `--help` itself, and loads the full command line (cli.ts: yargs and the
// commands) for anything else.
import { readFileSync } from 'node:fs';
import { VERSION } from './package-version.js';
import { helpWidth } from './help-width.js';
import { answerFromStoredHelp, type StoredHelp } from './stored-help.js';
import { installStdoutGuards } from './output.js';

/** The help text scripts/store-help.mjs stored beside this file, or null in a build without it. */
function readStoredHelp(): StoredHelp | null {
  try {
    return JSON.parse(readFileSync(new URL('./top-help.json', import.meta.url), 'utf8')) as StoredHelp;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** What to print without loading the CLI, or null. Only single-argument command lines are ever answered here. */
function quickAnswer(args: readonly string[]): string | null {
  if (args.length !== 1) return null;
  if (args[0] === '--version' || args[0] === '-v') return `${VERSION}\n`;
  const help = readStoredHelp();
  return help === null ? null : answerFromStoredHelp(help, args, process.env, helpWidth());
}

const answer = quickAnswer(process.argv.slice(2));
if (answer === null) {
  await import('./cli.js');
} else {
  installStdoutGuards();
  process.stdout.write(answer);
}
