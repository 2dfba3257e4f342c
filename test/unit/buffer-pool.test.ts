import { describe, expect, it } from 'vitest';
import { BufferPool } from '../../src/sources/buffer-pool.js';

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

  it('keeps at most 32 buffers handed back, letting the smallest go first', () => {
    const pool = new BufferPool();
    const small = Array.from({ length: 10 }, () => pool.allocate(10));
    const big = Array.from({ length: 30 }, () => pool.allocate(100_000));
    for (const b of [...small, ...big]) pool.recycle(b.buffer as ArrayBuffer);
    const again = Array.from({ length: 40 }, () => pool.allocate(10));
    const reusedBig = again.filter((b) => big.some((old) => old.buffer === b.buffer));
    const reusedSmall = again.filter((b) => small.some((old) => old.buffer === b.buffer));
    expect(reusedBig).toHaveLength(30);
    expect(reusedSmall).toHaveLength(2);
  });

  it('makes buffers of a power of two bytes, at least 64 KiB, so one handed back fits the next output of its size', () => {
    const pool = new BufferPool();
    expect(pool.allocate(10).buffer.byteLength).toBe(64 << 10);
    expect(pool.allocate(200_000).buffer.byteLength).toBe(256 << 10);
    const first = pool.allocate(200_000);
    pool.recycle(first.buffer as ArrayBuffer);
    expect(pool.allocate(250_000).buffer).toBe(first.buffer);
  });
});
