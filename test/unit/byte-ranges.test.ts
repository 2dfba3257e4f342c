import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayLeaveCauseOpen } from '../../src/lines/line-start.js';
import { beginsSegment } from '../../src/pipeline/cut-rules.js';
import { nextCut, type ReadAt } from '../../src/pipeline/next-cut.js';
import { RangeSequencer, type PlannedRange, type ReadSurvey } from '../../src/pipeline/range-sequencer.js';
import { Segmenter } from '../../src/pipeline/segmenter.js';
import { surveyRange } from '../../src/pipeline/survey-range.js';

/** Reads from a buffer as from a file, counting the bytes read. */
function reader(buf: Buffer): ReadAt & { bytesRead: number } {
  const readAt = async (position: number, length: number): Promise<Buffer> => {
    const piece = buf.subarray(position, position + length);
    readAt.bytesRead += piece.length;
    return piece;
  };
  readAt.bytesRead = 0;
  return readAt;
}

/** The first line start at or after `from` where a segment may begin, judged with the whole file in view. */
function firstCut(buf: Buffer, from: number, unwrap: boolean): number | null {
  for (let at = buf.indexOf(0x0a, from - 1); at >= 0 && at + 1 < buf.length; at = buf.indexOf(0x0a, at + 1)) {
    const lineStart = at + 1;
    const nl = buf.indexOf(0x0a, lineStart);
    if (beginsSegment(buf, lineStart, nl < 0 ? buf.length : nl, nl >= 0, unwrap) && !mayLeaveCauseOpen(buf, 0, at)) return lineStart;
  }
  return null;
}

/** Where the Segmenter, reading the whole file at once, begins its segments. */
function segmenterCuts(buf: Buffer, target: number): number[] {
  const starts: number[] = [];
  let offset = 0;
  const segmenter = new Segmenter(target, true, { begin: () => starts.push(offset), data: (bytes) => (offset += bytes.length), end: () => undefined });
  segmenter.push(buf);
  segmenter.end();
  return starts;
}

const LINES = [
  '2026-11-21 00:00:01,000 INFO mqtt.admin: syncing instance 1',
  '2026/11/21 00:00:02 ERROR code=InternalError',
  '{"level":30,"time":1795340670001,"msg":"ok"}',
  '\tat com.example.App.main(App.java:10)',
  'Caused by: java.io.IOException: x',
  '2026-11-21 00:00:03,000 WARN app: gave up, caused by:',
  '2026-11-21 00:00:04,000 INFO app: spaces after   ',
  '2026-11-21T00:00:05.123Z 2026-11-21 00:00:05,000 INFO led by a time alone',
  '2026-11-21T00:00:06.123Z \tat com.example.Svc.call(Svc.java:1)',
  'Traceback (most recent call last):',
  'été 2026-11-21',
  '',
];
const longLine = (n: number): string => `2026-11-21 00:00:07,000 INFO ${'x'.repeat(n)}`;
const file = fc
  .array(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...LINES) }, { weight: 1, arbitrary: fc.constantFrom(70_000, 140_000, 65_400).map(longLine) }), {
    minLength: 1,
    maxLength: 60,
  })
  .chain((lines) => fc.tuple(fc.constant(Buffer.from(lines.join('\n') + '\n', 'utf8')), fc.boolean()));

describe('planning cuts without reading a file through', () => {
  it('finds the first place at or after a position where a segment may begin, as judged with the whole file in view', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.nat(), async ([buf, unwrap], at) => {
        const from = 1 + (at % buf.length);
        expect(await nextCut(reader(buf), from, unwrap)).toBe(firstCut(buf, from, unwrap));
      }),
      { numRuns: 400 },
    );
  });

  it('cuts a file where the Segmenter cuts it read whole', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.integer({ min: 1, max: 3000 }), async ([buf], target) => {
        const cuts = [0];
        for (let start = 0; start + target < buf.length; ) {
          const cut = await nextCut(reader(buf), start + target, true);
          if (cut === null) break;
          cuts.push(cut);
          start = cut;
        }
        expect(cuts).toEqual(segmenterCuts(buf, target));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the end of a long line in view when the line after it starts the next window', async () => {
    // The long line's newline is the first byte of the second window read: its end, in the first, settles the cut.
    const head = `${LINES[2]}\n`;
    const long = longLine((64 << 10) - head.length - 29);
    const buf = Buffer.from(`${head}${long}\n${LINES[0]}\n`);
    expect(buf.indexOf(0x0a, head.length)).toBe(64 << 10);
    expect(await nextCut(reader(buf), head.length + 1, true)).toBe((64 << 10) + 1);
    expect(segmenterCuts(buf, 1)).toContain((64 << 10) + 1);
  });

  it('reads only a window past the position when a cut is near', async () => {
    const buf = Buffer.from(Array.from({ length: 100_000 }, (_, i) => `2026-11-21 00:00:01,000 INFO line ${i}`).join('\n'));
    const readAt = reader(buf);
    expect(await nextCut(readAt, 2_000_000, true)).toBe(firstCut(buf, 2_000_000, true));
    expect(readAt.bytesRead).toBeLessThanOrEqual(64 << 10);
  });
});

