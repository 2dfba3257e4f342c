import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startsSegment } from '../../src/lines/line-start.js';
import { alwaysStartsRecord } from '../../src/records/continuation.js';

describe('startsSegment', () => {
  it('cuts only where a record starts whatever came before (a line alwaysStartsRecord says so of)', () => {
    const piece = fc.constantFrom('{', '[', ' ', '\t', '\r', '"a":1}', '{"log":"x"}', '2026-11-22 09:44:34 ERROR x', '2026/11/22 ', 'at x', 'x', '}', '\u00a0', '{"level":50}');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 4 }), (pieces) => {
        const line = pieces.join('');
        const buf = Buffer.from(line);
        if (startsSegment(buf, 0, buf.length)) expect(alwaysStartsRecord(line), JSON.stringify(line)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('never cuts before a brace alone, which may continue the message before it', () => {
    for (const line of ['{', '{ ', '{\t\r']) expect(startsSegment(Buffer.from(line), 0, line.length), JSON.stringify(line)).toBe(false);
    expect(startsSegment(Buffer.from('{"level":30}'), 0, 12)).toBe(true);
  });
});
