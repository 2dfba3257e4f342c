import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeEmbeddedData, embeddedIn, EmbeddedCompressionWatch, firstCompressedLine } from '../../src/sources/embedded-compression.js';

const LOG = Buffer.from('2026-11-22 09:44:34,085 ERROR [TencentCloudSDKException] code:ResourceNotFound.Topic message:x requestId:y\n2026-11-22 09:44:35 INFO 完成\n');
const GZIP = gzipSync('2026-11-21 00:00:00 ERROR InstanceNotFound\n'.repeat(20));
/** A zstd frame's magic number and header, then bytes of no UTF-8. */
const ZSTD = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x24, 0x0a, 0x51, 0xff, 0xfe, 0x80, 0x0a, 0x41]);
/** An xz stream's magic number, then its stream flags and ASCII bytes before the first that is not. */
const XZ = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0xe6, 0x0a]);

/** Feeds `bytes` to a watch cut at `cuts` (offsets, any order). */
function watchInPieces(bytes: Buffer, cuts: number[]): EmbeddedCompressionWatch {
  const watch = new EmbeddedCompressionWatch();
  let at = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    watch.feed(bytes.subarray(at, cut));
    at = cut;
  }
  watch.feed(bytes.subarray(at));
  return watch;
}

describe('compressed data inside a source read as text', () => {
  it('is found where a line starts with a magic number: gzip after plain lines, zstd, a gzip at the very start', () => {
    expect(embeddedIn(Buffer.concat([LOG, GZIP, LOG]))).toEqual({ compression: 'gzip', offset: LOG.length });
    expect(embeddedIn(Buffer.concat([LOG, ZSTD]))).toEqual({ compression: 'zstd', offset: LOG.length });
    expect(embeddedIn(Buffer.concat([LOG, LOG, XZ]))).toEqual({ compression: 'xz', offset: 2 * LOG.length });
    expect(embeddedIn(Buffer.concat([GZIP, LOG]))).toEqual({ compression: 'gzip', offset: 0 });
  });

  it('is not found in text, valid or not, nor in a magic number that does not start its line', () => {
    expect(embeddedIn(LOG)).toBeNull();
    expect(embeddedIn(Buffer.concat([LOG, Buffer.from('bad \xff\xfe bytes\n', 'latin1')]))).toBeNull();
    expect(embeddedIn(Buffer.concat([LOG, Buffer.from('x'), GZIP]))).toBeNull();
    // bzip2's magic number is ASCII, as text may be: not looked for.
    expect(embeddedIn(Buffer.concat([LOG, Buffer.from('BZh91AY&SY\xff\xfe', 'latin1')]))).toBeNull();
    // The line after the first, only: the first is whatever came before the range.
    expect(firstCompressedLine(Buffer.concat([GZIP, LOG]), 0, GZIP.length + LOG.length, false)).toBe(-1);
  });

  it('is found at the same offset however the stream is cut into chunks', () => {
    const part = fc.constantFrom(LOG, GZIP, ZSTD, XZ, Buffer.from('\n'), Buffer.from('\xff\n', 'latin1'), Buffer.from('\x1f\n(x\n', 'latin1'));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), (parts, cuts) => {
        const bytes = Buffer.concat(parts);
        const whole = embeddedIn(bytes);
        const watch = watchInPieces(bytes, cuts.map((c) => c % (bytes.length + 1)));
        expect(watch.found).toEqual(whole);
      }),
      { numRuns: 3000 },
    );
  });

  it('says where, why the logs in it are not read, and what reads them, on one line', () => {
    const message = describeEmbeddedData({ compression: 'gzip', offset: 1543 });
    expect(message).toContain('gzip data from byte 1543 on');
    expect(message).toContain('give the files to mqerr as arguments');
    expect(message).not.toContain('\n');
  });
});
