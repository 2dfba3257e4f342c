import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/run-cli.js';
import { PATIENCE_MS } from '../helpers/start-cli.js';

/**
 * These run mqerr under a pseudo-terminal made by util-linux's `script`, so
 * stderr (and stdout) are real terminals; input comes through a FIFO the test
 * writes and closes when it has seen what it waits for.
 */
const SAMPLE = readFileSync(join(ROOT, 'fixtures/sample/app.log'), 'utf8');
const ERASE = /\u001b\[\d+A\r\u001b\[J/;

let dir: string;
let fifo: string;
let fifos = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mqerr-tty-'));
  writeFileSync(join(dir, 'big.log'), SAMPLE.repeat(300)); // 1.1 MB
});
// A FIFO per test, so a test that fails with its FIFO open cannot disturb the next.
beforeEach(() => {
  fifo = join(dir, `input-${++fifos}`);
  execFileSync('mkfifo', [fifo]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface TerminalRun {
  output(): string;
  waitFor(pattern: RegExp, what: string): Promise<void>;
  exited: Promise<number | null>;
}

/** Runs a shell command on a 160×50 pseudo-terminal; $CLI, $FIFO and $DIR are set. */
function onTerminal(command: string): TerminalRun {
  const child = spawn('script', ['-qfec', `stty cols 160 rows 50; ${command}`, '/dev/null'], {
    cwd: ROOT,
    env: { ...process.env, TZ: 'UTC', NO_COLOR: '1', TERM: 'xterm', MQERR_CATALOG: '', CLI, FIFO: fifo, DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    out += c;
    for (const w of waiters) w();
  });
  return {
    output: () => out,
    waitFor: (pattern, what) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (!pattern.test(out)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => reject(new Error(`waited ${PATIENCE_MS} ms for ${what}; terminal showed: ${JSON.stringify(out.slice(-1500))}`)), PATIENCE_MS);
        waiters.add(check);
        check();
      }),
    exited: new Promise((resolve) => child.on('close', (code) => resolve(code))),
  };
}

/** Writes text into the FIFO and keeps it open until `close` is called. */
function feed(text: string): { close(): void } {
  const stream = createWriteStream(fifo);
  stream.write(text);
  return { close: () => stream.end() };
}

describe('on a terminal', () => {
  it('draws the live view on stderr while a pipe is open, then erases it for the final summary', async () => {
    const term = onTerminal('node "$CLI" --interval 200ms --by category < "$FIFO"');
    const input = feed(SAMPLE);
    await term.waitFor(/mqerr \d+:\d\d · 8 errors \((?:-|[\d.]+)\/min\) · 1 success · error rate 88\.9% · 15 records · 30 lines/, 'a live frame with every record');
    // The terminal may pass a frame on in pieces: wait for its top-codes part too. Rates show as "-" for the first ten seconds.
    await term.waitFor(/ {2}alibaba {2}ApplyTokenOverFlow +1 +(?:-|[\d.]+)\r?\n/, 'the top codes of that frame');
    expect(term.output()).toMatch(/ {2}throttling +2 +(?:-|[\d.]+)\r?\n/);
    input.close();
    expect(await term.exited).toBe(0);
    const out = term.output();
    const finalTable = out.indexOf('mqerr: 8 errors, 1 success in 15 records, 30 lines');
    expect(finalTable).toBeGreaterThan(0);
    // The frame is erased just before the summary is printed.
    expect(out.slice(0, finalTable)).toMatch(new RegExp(`${ERASE.source}$`));
    expect(out.slice(finalTable)).not.toMatch(ERASE);
  });

  it('draws a progress bar for files of known size', async () => {
    const term = onTerminal('node "$CLI" "$DIR/big.log" --interval 200ms --by category');
    expect(await term.exited).toBe(0);
    expect(term.output()).toMatch(/\] +\d+% +[\d.]+\/1\.1 MB +[\d.]+ MB\/s +ETA [\d:-]+ +\d+ errors/);
    // 300 copies of the sample: 7 errors with RequestIds counted once each, 300 without.
    expect(term.output()).toContain('mqerr: 307 errors, 300 successes in 4500 records, 9000 lines');
  });

  it('draws nothing when stderr is not the terminal, even though stdout is', async () => {
    const term = onTerminal('node "$CLI" --interval 200ms --by category < "$FIFO" 2>"$DIR/stderr"');
    const input = feed(SAMPLE);
    // Input stays open across several redraw intervals before it ends.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    input.close();
    expect(await term.exited).toBe(0);
    expect(readFileSync(join(dir, 'stderr'), 'utf8')).toBe('');
    expect(term.output()).not.toMatch(ERASE);
    expect(term.output()).toContain('mqerr: 8 errors');
  });

  it('mqerr tag draws nothing while its records go to the same terminal', async () => {
    const term = onTerminal('node "$CLI" tag --errors-only --interval 200ms < "$FIFO"');
    const input = feed(SAMPLE);
    await term.waitFor(/"code":"InternalError"/, 'the last tagged error');
    input.close();
    expect(await term.exited).toBe(0);
    expect(term.output()).not.toMatch(ERASE);
    expect(term.output()).not.toContain('errors/min');
  });
});
