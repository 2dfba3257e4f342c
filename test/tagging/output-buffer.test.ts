import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutputBuffer } from '../../src/tagging/output-buffer.js';

describe('OutputBuffer', () => {
  it('writes an integer as String() does, for any non-negative or negative number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.maxSafeNat(), fc.constantFrom(0, 9, 10, 99, 100, 2 ** 53 - 1), fc.integer(), fc.double()), (n) => {
        const out = new OutputBuffer(4);
        out.writeUint(n);
        expect(out.take().toString('latin1')).toBe(String(n));
      }),
    );
  });

  it('keeps the order and bytes of every kind of write as it grows', () => {
    const prepared = Buffer.from('"mqerr":{"line":');
    const out = new OutputBuffer(8);
    const expected: string[] = [];
    for (let i = 0; i < 500; i++) {
      out.writePrepared(prepared);
      out.writeUint(i * 7919);
      out.write('é}');
      out.writeByte(0x0a);
      expected.push(`"mqerr":{"line":${i * 7919}é}\n`);
    }
    expect(out.length).toBe(Buffer.byteLength(expected.join('')));
    expect(out.take().toString('utf8')).toBe(expected.join(''));
    expect(out.length).toBe(0);
  });
});
