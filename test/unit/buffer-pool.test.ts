import { describe, expect, it } from 'vitest';
import { BufferPool } from '../../src/render/buffer-pool.js';

describe('a pool of output buffers', () => {
  it('reuses the memory of a buffer handed back when it is big enough, and allocates otherwise', () => {
    const pool = new BufferPool();
    const first = pool.allocate(1000);
    expect(first.length).toBe(1000);
    pool.recycle(first.buffer as ArrayBuffer);
    const again = pool.allocate(2000);
    expect(again.buffer).toBe(first.buffer);
    expect(again.length).toBe(2000);
    const bigger = pool.allocate(200_000);
    expect(bigger.buffer).not.toBe(first.buffer);
    expect(bigger.buffer.byteLength).toBeGreaterThanOrEqual(200_000);
    pool.recycle(again.buffer as ArrayBuffer);
    expect(pool.allocate(100_000).buffer).not.toBe(first.buffer);
  });

  it('gives each buffer memory of its own, so a thread can transfer it', () => {
    const pool = new BufferPool();
    const a = pool.allocate(10);
    const b = pool.allocate(10);
    expect(a.buffer).not.toBe(b.buffer);
    expect(a.byteOffset).toBe(0);
  });

  it('keeps at most eight buffers handed back', () => {
    const pool = new BufferPool();
    const buffers = Array.from({ length: 10 }, () => pool.allocate(10));
    for (const b of buffers) pool.recycle(b.buffer as ArrayBuffer);
    const reused = Array.from({ length: 10 }, () => pool.allocate(10)).filter((b) => buffers.some((old) => old.buffer === b.buffer));
    expect(reused).toHaveLength(8);
  });
});
