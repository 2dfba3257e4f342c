import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliResult } from './helpers/run-cli.js';

/**
 * Worker threads must not change a byte of the output. MQERR_SEGMENT_BYTES
 * makes segments tiny so that these small inputs are cut at many places.
 */
const PARALLEL = { MQERR_SEGMENT_BYTES: '64' };
const SEQUENTIAL_FULL_PATH = { MQERR_FAST_PATH: '0' };

async function expectSameEverywhere(args: string[], { fullPath = false } = {}): Promise<CliResult> {
  const parallel = await runCli(['--jobs', '2', ...args], { env: PARALLEL });
  const others = [await runCli(['--jobs', '1', ...args])];
  if (fullPath) others.push(await runCli(args, { env: SEQUENTIAL_FULL_PATH }));
  for (const other of others) {
    expect(parallel.stdout).toBe(other.stdout);
    expect(parallel.stderr).toBe(other.stderr);
    expect(parallel.code).toBe(other.code);
  }
  return parallel;
}

const work = mkdtempSync(join(tmpdir(), 'mqerr-parallel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('processing files on worker threads', () => {
  it('gives the sequential output, and the full path’s, on every fixture', async () => {
    await expectSameEverywhere(['scan', '--format', 'json', 'fixtures'], { fullPath: true });
    await expectSameEverywhere(['tag', 'fixtures'], { fullPath: true });
  });

  it('gives the sequential output on a nightly directory of many files, plain and gzip, with one unreadable', async () => {
    const dir = join(work, 'nightly');
    mkdirSync(dir);
    const sample = readFileSync(join(ROOT, 'fixtures/sample/app.log'));
    const archive = readFileSync(join(ROOT, 'fixtures/archive/2026-11-22.log'));
    for (let i = 0; i < 12; i++) {
      const name = join(dir, `app-${String(i).padStart(2, '0')}.log`);
      const bytes = Buffer.concat(Array.from({ length: (i % 4) + 1 }, (_, k) => ((i + k) % 2 ? sample : archive)));
      writeFileSync(i % 3 === 0 ? `${name}.gz` : name, i % 3 === 0 ? gzipSync(bytes) : bytes, { flag: 'w' });
    }
    symlinkSync(join(dir, 'missing.log'), join(dir, 'zz-dangling.log'));
    const result = await expectSameEverywhere(['scan', '--format', 'json', dir]);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout).sources).toHaveLength(13);
    await expectSameEverywhere(['tag', dir]);
  });

  it('does not cut a source inside the streams of a container wrapper', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) {
      const t = `2026-11-22T09:44:${String(i).padStart(2, '0')}.000Z`;
      lines.push(`${t} stderr P {"level":50,"time":1795340674085,"err":{"code":"ResourceNotFound.`);
      lines.push(`2026-11-22 09:44:${String(i).padStart(2, '0')},000 INFO plain line between`);
      lines.push(`${t} stdout F {"level":30,"msg":"ok"}`);
      lines.push(`${t} stderr F Topic","requestId":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a${String(i).padStart(2, '0')}"}}`);
    }
    const file = join(work, 'cri.log');
    writeFileSync(file, lines.join('\n') + '\n');
    const result = await expectSameEverywhere(['scan', '--format', 'json', file]);
    expect(JSON.parse(result.stdout).byCode[0]).toMatchObject({ code: 'ResourceNotFound.Topic', count: 40 });
    await expectSameEverywhere(['tag', file]);
  });

  it('inherits, across a cut, the time of the lines before it', async () => {
    const error = (code: string, i: number): string =>
      `{"level":50,"msg":"x","err":{"code":"${code}","requestId":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a${String(i).padStart(2, '0')}"}}`;
    const lines: string[] = [];
    for (let i = 0; i < 6; i++) {
      lines.push(`2026-11-22 09:${String(i * 10).padStart(2, '0')}:00,000 INFO tick`, error('InternalError', i), error('ResourceNotFound.Topic', i));
      lines.push(`[main] [TencentCloudSDKError] Code=RequestLimitExceeded, Message=slow down, RequestId=8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e${String(i).padStart(2, '0')}`);
    }
    const file = join(work, 'untimed.log');
    writeFileSync(file, lines.join('\n') + '\n');
    const result = await expectSameEverywhere(['scan', '--format', 'json', file]);
    for (const code of JSON.parse(result.stdout).byCode) {
      expect(code, code.code).toMatchObject({ count: 6, firstSeen: '2026-11-22T09:00:00.000Z', lastSeen: '2026-11-22T09:50:00.000Z' });
    }
    await expectSameEverywhere(['tag', file]);
  });

  it('counts an error reported again across a cut once, and keeps a record whose cause follows on the next line whole', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 30; i++) {
      const id = `8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e${String(i).padStart(2, '0')}`;
      lines.push(`2026/11/22 09:45:${String(i).padStart(2, '0')} [TencentCloudSDKError] Code=RequestLimitExceeded, Message=slow down, RequestId=${id}`);
      lines.push(`{"level":50,"time":${1795340700000 + i * 1000},"err":{"code":"RequestLimitExceeded","requestId":"${id}"},"msg":"call failed"}`);
      if (i % 7 === 0) lines.push('2026-11-22 09:45:59,000 WARN app: the retries of the whole batch gave up after many attempts, caused by:', `2026-11-22 09:45:59,001 INFO pool-${i} exhausted`);
    }
    const file = join(work, 'repeats.log');
    writeFileSync(file, lines.join('\n') + '\n');
    const result = await expectSameEverywhere(['scan', '--format', 'json', file], { fullPath: true });
    const summary = JSON.parse(result.stdout);
    expect(summary.totals.errors).toBe(30);
    expect(summary.totals.records).toBe(60 + 5);
    await expectSameEverywhere(['tag', file]);
  });

  it('settles repeats in a segment once its own errors fill the window, as the sequential path does', async () => {
    // A window of 8 errors and segments of ~30 lines: most errors are settled in their segment, the first 8 of each are not.
    const env = { MQERR_REPEAT_WINDOW: '8' };
    const ids = Array.from({ length: 12 }, (_, i) => `8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e${String(i).padStart(2, '0')}`);
    const lines: string[] = [];
    let seed = 7;
    // Above 256 KB, so that the file is read on worker threads.
    for (let i = 0; i < 3000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const id = ids[seed % ids.length]!;
      const t = 1795340700000 + i * 1000;
      lines.push(
        i % 3 === 0
          ? `2026/11/22 09:45:00 [TencentCloudSDKError] Code=RequestLimitExceeded, Message=slow down, RequestId=${id}`
          : `{"level":50,"time":${t},"err":{"code":"${i % 2 ? 'InternalError' : 'ResourceNotFound.Topic'}","requestId":"${id}"},"msg":"call failed"}`,
      );
    }
    const one = join(work, 'window-one.log');
    const two = join(work, 'window-two.log');
    writeFileSync(one, lines.join('\n') + '\n');
    writeFileSync(two, lines.slice(100, 2300).reverse().join('\n') + '\n');
    for (const files of [[one], [one, two]]) {
      for (const command of [['scan', '--format', 'json'], ['tag']]) {
        const args = [...command, ...files];
        const parallel = await runCli(['--jobs', '2', ...args], { env: { ...env, MQERR_SEGMENT_BYTES: '3000' } });
        const sequential = await runCli(['--jobs', '1', ...args], { env });
        expect(parallel.stdout).toBe(sequential.stdout);
        expect(parallel.code).toBe(sequential.code);
      }
    }
    // 12 ids drawn at random among 8 recent errors: some errors are repeats, not all.
    const summary = JSON.parse((await runCli(['scan', '--format', 'json', one], { env })).stdout);
    expect(summary.totals.errors).toBeGreaterThan(12);
    expect(summary.totals.errors).toBeLessThan(3000);
    const tagged = (await runCli(['tag', one], { env })).stdout.split('\n').filter((line) => line.includes('"duplicateOf"'));
    expect(tagged.length).toBe(3000 - summary.totals.errors);
  });

  it('cuts a log whose lines lead with an RFC 3339 time alone, and gives the sequential output', async () => {
    const lines: string[] = [];
    // Above 256 KB, so that the file is read on worker threads.
    for (let i = 0; i < 2000; i++) {
      const t = `2026-11-22T09:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}Z`;
      const id = `8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c${String(i).padStart(6, '0')}`;
      lines.push(`${t} ERROR [pool-2-thread-${i % 4}] c.e.mqtt.TopicService - DescribeTopicList failed`);
      lines.push(`${t} com.tencentcloudapi.common.exception.TencentCloudSDKException: [TencentCloudSDKException]code: RequestLimitExceeded message:slow down requestId:${id}`);
      lines.push(`${t} \tat com.tencentcloudapi.common.AbstractClient.internalRequest(AbstractClient.java:310)`);
      if (i % 5 === 0) lines.push(`${t} INFO [main] c.e.App - tick ${i}`);
    }
    const file = join(work, 'iso.log');
    writeFileSync(file, lines.join('\n') + '\n');
    const env = { MQERR_SEGMENT_BYTES: '20000' };
    for (const command of [['scan', '--format', 'json'], ['tag']]) {
      const parallel = await runCli(['--jobs', '2', ...command, file], { env });
      const sequential = await runCli(['--jobs', '1', ...command, file]);
      expect(parallel.stdout).toBe(sequential.stdout);
    }
    const summary = JSON.parse((await runCli(['scan', '--format', 'json', file], { env })).stdout);
    expect(summary.totals.errors).toBe(2000);
    expect(summary.totals.records).toBe(2000 + 400);
  });

  it('reads a file by byte ranges on its threads, and stops cutting where a container wrapper first shows past the first lines', async () => {
    const plain = (i: number): string => `2026-11-22 09:44:${String(i % 60).padStart(2, '0')},000 ERROR app: code=ResourceNotFound.Topic requestId=8C1D2E3F-4A5B-4C6D-8E7F-9A0B1C${String(i).padStart(6, '0')}`;
    const lines = Array.from({ length: 300 }, (_, i) => plain(i));
    // CRI lines from line 201 on, a record split across two of them with a plain line between (a cut there would part them).
    for (let i = 201; i < 300; i += 3) {
      const t = `2026-11-22T09:45:${String(i % 60).padStart(2, '0')}.000Z`;
      lines[i] = `${t} stderr P {"level":50,"code":"ResourceNotFound.`;
      lines[i + 1] = `2026-11-22 09:45:00,000 INFO app: between ${i}`;
      lines[i + 2] = `${t} stderr F Group","requestId":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e${String(i).padStart(6, '0')}"}`;
    }
    const file = join(work, 'wrapped-late.log');
    writeFileSync(file, lines.join('\n') + '\n');
    const result = await expectSameEverywhere(['scan', '--format', 'json', file]);
    expect(JSON.parse(result.stdout).byCode.map((c: { code: string; count: number }) => [c.code, c.count])).toEqual([
      ['ResourceNotFound.Topic', 201],
      ['ResourceNotFound.Group', 33],
    ]);
    await expectSameEverywhere(['tag', file]);
  });

  it('says where a file holds compressed data, as the sequential path and the full path do: in a range, or read on past one', async () => {
    const plain = (i: number): string => `2026-11-22 09:44:${String(i % 60).padStart(2, '0')},000 ERROR app: code=ResourceNotFound.Topic requestId=8C1D2E3F-4A5B-4C6D-8E7F-9A0B1C${String(i).padStart(6, '0')}\n`;
    const cri = (i: number): string => `2026-11-22T09:45:${String(i % 60).padStart(2, '0')}.000Z stderr F ${plain(i)}`;
    const archive = gzipSync(Array.from({ length: 50 }, (_, i) => plain(i)).join(''));
    const before = Array.from({ length: 200 }, (_, i) => plain(i)).join('');
    const ranged = join(work, 'concatenated.log');
    writeFileSync(ranged, Buffer.concat([Buffer.from(before), archive, Buffer.from(before)]));
    const inRange = await expectSameEverywhere(['scan', '--format', 'json', ranged], { fullPath: true });
    expect(inRange.stderr).toBe(`mqerr: ${ranged}: gzip data from byte ${before.length} on (a compressed file concatenated with others?) is not decompressed: its lines are counted as invalid UTF-8 and the logs in it are not read; give the files to mqerr as arguments, which decompresses each\n`);
    expect(inRange.code).toBe(3);
    // A container wrapper from line 201 on, with plain lines between (cuts are planned past it): the range that
    // shows it reads on to the end, past the compressed data.
    const wrapped = join(work, 'concatenated-wrapped.log');
    const criLines = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? cri(i) : plain(i))).join('');
    writeFileSync(wrapped, Buffer.concat([Buffer.from(before + criLines), archive, Buffer.from(criLines)]));
    const readOn = await expectSameEverywhere(['scan', '--format', 'json', wrapped], { fullPath: true });
    expect(JSON.parse(readOn.stdout).sources[0].error).toContain(`gzip data from byte ${before.length + criLines.length} on`);
  });

  it('reads by byte ranges a file whose lines are longer than the window cuts are looked for in', async () => {
    const long = (i: number): string => `2026-11-22 09:44:${String(i % 60).padStart(2, '0')},000 INFO app: ${'x'.repeat(70_000 + i)}`;
    const error = (i: number): string => `2026-11-22 09:44:${String(i % 60).padStart(2, '0')},000 ERROR app: failed, caused by:\ncode=InternalError requestId=8C1D2E3F-4A5B-4C6D-8E7F-9A0B1C${String(i).padStart(6, '0')}`;
    const lines = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? error(i) : long(i)));
    const file = join(work, 'long-lines.log');
    writeFileSync(file, lines.join('\n'));
    const env = { MQERR_SEGMENT_BYTES: '100000' };
    for (const command of [['scan', '--format', 'json'], ['tag']]) {
      const parallel = await runCli(['--jobs', '2', ...command, file], { env });
      const sequential = await runCli(['--jobs', '1', ...command, file]);
      expect(parallel.stdout).toBe(sequential.stdout);
    }
    expect(JSON.parse((await runCli(['scan', '--format', 'json', file], { env })).stdout).totals.errors).toBe(14);
  });

  it('decodes a big UTF-16 file (PowerShell redirection) as the sequential path does', async () => {
    const text = readFileSync(join(ROOT, 'fixtures/sample/app.log'), 'utf8').repeat(3);
    const file = join(work, 'powershell.log');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const result = await expectSameEverywhere(['scan', '--format', 'json', file]);
    expect(JSON.parse(result.stdout).totals.errors).toBeGreaterThan(0);
    await expectSameEverywhere(['tag', file]);
  });

  it('gives the sequential table, sparklines included', async () => {
    await expectSameEverywhere(['scan', '--format', 'table', 'fixtures']);
  });

  it('rejects a --jobs that is not a whole number of at least 1', async () => {
    const result = await runCli(['scan', '--jobs', '0', 'fixtures/sample/app.log']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('mqerr: --jobs expects a whole number ≥ 1, got 0\n');
  });
});
