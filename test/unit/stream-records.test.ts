import { describe, expect, it } from 'vitest';
import { RecordAssembler, type AssemblyLimits } from '../../src/records/assemble-records.js';
import { NO_DIMENSIONS } from '../../src/records/envelope-dimensions.js';
import type { LogRecord } from '../../src/types.js';

const pod = (name: string) => ({ ...NO_DIMENSIONS, pod: name, container: 'app' });

function collect(limits?: AssemblyLimits): { assembler: RecordAssembler; records: LogRecord[]; shown: () => string[] } {
  const records: LogRecord[] = [];
  const assembler = new RecordAssembler('t', (r) => records.push(r), limits);
  return { assembler, records, shown: () => records.map((r) => `${r.line}:${r.pod ?? '-'}:${r.text.split('\n').length}`) };
}

describe('records per stream', () => {
  it('never merges streams, keeps a stream’s record open while others write, and emits in input order', () => {
    const { assembler, shown } = collect();
    assembler.push('2026-11-22 09:45:02 ERROR create failed', 1, pod('a'));
    assembler.push('2026-11-22 09:45:02 INFO ok', 2, pod('b'));
    assembler.push('TencentCloudSDKException: [TencentCloudSDKException]code: InternalError', 3, pod('a'));
    assembler.push('    at Client.request (client.js:10)', 4, pod('a'));
    assembler.push('2026-11-22 09:45:03 INFO ok', 5, pod('b'));
    assembler.push('2026-11-22 09:45:04 INFO next', 6, pod('a'));
    assembler.flush();
    // b's record of line 2 closed first (at line 5) but waits for a's of line 1.
    expect(shown()).toEqual(['1:a:3', '2:b:1', '5:b:1', '6:a:1']);
  });

  it('a sweep closes only the records whose own stream wrote nothing since the last one', () => {
    const { assembler, shown } = collect();
    assembler.push('2026-11-22 09:45:02 ERROR quiet pod failed', 1, pod('quiet'));
    assembler.push('2026-11-22 09:45:02 INFO busy', 2, pod('busy'));
    expect(assembler.closeIdle()).toBe(0); // both wrote since the start
    assembler.push('2026-11-22 09:45:02 INFO busy again', 3, pod('busy'));
    expect(assembler.closeIdle()).toBe(1);
    // The quiet pod's record (and the busy pod's earlier one) are out; the busy pod's last stays open.
    expect(shown()).toEqual(['1:quiet:1', '2:busy:1']);
    assembler.flush();
    expect(shown()).toEqual(['1:quiet:1', '2:busy:1', '3:busy:1']);
  });

  it('closes the longest-idle stream’s record first when too many are open', () => {
    const { assembler, shown } = collect({ maxRecordLines: 1000, maxRecordChars: 1 << 20, maxOpenRecords: 2, maxOpenChars: 1 << 30 });
    assembler.push('2026-11-22 ERROR a', 1, pod('a'));
    assembler.push('2026-11-22 ERROR b', 2, pod('b'));
    assembler.push('    at a (a.js:1)', 3, pod('a')); // a is now the most recent
    assembler.push('2026-11-22 ERROR c', 4, pod('c')); // b, the longest idle, is closed
    expect(shown()).toEqual([]); // b waits for a, which opened before it
    assembler.flush();
    expect(shown()).toEqual(['1:a:2', '2:b:1', '4:c:1']);
  });

  it('bounds the characters held by open records whatever the number of streams', () => {
    const { assembler, records } = collect({ maxRecordLines: 1000, maxRecordChars: 1 << 20, maxOpenRecords: 1 << 20, maxOpenChars: 1000 });
    for (let i = 0; i < 100; i++) assembler.push(`2026-11-22 ERROR ${'x'.repeat(100)}`, i + 1, pod(`p${i}`));
    // At most ten 100-character records fit: the rest were closed, and emitted in order.
    expect(records.length).toBeGreaterThanOrEqual(90);
    expect(records.map((r) => r.line)).toEqual(records.map((_r, i) => i + 1));
  });
});

describe('an exception line after a bare log header', () => {
  it('joins the header that shows no exception of its own, not one that does', () => {
    const { assembler, shown } = collect();
    const lines = [
      '2026-11-22 09:45:02,311 ERROR mqtt: CreateTopic failed',
      'TencentCloudSDKException: The instance is not ready.',
      '    at TencentCloudClient.request (client.js:10)',
      '2026-11-22 09:45:03,000 ERROR mqtt: failed: Error: boom',
      'Error: another',
      '[TencentCloudSDKException]message:x requestId:y',
    ];
    lines.forEach((line, i) => assembler.push(line, i + 1, null));
    assembler.flush();
    expect(shown()).toEqual(['1:-:3', '4:-:1', '5:-:1', '6:-:1']);
  });

  it('leaves an exception line after an informational header to a record of its own', () => {
    const { assembler, shown } = collect();
    ['2026-11-22 09:44:34,085 INFO start', '[TencentCloudSDKError] Code=InternalError, Message=x', 'level=info msg=ready', 'Error: boom'].forEach((line, i) =>
      assembler.push(line, i + 1, null),
    );
    assembler.flush();
    expect(shown()).toEqual(['1:-:1', '2:-:1', '3:-:1', '4:-:1']);
  });
});
