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

describe.concurrent('compressions mqerr does not decode are refused, never counted as lines', () => {
  const payload = pseudoRandomBytes(4096, 7);
  it.each([
    ['zstd', Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), 'zstd -dc'],
    ['xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), 'xz -dc'],
    ['bzip2', Buffer.from('BZh91AY&SY', 'latin1'), 'bzip2 -dc'],
    ['lz4', Buffer.from([0x04, 0x22, 0x4d, 0x18]), 'lz4 -dc'],
  ])('%s', async (kind, magic, command) => {
    const path = file(`refused.${kind}`, Buffer.concat([magic, payload]));
    const inner = file(`refused-inner-${kind}.gz`, gzipSync(Buffer.concat([magic, payload])));
    const good = file(`good-beside-${kind}.log`, Buffer.from(SMALL));
    const run = await scanJson([path, inner, good]);
    expect(run.code).toBe(3);
    expect(splitMessages(run.stderr)).toEqual([
      `mqerr: ${path}: ${kind}-compressed: mqerr reads plain text and gzip; decompress it first (${command} FILE | mqerr)`,
      `mqerr: ${inner}: ${kind}-compressed inside gzip: mqerr reads plain text and gzip; decompress it first (${command} FILE | mqerr)`,
    ]);
    const lines = new Map(run.summary.sources.map((s) => [s.name, s.lines]));
    expect([lines.get(path), lines.get(inner), lines.get(good)]).toEqual([0, 0, expectedLines(SMALL)]);
    expect(run.summary.totals.lines).toBe(expectedLines(SMALL));
  });

  it('the same on standard input', async () => {
    const run = await scanJson(['-'], { stdin: Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), payload]) });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^mqerr: -: zstd-compressed: /);
    expect(run.summary.totals.lines).toBe(0);
  });
});

/** The member with its CRC-32 trailer flipped. */
function withBadCrc(gz: Buffer): Buffer {
  const out = Buffer.from(gz);
  out[out.length - 8] = out[out.length - 8]! ^ 0xff;
  return out;
}
