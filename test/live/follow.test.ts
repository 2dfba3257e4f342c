import { appendFileSync, mkdirSync, mkdtempSync, readlinkSync, readdirSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/aggregation/summary.js';
import { apiLineCounts, apiLines } from '../helpers/api-lines.js';
import { runCli } from '../helpers/run-cli.js';
import { ndjson, startCli, waitUntil, type RunningCli } from '../helpers/start-cli.js';

type Snapshot = Summary & { snapshot: { final: boolean } };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mqerr-follow-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `mqerr --follow` with a JSON snapshot every 100 ms, so the test sees what has been read. */
function follow(paths: string[], extra: string[] = []): RunningCli {
  return startCli(['--follow', '--format', 'json', '--every', '100ms', ...extra, ...paths]);
}

/** Waits for a snapshot whose totals hold `lines` lines. */
async function waitForLines(cli: RunningCli, lines: number): Promise<Snapshot> {
  const out = await cli.waitForStdout((text) => ndjson(text).some((s) => (s as unknown as Snapshot).totals.lines === lines), `a snapshot of ${lines} lines`);
  return ndjson(out).find((s) => (s as unknown as Snapshot).totals.lines === lines) as unknown as Snapshot;
}

/** Stops the run with SIGTERM and returns its final summary. */
async function stop(cli: RunningCli): Promise<Snapshot> {
  cli.child.kill('SIGTERM');
  const { code } = await cli.exited;
  expect(code, cli.stderr()).toBe(0);
  const last = ndjson(cli.stdout()).at(-1) as unknown as Snapshot;
  expect(last.snapshot.final).toBe(true);
  return last;
}

/** The files of the process that are still open, as /proc shows them. */
function openFiles(pid: number): string[] {
  const fds = join('/proc', String(pid), 'fd');
  return readdirSync(fds).flatMap((fd) => {
    try {
      return [readlinkSync(join(fds, fd))];
    } catch {
      return [];
    }
  });
}

describe('--follow', () => {
  it('reads what a file holds, then each line as it is written', async () => {
    const file = join(dir, 'app.log');
    writeFileSync(file, apiLines(0, 10));
    const cli = follow([file]);
    await waitForLines(cli, 10);
    appendFileSync(file, apiLines(10, 5));
    await waitForLines(cli, 15);
    appendFileSync(file, apiLines(15, 5));
    await waitForLines(cli, 20);
    const summary = await stop(cli);
    expect(summary.totals).toMatchObject({ lines: 20, records: 20, ...apiLineCounts(0, 20) });
    expect(summary.sources).toEqual([expect.objectContaining({ name: file, lines: 20, error: null })]);
  });

  it('follows a rename and recreate (logrotate create): the old file is read to its end, the new one from its start', async () => {
    const file = join(dir, 'app.log');
    writeFileSync(file, apiLines(0, 10));
    const cli = follow([join(dir, '*.log')]);
    await waitForLines(cli, 10);
    // Written to the old file just before it is rotated, then the new file.
    appendFileSync(file, apiLines(10, 3));
    renameSync(file, join(dir, 'app.log.1'));
    writeFileSync(file, apiLines(13, 7));
    await waitForLines(cli, 20);
    appendFileSync(file, apiLines(20, 4));
    await waitForLines(cli, 24);
    const summary = await stop(cli);
    expect(summary.totals).toMatchObject({ lines: 24, records: 24, ...apiLineCounts(0, 24) });
  });

  it('reads a rotated file once when following a whole directory', async () => {
    const file = join(dir, 'app.log');
    writeFileSync(file, apiLines(0, 10));
    const cli = follow([dir]);
    await waitForLines(cli, 10);
    renameSync(file, join(dir, 'app.log.1'));
    writeFileSync(file, apiLines(10, 5));
    await waitForLines(cli, 15);
    // The old file, still matched under its new name, is not read again, nor anything after it.
    appendFileSync(file, apiLines(15, 1));
    await waitForLines(cli, 16);
    const summary = await stop(cli);
    expect(summary.totals).toMatchObject({ lines: 16, ...apiLineCounts(0, 16) });
  });

  it('reads a file truncated in place (copytruncate) again from its start', async () => {
    const file = join(dir, 'app.log');
    writeFileSync(file, apiLines(0, 10));
    const cli = follow([file]);
    await waitForLines(cli, 10);
    truncateSync(file, 0);
    appendFileSync(file, apiLines(10, 4));
    await waitForLines(cli, 14);
    const summary = await stop(cli);
    expect(summary.totals).toMatchObject({ lines: 14, ...apiLineCounts(0, 14) });
  });

  it('picks up files that appear later under a glob or a directory', async () => {
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    const cli = follow([join(dir, 'a', '*.log'), join(dir, 'b')]);
    // Nothing matches yet: not an error, the paths are waited for.
    writeFileSync(join(dir, 'a', 'one.log'), apiLines(0, 4));
    await waitForLines(cli, 4);
    mkdirSync(join(dir, 'b', 'nested'));
    writeFileSync(join(dir, 'b', 'nested', 'two.log'), apiLines(4, 6));
    await waitForLines(cli, 10);
    writeFileSync(join(dir, 'a', 'ignored.txt'), apiLines(10, 6));
    appendFileSync(join(dir, 'a', 'one.log'), apiLines(16, 2));
    await waitForLines(cli, 12);
    const summary = await stop(cli);
    expect(summary.totals.lines).toBe(12);
    expect(summary.totals.errors + summary.totals.successes).toBe(12);
    expect(summary.sources.map((s) => s.name)).toEqual([join(dir, 'a', 'one.log'), join(dir, 'b', 'nested', 'two.log')]);
    expect(cli.stderr()).toBe('');
  });

  it('finishes a deleted file, its last open record included, and releases it', async () => {
    const file = join(dir, 'app.log');
    writeFileSync(file, apiLines(0, 3));
    const cli = startCli(['tag', '--errors-only', '--follow', file]);
    await cli.waitForStdout((out) => ndjson(out).length === 2, 'the first two errors');
    // A Java stack trace, its last line unterminated: one record, closed when the file goes.
    appendFileSync(
      file,
      '2026-11-22 09:45:02.311 ERROR c.e.mqtt.TopicService - DeleteTopic failed\n' +
        'com.tencentcloudapi.common.exception.TencentCloudSDKException: [TencentCloudSDKException]code: FailedOperation.InstanceNotReady message:The instance is not ready. requestId:1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6\n' +
        '\tat com.tencentcloudapi.common.AbstractClient.internalRequest(AbstractClient.java:310)',
    );
    rmSync(file);
    const out = await cli.waitForStdout((text) => ndjson(text).length === 3, 'the stack trace as one record');
    expect((ndjson(out)[2] as { mqerr: { code: string } }).mqerr.code).toBe('FailedOperation.InstanceNotReady');
    await waitUntil(() => !openFiles(cli.child.pid!).some((f) => f.startsWith(file)), 'the deleted file to be closed');
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
    expect(ndjson(cli.stdout())).toHaveLength(3);
  });

  it("closes a quiet file's open multi-line record on the quiet timer, as in a pipe", async () => {
    const file = join(dir, 'app.log');
    writeFileSync(file, '');
    const cli = startCli(['tag', '--errors-only', '--follow', file]);
    appendFileSync(
      file,
      'Traceback (most recent call last):\n' +
        '  File "/app/admin.py", line 12, in delete_group\n' +
        '    client.do_action_with_exception(request)\n' +
        'aliyunsdkcore.acs_exception.exceptions.ServerException: HTTP Status: 404 Error:GroupIdNotFound The group does not exist. RequestID: 5E0B1D4A-2C3B-4D5E-8F90-A1B2C3D4E5F7\n',
    );
    const out = await cli.waitForStdout((text) => ndjson(text).length === 1, 'the traceback, closed by the quiet timer');
    expect((ndjson(out)[0] as { mqerr: { code: string; line: number } }).mqerr).toMatchObject({ code: 'GroupIdNotFound', line: 1 });
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
  });

  it('refuses --follow without files: a pipe is followed without it', async () => {
    const result = await runCli(['--follow']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mqerr: --follow follows files/);
    expect((await runCli(['tag', '--follow', '-'])).code).toBe(2);
  });
});
