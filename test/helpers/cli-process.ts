import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, type CliResult } from './run-cli.js';

const PEAK_RSS_PRELOAD = new URL('./report-peak-rss.mjs', import.meta.url).href;

export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  /** Resolves when the process has exited; stdout is collected only once `readStdout` is called or at exit. */
  done: Promise<CliResult & { peakRssKiB: number | null }>;
}

export interface StartOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Run as this user and group (tests run as root; an unreadable file needs someone else). */
  uid?: number;
  gid?: number;
  /** Record the child's peak RSS (getrusage, from inside the child) into `peakRssKiB`. */
  measureRss?: boolean;
  /** Leave stdout unread until `done` is awaited, so a writer blocks on a full pipe. */
  holdStdout?: boolean;
}

/**
 * Starts the built CLI like `runCli` does (TZ=UTC, NO_COLOR=1), but hands
 * back the child so a test can write its stdin as a stream, watch it
 * through /proc, or leave its stdout unread.
 */
export function startCli(args: string[], options: StartOptions = {}): CliProcess & { releaseStdout(): void } {
  const rssDir = options.measureRss ? mkdtempSync(join(tmpdir(), 'mqerr-rss-')) : null;
  const rssFile = rssDir ? join(rssDir, 'peak') : '';
  const nodeArgs = options.measureRss ? ['--import', PEAK_RSS_PRELOAD] : [];
  const child = spawn(process.execPath, [...nodeArgs, CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, TZ: 'UTC', NO_COLOR: '1', FORCE_COLOR: '', MQERR_CATALOG: '', MQERR_TEST_PEAK_RSS_FILE: rssFile, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const releaseStdout = (): void => {
    if (child.stdout.listenerCount('data') === 0) child.stdout.on('data', (c: Buffer) => out.push(c));
  };
  if (!options.holdStdout) releaseStdout();
  child.stderr.on('data', (c: Buffer) => err.push(c));
  child.stdin.on('error', () => {});
  const done = new Promise<CliResult & { peakRssKiB: number | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      let peakRssKiB: number | null = null;
      if (rssDir) {
        try {
          peakRssKiB = Number(readFileSync(rssFile, 'utf8'));
        } catch {
          peakRssKiB = null;
        }
        rmSync(rssDir, { recursive: true, force: true });
      }
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), peakRssKiB });
    });
  });
  return { child, done, releaseStdout };
}
