// Stores mqerr's top-level help beside the `mqerr` entry, as the full
// command line prints it, so that `mqerr --help` is answered without loading
// yargs (see src/cli/stored-help.ts, which decides when the stored text is
// what yargs would print). Runs after bundle.mjs; test/startup.test.ts
// compares the two answers.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WIDEST_HELP } from '../dist/cli/help-width.js';

const CLI = fileURLToPath(new URL('../dist/cli/cli.js', import.meta.url));
/** Help requests yargs may answer with the same text as `--help`; only those that do are stored. */
const HELP_ARGS = ['--help', '-h', 'help'];

/** The full command line's stdout for `mqerr <arg>`, in English, on a pipe (so wrapped at WIDEST_HELP). */
function render(arg) {
  const env = { ...process.env, LC_ALL: 'en_US', LC_MESSAGES: '', LANG: '', LANGUAGE: '' };
  const run = spawnSync(process.execPath, [CLI, arg], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.status !== 0 || run.stderr !== '') throw new Error(`mqerr ${arg} exited with ${run.status ?? run.signal}: ${run.stderr}`);
  return run.stdout;
}

const text = render('--help');
const args = HELP_ARGS.filter((arg) => arg === '--help' || render(arg) === text);
const locales = join(dirname(createRequire(import.meta.url).resolve('yargs/package.json')), 'locales');
const translatedLocales = readdirSync(locales)
  .filter((name) => name.endsWith('.json') && name !== 'en.json')
  .map((name) => name.slice(0, -'.json'.length))
  .sort();
writeFileSync(new URL('../dist/cli/top-help.json', import.meta.url), `${JSON.stringify({ width: WIDEST_HELP, args, translatedLocales, text })}\n`);
