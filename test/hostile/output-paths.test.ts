import { execFileSync, spawnSync } from 'node:child_process';
import { linkSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli } from '../helpers/run-cli.js';
import { splitMessages } from '../helpers/scan-json.js';
import { ALIBABA_LINE } from './sample-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'mqerr-outputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOG = `${ALIBABA_LINE}\nok\n`;

function logFile(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, LOG);
  return path;
}

/** A refusal: exit 2, one line naming the flag and the path, no summary, the file untouched. */
function expectRefused(result: { code: number | null; stdout: string; stderr: string }, flag: string, path: string, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const messages = splitMessages(result.stderr);
  expect(messages).toHaveLength(1);
  expect(messages[0]!.startsWith(`mqerr: ${flag} ${path}: `)).toBe(true);
  expect(messages[0]).toMatch(pattern);
}

describe('paths mqerr writes never destroy data', () => {
  it('refuses a --report that is one of the inputs, leaving the log as it was', async () => {
    const log = logFile('report-is-input.log');
    const result = await runCli(['--format', 'json', '--report', log, log]);
    expectRefused(result, '--report', log, /is also an input/);
    expect(readFileSync(log, 'utf8')).toBe(LOG);
  });

  it('refuses a --report that is an input under another name (a hard link, a symlink, a file inside a directory read)', async () => {
    const log = logFile('linked.log');
    const hard = join(dir, 'hard.log');
    linkSync(log, hard);
    const soft = join(dir, 'soft.html');
    symlinkSync(log, soft);
    expectRefused(await runCli(['--format', 'json', '--report', hard, log]), '--report', hard, /is also an input/);
    expectRefused(await runCli(['--format', 'json', '--report', soft, log]), '--report', soft, /is also an input/);
    expectRefused(await runCli(['--format', 'json', '--report', log, dir]), '--report', log, /is also an input/);
    expect(readFileSync(log, 'utf8')).toBe(LOG);
  });

  it('refuses a --report that is standard input redirected from the file', () => {
    const log = logFile('stdin.log');
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" --format json --report "${log}" < "${log}"`], { cwd: ROOT, encoding: 'utf8' });
    expectRefused({ code: result.status, stdout: result.stdout, stderr: result.stderr }, '--report', log, /is also an input \(-\)/);
    expect(readFileSync(log, 'utf8')).toBe(LOG);
  });

  it('refuses an existing --report or --textfile that is not a regular file (a FIFO would be replaced by the rename)', async () => {
    const fifo = join(dir, 'metrics.prom');
    execFileSync('mkfifo', [fifo]);
    const log = logFile('fifo-case.log');
    expectRefused(await runCli(['--format', 'json', '--report', fifo, log]), '--report', fifo, /exists and is a FIFO, not a regular file/);
    expectRefused(await runCli(['--format', 'json', '--textfile', fifo, log]), '--textfile', fifo, /exists and is a FIFO, not a regular file/);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expectRefused(await runCli(['--format', 'json', '--report', '/dev/null', log]), '--report', '/dev/null', /a character device/);
  });

  it('refuses a --textfile that is one of the inputs', async () => {
    const log = logFile('input.prom');
    expectRefused(await runCli(['--format', 'json', '--textfile', log, log]), '--textfile', log, /is also an input/);
    expect(readFileSync(log, 'utf8')).toBe(LOG);
  });

  it('refuses an empty --report before reading anything', async () => {
    const result = await runCli(['--format', 'json', '--report', '', '-'], { stdin: LOG });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(splitMessages(result.stderr)).toEqual(['mqerr: --report expects a file name, got an empty path']);
  });

  it('merge refuses a --report that is one of the summaries it reads', async () => {
    const log = logFile('shard.log');
    const shard = join(dir, 'shard.json');
    writeFileSync(shard, (await runCli(['--format', 'json', log])).stdout);
    const before = readFileSync(shard, 'utf8');
    expectRefused(await runCli(['merge', '--format', 'json', '--report', shard, shard]), '--report', shard, /is also an input/);
    expect(readFileSync(shard, 'utf8')).toBe(before);
  });
});
