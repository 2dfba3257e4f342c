import { describe, expect, it } from 'vitest';
import { mayStartSamLine, takeSamLine } from '../../src/records/log-stream-prefix.js';
import { mayBeWrapped } from '../../src/records/may-be-wrapped.js';
import { unwrapLine } from '../../src/records/unwrap-line.js';
import { scanBothPaths } from '../helpers/both-paths.js';

const STREAM = '2026/11/22/[$LATEST]4f1c2a9e8b7d40f6a3e5c1d2b7f8a9e0';
const OTHER = '2026/11/22/[$LATEST]9a8b7c6d5e4f40a1b2c3d4e5f6a7b8c9';

describe('`sam logs` lines', () => {
  it('give the message, the log stream as the stream, the UTC time, and keep the event\'s further lines with it', () => {
    expect(takeSamLine(`${STREAM} 2026-11-22T10:02:04.530000 2026-11-22T10:02:04.530Z INFO x`)).toEqual({
      text: '2026-11-22T10:02:04.530Z INFO x',
      origin: expect.objectContaining({ stream: `logStream=${STREAM}`, time: Date.UTC(2026, 10, 22, 10, 2, 4, 530), zoned: true }),
      partial: false,
      runOn: 'opens',
    });
    // Whole seconds: isoformat leaves the microseconds out.
    expect(unwrapLine(`${STREAM} 2026-11-22T10:02:04 boom`)).toMatchObject({ text: 'boom', origin: { time: Date.UTC(2026, 10, 22, 10, 2, 4) } });
    expect(takeSamLine(`2026/11/22/[3]0123456789abcdef0123456789abcdef 2026-11-22T10:02:04 x`)?.text).toBe('x');
  });

  it('are told from Go\'s log lines and from streams of another form', () => {
    for (const line of ['2026/11/22 10:02:04 DescribeTopic failed', `${STREAM} 2026-11-22 10:02:04 x`, '2026/11/22/[$LATEST]0123 2026-11-22T10:02:04 x', `${STREAM}2026-11-22T10:02:04 x`]) {
      expect(takeSamLine(line), line).toBeNull();
    }
    expect(mayStartSamLine('2026/11/22 10:02:04 x', 0, 21)).toBe(false);
  });

  it('are looked for by the fast path: its check is a superset of what is taken', () => {
    const streams = [STREAM, '2026/11/22/[$LATEST]0123', '2026/11/22/[7]0123456789abcdef0123456789abcdef', '2026/11/22 ', ''];
    const times = [' 2026-11-22T10:02:04.530000 ', ' 2026-11-22T10:02:04 ', ' 2026-11-22T10:02:04Z '];
    const rests = ['boom', '\tat x', ''];
    let taken = 0;
    for (const stream of streams) for (const time of times) for (const rest of rests) {
      const line = `${stream}${time}${rest}`;
      if (takeSamLine(line) === null) continue;
      taken++;
      expect(mayBeWrapped(line), line).toBe(true);
    }
    expect(taken).toBe(2 * 2 * 3);
  });

  it('make one record of an event over several lines, each instance\'s events apart, on the fast path as on the full path', async () => {
    const text = [
      `${STREAM} 2026-11-22T10:02:04.530000 2026-11-22 10:02:04.530 ERROR [exec-3] c.e.m.TopicService - create topic failed`,
      'com.tencentcloudapi.common.exception.TencentCloudSDKException: [TencentCloudSDKException]code: LimitExceeded message:Quota limit exceeded. requestId:1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a',
      '\tat com.tencentcloudapi.common.AbstractClient.internalRequest(AbstractClient.java:294)',
      `${OTHER} 2026-11-22T10:02:05 2026-11-22 10:02:05.000 INFO  [main] c.e.m.Health - ok`,
      '  status: ready',
    ].join('\n');
    const full = await scanBothPaths(`${text}\n`, 48);
    expect(full.summary.totals).toMatchObject({ lines: 5, records: 2, errors: 1 });
    expect(full.events.map((e) => [e.line, e.event, e.code])).toEqual([
      [1, 'error', 'LimitExceeded'],
      [4, null, null],
    ]);
  });
});
