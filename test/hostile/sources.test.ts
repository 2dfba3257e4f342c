import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli } from '../helpers/cli-process.js';
import { runCli } from '../helpers/run-cli.js';
import { expectedLines, scanJson, splitMessages, totalsProblems } from '../helpers/scan-json.js';
import { ALIBABA_ID, ALIBABA_LINE, TENCENT_BODY } from './sample-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'mqerr-sources-'));
chmodSync(dir, 0o755); // readable by the unprivileged user one test runs as
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The healthy source every case reads beside the broken one. */
const good = join(dir, 'good.log');
writeFileSync(good, `${ALIBABA_LINE}\nok\n`);

function numberedLines(count: number, text: string): string {
  let out = '';
  for (let i = 1; i <= count; i++) out += `${String(i).padStart(7, '0')} ${text}\n`;
  return out;
}

/** Expects the run to have reported exactly one source, with one line naming it. */
function expectOneMessage(stderr: string, source: string, pattern: RegExp): void {
  const messages = splitMessages(stderr);
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatch(/^mqerr: /);
  expect(messages[0]!.startsWith(`mqerr: ${source}: `)).toBe(true);
  expect(messages[0]).toMatch(pattern);
}

/** The good source was still read and its error counted. */
function expectGoodCounted(summary: Awaited<ReturnType<typeof scanJson>>['summary']): void {
  const stats = summary.sources.find((s) => s.name === good);
  expect(stats).toMatchObject({ lines: 2, errors: 1, error: null });
  expect(summary.byCode.find((c) => c.code === 'ApplyTokenOverFlow')?.requestIds).toEqual([ALIBABA_ID]);
  expect(totalsProblems(summary)).toEqual([]);
}

/**
 * Waits until process `pid` has `path` open and has read from it (its
 * offset in /proc/PID/fdinfo has moved), so what it read before a change
 * to the file is known to be something.
 */
async function waitUntilReading(pid: number, path: string): Promise<void> {
  for (let tries = 0; tries < 500; tries++) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      throw new Error(`process ${pid} is gone before it read ${path}`);
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) !== path) continue;
        const pos = /^pos:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8'));
        if (pos && Number(pos[1]) > 0) return;
      } catch {
        // The fd closed while listing.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`process ${pid} never read ${path}`);
}

