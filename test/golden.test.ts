import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/run-cli.js';
import { runCliOnTerminal } from './helpers/on-terminal.js';

/**
 * Golden cases: test/golden/<case>/ holds `args` (one argument per line),
 * optional `stdin`, and the expected `stdout`, `stderr` and `exit`. A case
 * with a `columns` file runs on a pseudo-terminal that many columns wide
 * (stdin and stdout are the terminal; `stdout` is what it showed).
 * Paths in args are relative to the repository root. UPDATE_GOLDEN=1 rewrites
 * the expected files from the current binary (review the diff!).
 */
const GOLDEN = join(ROOT, 'test/golden');
const update = process.env['UPDATE_GOLDEN'] === '1';

describe('golden CLI cases', () => {
  for (const name of readdirSync(GOLDEN).sort()) {
    const dir = join(GOLDEN, name);
    it(name, async () => {
      const args = readFileSync(join(dir, 'args'), 'utf8').split('\n').filter((l) => l.length > 0);
      const stdinFile = join(dir, 'stdin');
      const columnsFile = join(dir, 'columns');
      const result = existsSync(columnsFile)
        ? await runCliOnTerminal(args, Number(readFileSync(columnsFile, 'utf8')))
        : await runCli(args, { stdin: existsSync(stdinFile) ? readFileSync(stdinFile) : '' });
      const actual = { stdout: result.stdout, stderr: result.stderr, exit: `${result.code}\n` };
      for (const key of ['stdout', 'stderr', 'exit'] as const) {
        const file = join(dir, key);
        if (update) writeFileSync(file, actual[key]);
        const expected = existsSync(file) ? readFileSync(file, 'utf8') : key === 'exit' ? '0\n' : '';
        expect(actual[key], `${name}: ${key}`).toBe(expected);
      }
    });
  }
});
