import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTarHeader, TarContents } from '../../src/sources/tar-contents.js';
import { ROOT } from '../helpers/run-cli.js';

/** fixtures/bundle/support-bundle.tar.gz: GNU tar's POSIX format, a directory tree, a file without its last newline. */
const TAR = gunzipSync(readFileSync(join(ROOT, 'fixtures/bundle/support-bundle.tar.gz')));
const MEMBERS = [
  'collected by support-bundle 1.4 on node-1\n',
  readFileSync(join(ROOT, 'fixtures/archive/2026-11-22.log'), 'utf8'),
  readFileSync(join(ROOT, 'fixtures/sample/app.log'), 'utf8'),
].join('');

async function contents(pieces: Buffer[]): Promise<{ text: string; error: string | null }> {
  const out: Buffer[] = [];
  try {
    for await (const chunk of Readable.from(pieces).pipe(new TarContents())) out.push(chunk as Buffer);
    return { text: Buffer.concat(out).toString('utf8'), error: null };
  } catch (err) {
    return { text: Buffer.concat(out).toString('utf8'), error: (err as Error).message };
  }
}

describe('a tar archive read as its files', () => {
  it('is told by its first header, and nothing else is', () => {
    expect(isTarHeader(TAR)).toBe(true);
    expect(isTarHeader(Buffer.from(MEMBERS))).toBe(false);
    // A header whose checksum does not add up.
    const bad = Buffer.from(TAR.subarray(0, 512));
    bad[0] = bad[0]! + 1;
    expect(isTarHeader(bad)).toBe(false);
  });

  it('gives the regular files’ data in order, a newline ending each, however the archive is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: TAR.length }), { maxLength: 12 }), async (cuts) => {
        const at = [...new Set([0, ...cuts, TAR.length])].sort((a, b) => a - b);
        const pieces = at.slice(1).map((end, i) => TAR.subarray(at[i], end));
        expect(await contents(pieces)).toEqual({ text: MEMBERS, error: null });
      }),
      { numRuns: 200 },
    );
  });

  it('says where an archive is cut short or broken, after the data before it', async () => {
    const cut = await contents([TAR.subarray(0, 3000)]);
    expect(cut.error).toBe('the tar archive ends inside a member, at byte 3000');
    expect(MEMBERS.startsWith(cut.text)).toBe(true);
    const broken = Buffer.from(TAR);
    broken.fill(0x41, 512, 1024);
    expect((await contents([broken])).error).toBe('corrupt tar archive: no member header at byte 512');
  });
});
