import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { CLI, ROOT } from './run-cli.js';

/** Generous waits: these tests assert order and arrival, never speed. */
export const PATIENCE_MS = 10_000;

/** A running mqerr whose stdin the test writes to, piece by piece. */
export interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout satisfies `ready`, rejects after PATIENCE_MS with what was seen. */
  waitForStdout(ready: (stdout: string) => boolean, what: string): Promise<string>;
  waitForStderr(ready: (stderr: string) => boolean, what: string): Promise<string>;
  /** Resolves with the exit status (or the signal's name) once the process has exited and its output is drained. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the built binary with TZ=UTC and NO_COLOR=1 and its stdin left open. */
export function startCli(args: string[], env: Record<string, string> = {}): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, TZ: 'UTC', NO_COLOR: '1', FORCE_COLOR: '', MQERR_CATALOG: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  const poke = (): void => {
    for (const w of waiters) w();
  };
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    out += c;
    poke();
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    err += c;
    poke();
  });
  child.stdin.on('error', () => {});
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      poke();
      resolve({ code, signal });
    }),
  );
  const waitFor = (read: () => string, ready: (text: string) => boolean, what: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (!ready(read())) return;
        done();
        resolve(read());
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`waited ${PATIENCE_MS} ms for ${what}; stdout: ${out.slice(-2000)}\nstderr: ${err.slice(-2000)}`));
      }, PATIENCE_MS);
      const done = (): void => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitForStdout: (ready, what) => waitFor(() => out, ready, what),
    waitForStderr: (ready, what) => waitFor(() => err, ready, what),
    exited,
  };
}

/** The JSON objects of NDJSON output, one per complete line (a line still being written is left out). */
export function ndjson(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .slice(0, -1)
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Polls `ready` every 20 ms; rejects after PATIENCE_MS naming what it waited for. */
export async function waitUntil(ready: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + PATIENCE_MS;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`waited ${PATIENCE_MS} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
