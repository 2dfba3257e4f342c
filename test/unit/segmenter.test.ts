import { describe, expect, it } from 'vitest';
import { Segmenter } from '../../src/pipeline/segmenter.js';

/** Cuts `lines` into segments of about `target` bytes, fed in chunks of `chunk` bytes; the first line number of each segment. */
function cut(lines: string[], target: number, chunk = 4096): number[] {
  const starts: number[] = [];
  let bytes = '';
  const segmenter = new Segmenter(target, true, {
    begin: (firstLine) => starts.push(firstLine),
    data: (data) => (bytes += data.toString('latin1')),
    end: () => undefined,
  });
  const all = Buffer.from(lines.join('\n') + '\n', 'latin1');
  for (let at = 0; at < all.length; at += chunk) segmenter.push(all.subarray(at, at + chunk));
  segmenter.end();
  expect(bytes).toBe(all.toString('latin1'));
  return starts;
}

const plain = (i: number): string => `2026-11-21 00:00:${String(i % 60).padStart(2, '0')},000 INFO mqtt.admin: syncing instance ${i}`;

describe('cutting a source into segments', () => {
  it('cuts a plain log before date-led lines once a segment has its bytes', () => {
    const starts = cut(Array.from({ length: 40 }, (_, i) => plain(i)), 200);
    expect(starts.length).toBeGreaterThan(5);
    expect(starts[0]).toBe(1);
  });

  it('cuts a log whose early lines end in a JSON body the application logged, which no unwrapper takes', () => {
    const lines = Array.from({ length: 40 }, (_, i) => plain(i));
    lines[3] = '2026-11-21 00:00:00,860 ERROR mqtt.admin: ListGroupId failed: body={"RequestId":"EA8E9D7A-79AA-4620-A650-2A407B2B3495","Code":"PermissionCheckFailed"}';
    expect(cut(lines, 200).length).toBeGreaterThan(5);
  });

  it('never cuts a source whose early lines carry an envelope or a shipper prefix', () => {
    const lines = Array.from({ length: 40 }, (_, i) => plain(i));
    lines[3] = '2026-11-21T00:00:00+00:00\tkube.var.log.containers.api-1\t{"log":"boom\\n","stream":"stderr"}';
    expect(cut(lines, 200)).toEqual([1]);
    lines[3] = '{"log":"2026-11-21 00:00:00,000 ERROR boom\\n","kubernetes":{"pod_name":"api-1"}}';
    expect(cut(lines, 200)).toEqual([1]);
  });

  it('cuts a log whose lines lead with an RFC 3339 time alone (kubectl --timestamps, winston, log4j2), where the text after it starts a record', () => {
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) {
      const t = `2026-11-21T00:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}Z`;
      lines.push(`${t} 2026-11-21 00:00:00,000 ERROR app: call failed`, `${t} \tat com.example.Svc.call(Svc.java:${i})`);
    }
    const starts = cut(lines, 200);
    expect(starts.length).toBeGreaterThan(5);
    // Only before a line whose text starts a record: never before a stack frame.
    for (const first of starts) expect(lines[first - 1]).toContain('ERROR app');
  });

  it('never cuts a log of CRI lines, whose streams keep records open', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `2026-11-21T00:00:${String(i % 60).padStart(2, '0')}.123456789Z ${i % 2 ? 'stdout' : 'stderr'} F 2026-11-21 00:00:00,000 INFO line ${i}`);
    expect(cut(lines, 200)).toEqual([1]);
    // Whatever the size of the pieces it is read in.
    expect(cut(lines, 200, 13)).toEqual([1]);
  });
});