describe.concurrent('broken sources: a one-line message naming the source, the others still read, exit 3, the summary printed', () => {
  it('a truncated gzip keeps every line decompressed before the cut', async () => {
    const text = numberedLines(20_000, 'INFO a line that compresses');
    const whole = gzipSync(text);
    const cut = join(dir, 'cut.log.gz');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const readable = execFileSync('sh', ['-c', `zcat < '${cut}' 2>/dev/null; true`]);
    const run = await scanJson([cut, good]);
    expect(run.code).toBe(3);
    expectOneMessage(run.stderr, cut, /truncated gzip data \(unexpected end of file\)$/);
    expectGoodCounted(run.summary);
    const stats = run.summary.sources.find((s) => s.name === cut)!;
    expect(stats.error).toBe('truncated gzip data (unexpected end of file)');
    expect(readable.length).toBeGreaterThan(0);
    expect(stats.lines).toBe(expectedLines(readable));
  });

  it('a corrupt gzip', async () => {
    const corrupt = join(dir, 'corrupt.gz');
    const whole = gzipSync(numberedLines(100, 'x'));
    whole.fill(0xff, 10, 40); // deflate data destroyed after the header
    writeFileSync(corrupt, whole);
    const run = await scanJson([good, corrupt]);
    expect(run.code).toBe(3);
    expectOneMessage(run.stderr, corrupt, /corrupt gzip data \(.+\)$/);
    expectGoodCounted(run.summary);
  });

  it('a directory symlink loop is reported once and its files are read once', async () => {
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'a'), { recursive: true });
    writeFileSync(join(tree, 'a', 'one.log'), `${TENCENT_BODY}\n`);
    symlinkSync('..', join(tree, 'a', 'up'));
    symlinkSync('a', join(tree, 'same-as-a'));
    const run = await scanJson([tree, good]);
    expect(run.code).toBe(3);
    expectOneMessage(run.stderr, join(tree, 'a', 'up'), /directory symlink loop: it leads back to .*tree, which is being read; skipped$/);
    expectGoodCounted(run.summary);
    expect(run.summary.totals.errors).toBe(2);
    expect(run.summary.sources.map((s) => s.name)).toEqual([good, join(tree, 'a', 'one.log'), join(tree, 'a', 'up')]);
  });

  it('an unreadable file (read as an unprivileged user)', async () => {
    const secret = join(dir, 'secret.log');
    writeFileSync(secret, 'unreachable\n');
    chmodSync(secret, 0o000);
    chmodSync(good, 0o644);
    const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const child = startCli(['scan', '--format', 'json', secret, good], asOther);
    child.child.stdin.end();
    const run = await child.done;
    expect(run.code).toBe(3);
    expectOneMessage(run.stderr, secret, /: permission denied$/);
    expectGoodCounted(JSON.parse(run.stdout) as Awaited<ReturnType<typeof scanJson>>['summary']);
  });

  it('a FIFO met inside a directory is skipped (reading it could block forever)', async () => {
    const withFifo = join(dir, 'with-fifo');
    mkdirSync(withFifo);
    execFileSync('mkfifo', [join(withFifo, 'pipe')]);
    writeFileSync(join(withFifo, 'app.log'), 'ok\n');
    const run = await scanJson([withFifo, good]);
    expect(run.code).toBe(3);
    expectOneMessage(run.stderr, join(withFifo, 'pipe'), /a FIFO, not a regular file: skipped inside a directory$/);
    expectGoodCounted(run.summary);
    expect(run.summary.sources.find((s) => s.name === join(withFifo, 'app.log'))?.lines).toBe(1);
  });

  it('a file that shrinks while it is read (copytruncate) is reported with what was read', async () => {
    const shrinking = join(dir, 'shrinking.log');
    // Long lines: megabytes of input that mqerr cannot have read ahead, in few records.
    const text = numberedLines(6_000, `INFO ${'a line that will be cut away '.repeat(70)}`);
    writeFileSync(shrinking, text);
    // tag writes every record; with its stdout unread it blocks mid-file.
    const cli = startCli(['tag', shrinking, good], { holdStdout: true });
    cli.child.stdin.end();
    await waitUntilReading(cli.child.pid!, shrinking);
    truncateSync(shrinking, 0);
    cli.releaseStdout();
    const run = await cli.done;
    expect(run.code).toBe(3);
    expectOneMessage(run.stderr, shrinking, new RegExp(`file shrank while being read: read \\d+ of the ${Buffer.byteLength(text)} bytes it had when opened`));
    const records = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { mqerr: { source: string; code: string | null } });
    const fromShrinking = records.filter((r) => r.mqerr.source === shrinking).length;
    expect(fromShrinking).toBeGreaterThan(0);
    expect(fromShrinking).toBeLessThan(6_000);
    expect(records.filter((r) => r.mqerr.source === good).map((r) => r.mqerr.code)).toEqual(['ApplyTokenOverFlow', null]);
  });

  it('a file that is rotated while it is read is read to its end, and the new file is reported unread', async () => {
    const rotating = join(dir, 'rotating.log');
    writeFileSync(rotating, numberedLines(6_000, `INFO ${'a line of the file being rotated '.repeat(60)}`));
    const cli = startCli(['tag', rotating, good], { holdStdout: true });
    cli.child.stdin.end();
    await waitUntilReading(cli.child.pid!, rotating);
    renameSync(rotating, `${rotating}.1`);
    writeFileSync(rotating, 'a line written after the rotation\n');
    cli.releaseStdout();
    const run = await cli.done;
    expect(run.code).toBe(3);
    expectOneMessage(run.stderr, rotating, /replaced while being read \(rotated\?\): the file that was open was read to its end; the new file at this path was not read$/);
    const sources = run.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { mqerr: { source: string } }).mqerr.source);
    expect(sources.filter((s) => s === rotating)).toHaveLength(6_000);
    expect(sources.filter((s) => s === good)).toHaveLength(2);
  });
});

describe.concurrent('inputs that are not errors: read normally, exit 0', () => {
  it('an empty file and /dev/null are read as zero lines', async () => {
    const empty = join(dir, 'empty.log');
    writeFileSync(empty, '');
    const run = await scanJson([empty, '/dev/null', good]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.summary.sources.filter((s) => s.name !== good).map((s) => [s.name, s.lines, s.bytes, s.error])).toEqual([
      ['/dev/null', 0, 0, null],
      [empty, 0, 0, null],
    ]);
    expectGoodCounted(run.summary);
  });

  it('a FIFO named on the command line is read like a pipe (as <(kubectl logs …) is)', async () => {
    const fifo = join(dir, 'named.fifo');
    execFileSync('mkfifo', [fifo]);
    const scanning = scanJson([fifo, good]);
    const writer = await open(fifo, 'w');
    await writer.write(`${TENCENT_BODY}\nplain\n`);
    await writer.close();
    const run = await scanning;
    expect(run.code).toBe(0);
    expect(run.summary.sources.find((s) => s.name === fifo)).toMatchObject({ lines: 2, errors: 1, error: null });
    expectGoodCounted(run.summary);
  });

  it('a missing file among good ones: the others are read, exit 3', async () => {
    const run = await runCli(['scan', '--format', 'json', join(dir, 'missing.log'), good]);
    expect(run.code).toBe(3);
    expectOneMessage(run.stderr, join(dir, 'missing.log'), /: no such file or directory$/);
    expectGoodCounted(JSON.parse(run.stdout) as Awaited<ReturnType<typeof scanJson>>['summary']);
  });
});
