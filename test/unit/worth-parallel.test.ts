import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InputSource } from '../../src/sources/expand-inputs.js';

const file = (size: number): InputSource => ({ kind: 'file', name: `f${size}`, path: `/logs/f${size}`, size });

async function worth(segmentBytes: string | undefined): Promise<typeof import('../../src/pipeline/run-parallel.js').worthRunningInParallel> {
  vi.resetModules();
  if (segmentBytes === undefined) vi.unstubAllEnvs();
  else vi.stubEnv('MQERR_SEGMENT_BYTES', segmentBytes);
  return (await import('../../src/pipeline/run-parallel.js')).worthRunningInParallel;
}

afterEach(() => vi.unstubAllEnvs());

describe('whether a run is spread over worker threads', () => {
  it('reads many small files in turn, and big files on threads', async () => {
    const decide = await worth(undefined);
    expect(decide(Array.from({ length: 40 }, () => file(100_000)), 2)).toBe(false);
    expect(decide([file(300 << 20)], 2)).toBe(true);
    expect(decide([file(300 << 20)], 1)).toBe(false);
    expect(decide([file(300 << 20), { kind: 'stdin', name: '-' }], 2)).toBe(false);
  });

  it('takes small files to threads when segments are made small, so the parallel tests run on fixtures', async () => {
    const decide = await worth('64');
    expect(decide(Array.from({ length: 40 }, () => file(4_000)), 2)).toBe(true);
  });
});
