import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/aggregation/summary.js';
import { encodingOf } from '../../src/sources/input-encoding.js';
import { runCli } from '../helpers/run-cli.js';
import { ndjson, startCli } from '../helpers/start-cli.js';

/**
 * GB18030 (a superset of GBK) as a Chinese Windows host writes it, made
 * with TextDecoder's own table read backwards: Node has no encoder for it.
 */
function toGb18030(text: string): Buffer {
  const table = new Map<string, Buffer>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const bytes = Buffer.from([lead, trail]);
      const char = decoder.decode(bytes);
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, bytes);
    }
  }
  return Buffer.concat([...text].map((c) => (c.charCodeAt(0) < 0x80 ? Buffer.from(c) : table.get(c)!)));
}

/** A line labelled only in Chinese, the way a Chinese application logs a failed call. */
const line = (i: number): string =>
  `2026-11-22 10:00:${String(i % 60).padStart(2, '0')} ERROR 调用失败，错误码：ResourceNotFound.Topic，请求ID：5b0c2f7e-8d1a-4e3b-9c6f-${String(i).padStart(12, '0')}\n`;
const info = (i: number): string => `2026-11-22 10:00:${String(i % 60).padStart(2, '0')} INFO 同步完成 ${i}\n`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mqerr-encoding-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const totals = (stdout: string): Summary['totals'] => (JSON.parse(stdout) as Summary).totals;

describe('--encoding', () => {
  it('reads a GBK log as the text it is: its Chinese labels found, no line undecodable', async () => {
    const file = join(dir, 'app.log');
    writeFileSync(file, toGb18030(line(1) + info(2) + line(3)));
    const asUtf8 = await runCli(['--format', 'json', file]);
    expect(totals(asUtf8.stdout)).toMatchObject({ lines: 3, errors: 0, undecodable: 3 });
    for (const jobs of ['1', '2']) {
      const read = await runCli(['--encoding', 'gbk', '--jobs', jobs, '--format', 'json', file]);
      expect(read.code, read.stderr).toBe(0);
      expect(totals(read.stdout)).toMatchObject({ lines: 3, errors: 2, undecodable: 0 });
    }
  });

  it('reads stdin, a .gz and a file large enough for the parallel reading in it, each as --jobs 1 does', async () => {
    const text = Array.from({ length: 40_000 }, (_, i) => (i % 4 === 0 ? line(i) : info(i))).join('');
    const bytes = toGb18030(text);
    const file = join(dir, 'big.log');
    writeFileSync(file, bytes);
    writeFileSync(join(dir, 'big.log.gz'), gzipSync(bytes));
    // Segments of 64 KiB: the file is read on worker threads, as a large one would be.
    const parallel = { env: { MQERR_SEGMENT_BYTES: '65536' } };
    const runs = [
      await runCli(['--encoding', 'gb18030', '--jobs', '2', '--format', 'json', file], parallel),
      await runCli(['--encoding', 'gb18030', '--jobs', '1', '--format', 'json', file]),
      await runCli(['--encoding', 'gb18030', '--jobs', '2', '--format', 'json', join(dir, 'big.log.gz')], parallel),
      await runCli(['--encoding', 'gb18030', '--format', 'json'], { stdin: bytes }),
    ];
    for (const run of runs) expect(totals(run.stdout), run.stderr).toMatchObject({ lines: 40_000, errors: 10_000, undecodable: 0 });
  });

  it('follows a GBK file line by line as it grows', async () => {
    const file = join(dir, 'app.log');
    writeFileSync(file, toGb18030(line(1)));
    const cli = startCli(['--follow', '--encoding', 'gbk', '--format', 'json', '--every', '100ms', file]);
    await cli.waitForStdout((out) => ndjson(out).some((s) => (s as unknown as Summary).totals.lines === 1), 'the first line');
    appendFileSync(file, toGb18030(info(2) + line(3)));
    await cli.waitForStdout((out) => ndjson(out).some((s) => (s as unknown as Summary).totals.lines === 3), 'three lines');
    cli.child.kill('SIGTERM');
    const { code } = await cli.exited;
    expect(code, cli.stderr()).toBe(0);
    expect((ndjson(cli.stdout()).at(-1) as unknown as Summary).totals).toMatchObject({ lines: 3, errors: 2, undecodable: 0 });
  });

  it('turns away an encoding it does not know, in one line', async () => {
    const run = await runCli(['--encoding', 'klingon'], { stdin: 'x\n' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(["mqerr: --encoding expects an encoding such as gb18030, gbk, big5, shift_jis or latin1, got 'klingon'"]);
  });

  it('knows the labels by their names and aliases', () => {
    expect(encodingOf('GBK')).toBe('gbk');
    expect(encodingOf('gb2312')).toBe('gbk');
    expect(encodingOf('utf8')).toBe('utf-8');
    expect(encodingOf('klingon')).toBeNull();
  });
});
