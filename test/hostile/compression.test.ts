import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { expectedLines, scanJson, splitMessages, totalsProblems } from '../helpers/scan-json.js';
import { ALIBABA_LINE, TENCENT_BODY, pseudoRandomBytes } from './sample-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'mqerr-compression-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `count` numbered lines, every `every`-th an API error (each its own RequestId). */
function logText(count: number, every = 1000): string {
  let out = '';
  for (let i = 1; i <= count; i++) {
    out += i % every === 0 ? `${TENCENT_BODY.replace('6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61', `6b6f0e2a-5c1d-4f3e-9a7b-${String(i).padStart(12, '0')}`)}\n` : `${String(i).padStart(7, '0')} INFO request served\n`;
  }
  return out;
}

function file(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const SMALL = `${ALIBABA_LINE}\n${logText(29)}`;
const BIG = logText(90_000);

describe.concurrent('gzip that does not end cleanly: every byte inflated before the problem is counted and recognized', () => {
  it.each([
    ['a 30-line file followed by garbage', 'small-garbage.gz', Buffer.concat([gzipSync(SMALL), Buffer.from('garbage\n')]), SMALL, /trailing garbage after the end of the gzip data/],
    ['90,000 lines followed by garbage', 'big-garbage.gz', Buffer.concat([gzipSync(BIG), Buffer.from('garbage\n')]), BIG, /trailing garbage after the end of the gzip data/],
    ['90,000 lines with a bad CRC', 'bad-crc.gz', withBadCrc(gzipSync(BIG)), BIG, /CRC-32 mismatch/],
  ])('%s', async (_name, name, bytes, text, reason) => {
    const path = file(name, bytes);
    for (const jobs of ['1', '2']) {
      const run = await scanJson(['--jobs', jobs, path]);
      expect(run.code).toBe(3);
      expect(splitMessages(run.stderr)).toHaveLength(1);
      expect(run.stderr).toMatch(new RegExp(`^mqerr: ${path}: corrupt gzip data \\(.*${reason.source}`));
      expect(run.summary.totals.lines).toBe(expectedLines(text));
      expect(run.summary.totals.errors).toBe((text.match(/"Code":/g) ?? []).length);
      expect(totalsProblems(run.summary)).toEqual([]);
    }
  });

  it('the garbage is what zcat calls trailing garbage: zcat reads the same lines', () => {
    const path = file('zcat-garbage.gz', Buffer.concat([gzipSync(SMALL), Buffer.from('garbage\n')]));
    const readable = execFileSync('sh', ['-c', `zcat < '${path}' 2>/dev/null; true`]);
    expect(expectedLines(readable)).toBe(expectedLines(SMALL));
  });
});

describe.concurrent('gzip that is whole reads as before', () => {
  it('members one after another, then zero padding: every line, exit 0', async () => {
    const path = file('members.gz', Buffer.concat([gzipSync(SMALL), gzipSync(BIG), Buffer.alloc(512)]));
    const run = await scanJson([path]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.summary.totals.lines).toBe(expectedLines(SMALL) + expectedLines(BIG));
  });

  it('gzip inside gzip is decoded: its lines, not its compressed bytes, are counted', async () => {
    const path = file('twice.gz', gzipSync(gzipSync(SMALL)));
    for (const jobs of ['1', '2']) {
      // Given twice, the same file is read once.
      const run = await scanJson(['--jobs', jobs, path, path]);
      expect(run.code).toBe(0);
      expect(run.summary.totals.lines).toBe(expectedLines(SMALL));
      expect(run.summary.totals.errors).toBe(1);
      expect(run.summary.totals.undecodable).toBe(0);
    }
  });
});

describe.concurrent('zstd, xz, bzip2 and lz4 are decoded by their own programs; zip is refused', () => {
  const payload = pseudoRandomBytes(4096, 7);
  const compress = (program: string, bytes: Buffer): Buffer => execFileSync(program, ['-c'], { input: bytes, maxBuffer: 64 << 20 });
  it.each([
    ['zstd', 'zstd'],
    ['xz', 'xz'],
    ['bzip2', 'bzip2'],
    ['lz4', 'lz4'],
  ])('%s: its lines are counted, inside gzip too, on one thread and on two', async (kind, program) => {
    const path = file(`decoded.${kind}`, compress(program, Buffer.from(BIG)));
    const inner = file(`decoded-inner-${kind}.gz`, gzipSync(compress(program, Buffer.from(SMALL))));
    for (const jobs of ['1', '2']) {
      const run = await scanJson(['--jobs', jobs, path, inner]);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      const lines = new Map(run.summary.sources.map((s) => [s.name, s.lines]));
      expect([lines.get(path), lines.get(inner)]).toEqual([expectedLines(BIG), expectedLines(SMALL)]);
      expect(run.summary.totals.undecodable).toBe(0);
    }
  });

  it.each([
    ['zstd', Buffer.from([0x28, 0xb5, 0x2f, 0xfd])],
    ['xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])],
    ['bzip2', Buffer.from('BZh91AY&SY', 'latin1')],
    ['lz4', Buffer.from([0x04, 0x22, 0x4d, 0x18])],
  ])('%s that its program cannot decode: one line naming the problem, nothing counted as lines, the file beside it read', async (kind, magic) => {
    const path = file(`damaged.${kind}`, Buffer.concat([magic, payload]));
    const good = file(`good-beside-${kind}.log`, Buffer.from(SMALL));
    const run = await scanJson([path, good]);
    expect(run.code).toBe(3);
    const messages = splitMessages(run.stderr);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(new RegExp(`^mqerr: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${kind}-compressed: ${kind} -dc stopped: \\S`));
    const lines = new Map(run.summary.sources.map((s) => [s.name, s.lines]));
    expect([lines.get(path), lines.get(good)]).toEqual([0, expectedLines(SMALL)]);
  });

  it('names the program to install when it is not there, and what to run instead', async () => {
    const path = file('no-program.zst', compress('zstd', Buffer.from(SMALL)));
    const run = await scanJson([path], { env: { PATH: '/nonexistent' } });
    expect(run.code).toBe(3);
    expect(splitMessages(run.stderr)).toEqual([
      `mqerr: ${path}: zstd-compressed: it is decoded by zstd, which is not installed; install it, or decompress the file first (zstd -dc FILE | mqerr)`,
    ]);
    expect(run.summary.totals.lines).toBe(0);
  });

  it('refuses a zip archive, never counting its bytes as lines', async () => {
    const path = file('refused.zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), payload]));
    const run = await scanJson([path]);
    expect(run.code).toBe(3);
    expect(splitMessages(run.stderr)).toEqual([`mqerr: ${path}: zip archive: mqerr reads plain text and compressed logs, not archives of files; extract it first (unzip -p FILE | mqerr)`]);
    expect(run.summary.totals.lines).toBe(0);
  });

  it('stops at four layers of compression, in one line', async () => {
    let bytes = Buffer.from(SMALL);
    for (let layer = 0; layer < 5; layer++) bytes = gzipSync(bytes);
    const path = file('five-layers.gz', bytes);
    const run = await scanJson([path]);
    expect(run.code).toBe(3);
    expect(splitMessages(run.stderr)).toEqual([`mqerr: ${path}: compression nested more than 4 levels deep: not read`]);
    expect(run.summary.totals.lines).toBe(0);
  });

  it('decodes standard input too', async () => {
    const run = await scanJson(['-'], { stdin: compress('zstd', Buffer.from(SMALL)) });
    expect(run.code).toBe(0);
    expect(run.summary.totals.lines).toBe(expectedLines(SMALL));
  });
});

/** The member with its CRC-32 trailer flipped. */
function withBadCrc(gz: Buffer): Buffer {
  const out = Buffer.from(gz);
  out[out.length - 8] = out[out.length - 8]! ^ 0xff;
  return out;
}
