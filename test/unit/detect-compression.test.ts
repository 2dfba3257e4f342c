import { describe, expect, it } from 'vitest';
import { detectCompression } from '../../src/sources/detect-compression.js';

const bytes = (...b: number[]): Buffer => Buffer.from(b);

describe('detectCompression', () => {
  it('names each format by its magic number', () => {
    expect(detectCompression(bytes(0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 3))).toBe('gzip');
    expect(detectCompression(bytes(0x28, 0xb5, 0x2f, 0xfd, 0x24))).toBe('zstd');
    expect(detectCompression(bytes(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00))).toBe('xz');
    expect(detectCompression(bytes(0x04, 0x22, 0x4d, 0x18, 0x64))).toBe('lz4');
    expect(detectCompression(bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toBe('zip');
    expect(detectCompression(Buffer.concat([Buffer.from('BZh9'), bytes(0x31, 0x41, 0x59, 0x26, 0x53, 0x59)]))).toBe('bzip2');
  });

  it('takes gzip only with its method byte, deflate: two bytes alike are binary text, not a gzip stream', () => {
    expect(detectCompression(bytes(0x1f, 0x8b))).toBeNull();
    expect(detectCompression(bytes(0x1f, 0x8b, 0x00, 0x00))).toBeNull();
    expect(detectCompression(bytes(0x1f, 0x8b, 0x07))).toBeNull();
  });

  it('reads text, and bzip2\'s ASCII magic without its block signature, as text', () => {
    expect(detectCompression(Buffer.from('2026-11-22 ERROR x'))).toBeNull();
    expect(detectCompression(Buffer.from('BZh9 is not a log line'))).toBeNull();
    expect(detectCompression(bytes())).toBeNull();
  });
});
