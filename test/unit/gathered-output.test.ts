import { describe, expect, it } from 'vitest';
import { GatheredOutput } from '../../src/pipeline/gathered-output.js';

/** A writer that records each write and calls back at once, as stdout to a file does. */
function recorder(): { writes: string[]; calls: string[]; write: (bytes: Buffer, written?: () => void) => Promise<void> } {
  const writes: string[] = [];
  const calls: string[] = [];
  return {
    writes,
    calls,
    write: (bytes, written) => {
      writes.push(bytes.toString());
      written?.();
      return Promise.resolve();
    },
  };
}

/** Text in memory of its own (small Buffer.from strings may sit next to each other in Node's shared pool). */
function own(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

describe('tagged output gathered from a segment’s pieces', () => {
  it('joins pieces that follow each other in one buffer into one write, without copying', () => {
    const out = recorder();
    const gathered = new GatheredOutput(out.write);
    const buf = own('aaabbbccc');
    gathered.add(buf.subarray(0, 3));
    gathered.add(buf.subarray(3, 6));
    gathered.add(buf.subarray(6, 9), () => out.calls.push('recycle'));
    expect(out.writes).toEqual([]);
    gathered.flush();
    expect(out.writes).toEqual(['aaabbbccc']);
    expect(out.calls).toEqual(['recycle']);
  });

  it('keeps a piece put between two of one buffer (a duplicateOf) in its place, and hands the buffer back after its last piece', () => {
    const out = recorder();
    const gathered = new GatheredOutput(out.write);
    const buf = own('{"a":1}\n{"b":2');
    gathered.add(buf.subarray(0, 14));
    gathered.add(own(',"duplicateOf":1'));
    gathered.add(own('}\n'), () => out.calls.push('other'));
    gathered.add(buf.subarray(14, 14), () => out.calls.push('recycle'));
    gathered.flush();
    expect(out.writes.join('')).toBe('{"a":1}\n{"b":2,"duplicateOf":1}\n');
    expect(out.writes).toHaveLength(4);
    expect(out.calls).toEqual(['other', 'recycle']);
  });

  it('does not join pieces of two buffers, nor pieces of one buffer that are not next to each other', () => {
    const out = recorder();
    const gathered = new GatheredOutput(out.write);
    const buf = own('aaabbbccc');
    gathered.add(buf.subarray(0, 3));
    gathered.add(buf.subarray(6, 9));
    gathered.add(own('ddd'));
    gathered.flush();
    expect(out.writes).toEqual(['aaa', 'ccc', 'ddd']);
  });

  it('writes nothing when nothing was added', () => {
    const out = recorder();
    const gathered = new GatheredOutput(out.write);
    gathered.flush();
    expect(out.writes).toEqual([]);
  });
});
