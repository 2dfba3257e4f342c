import { describe, expect, it } from 'vitest';
import { NO_DIMENSIONS } from '../../src/records/envelope-dimensions.js';
import { StreamOrder, type StreamLine } from '../../src/records/stream-order.js';

const line = (text: string, lineNo: number, time: number): StreamLine => ({ text, lineNo, origin: { ...NO_DIMENSIONS, stream: 's', time } });

describe('a newest-first stream put back in written order', () => {
  it('reverses the lines of a record listed last line first, whatever its length', () => {
    const passed: StreamLine[] = [];
    // The open record the assembler gives back is every line passed so far: the stream holds one record.
    const order = new StreamOrder((l) => passed.push(l), () => passed.splice(0));
    const record = ['2026-11-22 09:44:34 ERROR failed', ...Array.from({ length: 1500 }, (_, i) => `    "Item": ${i},`)];
    // Listed newest first: the record's last line comes first, its header last.
    [...record].reverse().forEach((text, i) => order.push('s', line(text, i + 1, 2000 - i)));
    order.flush();
    expect(passed.map((l) => l.text)).toEqual(record);
  });

  it('holds no more lines, nor characters, than a record may have: past either it passes the run on as it is', () => {
    const run = (maxLines: number, maxChars: number): { before: string[]; after: string[] } => {
      const passed: string[] = [];
      const order = new StreamOrder((l) => passed.push(l.text), () => passed.splice(0).map((text) => line(text, 1, 100)), maxLines, maxChars);
      for (let i = 0; i < 6; i++) order.push('s', line(`    line ${i}`, i + 1, 100 - i));
      const before = [...passed];
      order.flush();
      return { before, after: passed };
    };
    // 10 characters a line: a run is passed on, reversed, once it holds 25 or more (line 0, taken back, then 1 and 2).
    expect(run(100, 25).before).toEqual(['    line 2', '    line 1', '    line 0', '    line 5', '    line 4', '    line 3']);
    expect(run(2, 1e9).before).toEqual(['    line 1', '    line 0', '    line 3', '    line 2', '    line 5', '    line 4']);
    // Within both bounds the run waits for its record's start, or the end.
    expect(run(100, 1e9)).toEqual({ before: [], after: ['    line 5', '    line 4', '    line 3', '    line 2', '    line 1', '    line 0'] });
  });
});
