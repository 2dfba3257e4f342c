import { describe, expect, it } from 'vitest';
import { scanString } from '../helpers/scan-in-process.js';
import { scanSource } from '../helpers/scan-source.js';

/** A Node application's error as it wrote it: a header, the SDK's text, two frames. */
const WRITTEN = [
  '2026-11-22T09:45:02.311Z ERROR mqtt: DeleteTopic failed',
  '[TencentCloudSDKException]message:The instance is not ready. requestId:1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6',
  '    at TencentCloudClient.request (/srv/app/client.js:10:11)',
  '    at async deleteTopic (/srv/app/topics.js:4:3)',
  '2026-11-22T09:45:03.000Z INFO mqtt: retrying',
];
const BASE = Date.UTC(2026, 10, 22, 9, 45, 2, 311);

/** logcli --output=jsonl: one entry per written line, each with its own nanosecond time. */
function loki(lines: string[], pod: string, newestFirst: boolean): string[] {
  const entries = lines.map((line, i) => JSON.stringify({ labels: { namespace: 'prod', pod }, line, timestamp: `${BASE + i}000000` }));
  return newestFirst ? entries.reverse() : entries;
}

describe('exports that list a stream newest first', () => {
  it('regroups the record as it was written, with its RequestId and its pod', async () => {
    for (const newestFirst of [false, true]) {
      const text = [...loki(WRITTEN, 'api-1', newestFirst)].join('\n');
      const { events, summary } = await scanString(text);
      const errors = events.filter((e) => e.event === 'error');
      expect(errors, `newestFirst=${newestFirst}`).toHaveLength(1);
      expect(errors[0]).toMatchObject({ vendor: 'tencent', requestId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6', pod: 'api-1', namespace: 'prod' });
      expect(summary.totals).toMatchObject({ lines: 5, records: 2, errors: 1 });
    }
  });

  it('keeps interleaved streams apart in either direction', async () => {
    const a = loki(WRITTEN, 'api-1', true);
    const b = loki(WRITTEN.map((l) => l.replace('1e2d3c4b', '2e2d3c4b')), 'api-2', true);
    const text = a.flatMap((line, i) => [line, b[i]!]).join('\n');
    const { events, summary } = await scanString(text);
    expect(events.filter((e) => e.event === 'error').map((e) => [e.pod, e.requestId?.slice(0, 8)])).toEqual([
      ['api-1', '1e2d3c4b'],
      ['api-2', '2e2d3c4b'],
    ]);
    expect(summary.totals).toMatchObject({ lines: 10, records: 4, errors: 2 });
  });
});

describe('lines relayed by syslog, one message per line', () => {
  it('regroups a Java SDK error and its RequestId line per program, while another program writes between them', async () => {
    const relayed = [
      'Nov 22 09:45:02 node-1 mqtt-admin[812]: 2026-11-22 09:45:02.311 ERROR c.e.TopicService - CreateTopic failed',
      'Nov 22 09:45:02 node-1 mqtt-admin[812]: com.aliyuncs.exceptions.ServerException: InstanceNotFound : The instance does not exist.',
      'Nov 22 09:45:02 node-1 cron[77]: (root) CMD (run-parts /etc/cron.hourly)',
      'Nov 22 09:45:02 node-1 mqtt-admin[812]: RequestId : 7A3C1B2D-0E4F-4A5B-8C6D-9E0F1A2B3C4D',
      'Nov 22 09:45:02 node-1 mqtt-admin[812]: \tat com.aliyuncs.DefaultAcsClient.parseAcsResponse(DefaultAcsClient.java:259)',
    ].join('\n');
    for (const fastPath of [true, false]) {
      const { events, summary } = await scanSource([Buffer.from(relayed)], 'messages', fastPath);
      expect(events.filter((e) => e.event === 'error').map((e) => [e.code, e.requestId, e.host, e.line]), `fastPath=${fastPath}`).toEqual([
        ['InstanceNotFound', '7A3C1B2D-0E4F-4A5B-8C6D-9E0F1A2B3C4D', 'node-1', 1],
      ]);
      expect(summary.totals).toMatchObject({ lines: 5, records: 2, errors: 1 });
    }
  });
});
