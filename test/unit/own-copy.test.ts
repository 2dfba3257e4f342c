import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ownCopy } from '../../src/aggregation/own-copy.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The heap kept by 200 strings cut from records of 400 KB each, as `keep` keeps them. */
function heapKeptBy(keep: (id: string) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 200; i++) {
    const record = `${'a'.repeat(200_000)}8C1D6E2A-5C1D-4F3E-9A7B-2C8D1E0F${String(i).padStart(4, '0')}${'b'.repeat(200_000)}`;
    kept.push(keep(record.slice(200_000, 200_036)));
  }
  gc();
  const after = process.memoryUsage().heapUsed;
  expect(kept).toHaveLength(200);
  return after - before;
}

describe('a string’s own copy', () => {
  it('is equal to the string', () => {
    for (const text of ['', 'x', '8C1D6E2A-5C1D-4F3E-9A7B-2C8D1E0F4A61', 'été 中文 \u{1f600}']) expect(ownCopy(text)).toBe(text);
  });

  it('keeps nothing of the text it was cut from alive, where the cut string would keep it all', () => {
    // The cut strings themselves keep their records (80 MB): what the copy is for.
    expect(heapKeptBy((id) => id)).toBeGreaterThan(40_000_000);
    expect(heapKeptBy(ownCopy)).toBeLessThan(2_000_000);
  });
});
