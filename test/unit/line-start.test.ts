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

describe('timestampOnlyEnd', () => {
  it('finds the text where the unwrapper’s takeStamp leaves it, for kubectl’s RFC 3339 stamp and PM2’s stamps alike', async () => {
    const { timestampOnlyEnd } = await import('../../src/lines/line-start.js');
    const { takeStamp } = await import('../../src/records/leading-stamp.js');
    const date = ['2026-11-22T09:44:34', '2026-11-22 09:44:34', '2026-11-22T9:44:34', '2026-11-22 09:44', '2026/11/22 09:44:34', '2026/11-22T09:44:34', '2026-11-22T09:44', '2026-11-22_09:44'];
    const fraction = ['', '.085', '.085123456', '.'];
    const zone = ['', 'Z', '+08:00', '+0800', ' +08:00', ' -0530', ' Z', '+08:0'];
    const after = [' ', ': ', ':', '  ', ' stdout F '];
    // ` WARN ` and ` INFO ` are levels right-aligned in five characters (`%5p`), whose pad goes with the stamp.
    const text = ['boom', '    at x', '', ' WARN x', ' INFO', ' ERROR x'];
    let found = 0;
    for (const line of [date, fraction, zone, after, text].reduce<string[]>((heads, parts) => heads.flatMap((h) => parts.map((p) => h + p)), [''])) {
      const buf = Buffer.from(line);
      const at = timestampOnlyEnd(buf, 0, buf.length);
      const stamped = takeStamp(line);
      // A CRI line's stream follows its time: the stamp is the CRI wrapper's, not a time alone.
      if (line.includes(' stdout F')) {
        expect(at, line).toBe(-1);
        continue;
      }
      // At the line's end there is no text to find (the byte check needs one).
      if (stamped === null || stamped.text === '') expect(at, line).toBe(stamped === null ? -1 : at);
      else {
        found++;
        expect(line.slice(at), line).toBe(stamped.text);
      }
    }
    // RFC 3339 (the first date only): 3 fractions × 2 zones × (a space before 5 texts, two spaces before 6) = 66.
    // PM2's: 6 dates (not `T9`, not `_`), a fraction only after seconds (4 dates × 3 + 2 × 1), 6 zones (not ` Z`,
    // not `+08:0`): 84 stamps, each with `: ` before 5 texts and `:` before the 4 led by a blank (the stamp's) = 756.
    expect(found).toBe(822);
  });

  it('leaves a right-aligned level’s pad with the stamp: the text is its log header (Spring Boot’s `%5p`)', async () => {
    const { timestampOnlyEnd } = await import('../../src/lines/line-start.js');
    const { takeStamp } = await import('../../src/records/leading-stamp.js');
    for (const [line, text] of [
      ['2026-11-22T10:02:00.118+08:00  INFO 1 --- [main] c.e.App : Started', 'INFO 1 --- [main] c.e.App : Started'],
      ['2026-11-22T10:02:00.118+08:00  WARN 1 --- [main] c.e.App : slow', 'WARN 1 --- [main] c.e.App : slow'],
      ['2026-11-22T10:02:00.118+08:00 ERROR 1 --- [main] c.e.App : failed', 'ERROR 1 --- [main] c.e.App : failed'],
      ['2026-11-22T10:02:00.118Z  INFORMATION', ' INFORMATION'],
      ['2026-11-22T10:02:00.118Z   INFO x', '  INFO x'],
    ] as const) {
      expect(takeStamp(line)?.text, line).toBe(text);
      expect(line.slice(timestampOnlyEnd(Buffer.from(line), 0, line.length)), line).toBe(text);
    }
  });
});
