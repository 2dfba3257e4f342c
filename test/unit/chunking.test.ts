import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanChunks } from '../helpers/scan-in-process.js';
import { splitAt } from '../helpers/split-at.js';

/** The sample log plus multi-byte text, so some splits fall inside a UTF-8 character. */
const CONTENT = Buffer.concat([
  readFileSync(new URL('../../fixtures/sample/app.log', import.meta.url)),
  Buffer.from(
    '2026-11-22 09:46:00,000 ERROR 管理: 调用失败 {"Response":{"Error":{"Code":"ResourceNotFound.Topic","Message":"主题不存在 ✓"},"RequestId":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a62"}}\r\n' +
      '2026-11-22T09:46:01.000000001Z stderr P {"level":50,"msg":"partial ',
    'utf8',
  ),
  Buffer.from('\n2026-11-22T09:46:01.000000002Z stderr F line"}\n', 'utf8'),
]);


/** Every shape fixture, one after another: stack traces, tracebacks and inspect blocks cross chunk edges. */
const SHAPES = Buffer.concat(
  readdirSync(new URL('../../fixtures/shapes/', import.meta.url))
    .filter((f) => f.endsWith('.log'))
    .sort()
    .map((f) => readFileSync(new URL(`../../fixtures/shapes/${f}`, import.meta.url))),
);

describe('chunking never changes a result', () => {
  it('gives the same events over the whole shape corpus for any split', async () => {
    const whole = await scanChunks([SHAPES]);
    expect(whole.summary.totals.errors).toBeGreaterThan(80);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: SHAPES.length - 1 }), { minLength: 1, maxLength: 200 }), async (offsets) => {
        const split = await scanChunks(splitAt(SHAPES, offsets));
        expect(split.summary).toEqual(whole.summary);
        expect(split.events).toEqual(whole.events);
      }),
      { numRuns: 25 },
    );
  });

  it('gives the same summary and events for any split of the input, even inside a character', async () => {
    const whole = await scanChunks([CONTENT]);
    expect(whole.summary.totals.errors).toBeGreaterThan(5);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: CONTENT.length - 1 }), { maxLength: 40 }), async (offsets) => {
        const split = await scanChunks(splitAt(CONTENT, offsets));
        expect(split.summary).toEqual(whole.summary);
        expect(split.events).toEqual(whole.events);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same result when every byte arrives alone', async () => {
    const whole = await scanChunks([CONTENT]);
    const bytes = [...CONTENT].map((b) => Buffer.from([b]));
    expect((await scanChunks(bytes)).summary).toEqual(whole.summary);
  });
});
