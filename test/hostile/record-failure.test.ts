import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runOpenedSource } from '../../src/pipeline/run-pipeline.js';
import { ctx, newAggregator } from './pipeline-harness.js';

describe('a record that cannot be processed', () => {
  it('is counted, unrecognized; the rest of the source is read; the source reports the first such line', async () => {
    const aggregator = newAggregator();
    const seen: number[] = [];
    const text = 'one\ntwo\nthree\nfour\nfive';
    const error = await runOpenedSource(
      'flaky.log',
      { stream: Readable.from([Buffer.from(text)]), bytesRead: () => text.length, gzip: false, stop: () => undefined, checkComplete: () => Promise.resolve(null) },
      false,
      {
        ctx,
        aggregator,
        maxLineBytes: 1024,
        idleFlushMs: 50,
        sink: (record) => {
          seen.push(record.line);
          if (record.line === 2 || record.line === 4) throw new RangeError('Maximum call stack size exceeded');
        },
      },
    );
    expect(error).toBe('line 2: a record could not be processed (Maximum call stack size exceeded); it is counted, unrecognized');
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(aggregator.totals).toMatchObject({ lines: 5, records: 5 });
  });
});