describe('surveying a range', () => {
  it('counts its newlines and finds a container wrapper that names streams on any line', () => {
    expect(surveyRange(Buffer.from('a\nb\n2026-11-21 00:00:01 c'), true)).toEqual({ newlines: 2, wrapped: false });
    for (const wrapper of ['2026-11-22T09:44:34.085Z stderr F x', '{"log":"x\\n","stream":"stderr"}', '[pod/api-1/app] x']) {
      expect(surveyRange(Buffer.from(`2026-11-21 00:00:01 a\n${wrapper}\nb\n`), true)).toEqual({ newlines: 3, wrapped: true });
      // Without unwrapping, every line is its own text.
      expect(surveyRange(Buffer.from(`a\n${wrapper}\n`), false)).toEqual({ newlines: 2, wrapped: false });
    }
    // A time alone names no stream.
    expect(surveyRange(Buffer.from('2026-11-22T09:44:34.085Z INFO ready\n'), true)).toEqual({ newlines: 1, wrapped: false });
  });
});

describe('settling ranges in order', () => {
  const survey = (newlines: number, more: Partial<ReadSurvey> = {}): ReadSurvey => ({ newlines, wrapped: false, bytes: 10, error: null, embedded: null, ...more });
  const range = (id: number, last = false): PlannedRange => ({ id, start: id * 10, end: id * 10 + 10, last, survey: null });
  const settle = () => {
    const log: string[] = [];
    const sequencer = new RangeSequencer({ go: (r, line, toEnd) => log.push(`go ${r.id} ${line}${toEnd ? ' to end' : ''}`), drop: (r) => log.push(`drop ${r.id}`) });
    return { log, sequencer };
  };

  it('lets a range go once every range before it is surveyed, with its first line’s number, whatever order the surveys come in', () => {
    const { log, sequencer } = settle();
    const ranges = [range(0), range(1), range(2, true)];
    for (const r of ranges) sequencer.add(r);
    sequencer.surveyed(ranges[2]!, survey(7));
    sequencer.surveyed(ranges[1]!, survey(5));
    expect(log).toEqual([]);
    sequencer.surveyed(ranges[0]!, survey(3));
    expect(log).toEqual(['go 0 1', 'go 1 4', 'go 2 9 to end']);
    expect(sequencer.stopped).toBe(true);
  });

  it('has a range whose lines forbid cuts read on to the end, and drops the ranges after it', () => {
    const { log, sequencer } = settle();
    const ranges = [range(0), range(1), range(2), range(3, true)];
    for (const r of ranges) sequencer.add(r);
    sequencer.surveyed(ranges[1]!, survey(5, { wrapped: true }));
    sequencer.surveyed(ranges[3]!, survey(1));
    sequencer.surveyed(ranges[0]!, survey(3));
    expect(sequencer.stopped).toBe(true);
    sequencer.surveyed(ranges[2]!, survey(2));
    expect(log).toEqual(['go 0 1', 'go 1 4 to end', 'drop 2', 'drop 3']);
  });

  it('stops at a range that read short — the file shrank, or reading failed — which goes without reading on', () => {
    for (const short of [{ bytes: 4 }, { error: { message: 'EIO: i/o error', code: 'EIO' } }]) {
      const { log, sequencer } = settle();
      const ranges = [range(0), range(1), range(2, true)];
      for (const r of ranges) sequencer.add(r);
      for (const r of ranges) sequencer.surveyed(r, r.id === 1 ? survey(2, short) : survey(3));
      expect(log).toEqual(['go 0 1', 'go 1 4', 'drop 2']);
    }
  });
});
