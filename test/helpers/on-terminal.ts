import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, type CliResult } from './run-cli.js';

/**
 * Runs a shell command on a pseudo-terminal of `cols` columns made by
 * util-linux's `script`, so stdin, stdout and stderr are terminals; `$CLI` is
 * the built mqerr. The terminal's input ends at once (script passes the end
 * of its own input on), so a command reading the terminal sees Ctrl-D.
 * Resolves with everything the terminal showed, line ends as `\n`.
 */
export function runOnTerminal(command: string, cols = 80): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC', NO_COLOR: '1', TERM: 'xterm', MQERR_CATALOG: '', CLI };
    // Node warns on stderr when both are set.
    delete env['FORCE_COLOR'];
    const child = spawn('script', ['-qec', `stty cols ${cols} rows 50; ${command}`, '/dev/null'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ output: output.replace(/\r\n/g, '\n'), code }));
  });
}

/** A word as a POSIX shell reads it back. */
function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs the built CLI with `args` on a pseudo-terminal `cols` wide (stdin and
 * stdout are the terminal, stderr a file): stdout is what the terminal showed.
 */
export async function runCliOnTerminal(args: readonly string[], cols: number): Promise<CliResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mqerr-pty-'));
  const stderrFile = join(dir, 'stderr');
  try {
    const { output, code } = await runOnTerminal(`exec node "$CLI" ${args.map(shellQuote).join(' ')} 2>${shellQuote(stderrFile)}`, cols);
    return { code, signal: null, stdout: output, stderr: readFileSync(stderrFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
