import { describe, expect, it } from 'vitest';
import { mayBeWrapped } from '../../src/lines/line-start.js';
import { takeTailHeader } from '../../src/records/tail-header.js';
import { scanString } from '../helpers/scan-in-process.js';

const POD_LOG = '/var/log/pods/iot_mqtt-admin-7c9d5b6f4-x2k8p_b8752b91-ebfa-41f7-acde-094f365cc85b/mqtt-admin/0.log';

describe('tail’s header before a file’s lines', () => {
  it('names the file, the lines’ stream, and a kubelet log’s pod, namespace and container', () => {
    expect(takeTailHeader('==> /var/log/app/a.log <==')).toMatchObject({ stream: 'file=/var/log/app/a.log', pod: null });
    expect(takeTailHeader(`==> ${POD_LOG} <==`)).toMatchObject({ stream: `file=${POD_LOG}`, namespace: 'iot', pod: 'mqtt-admin-7c9d5b6f4-x2k8p', container: 'mqtt-admin' });
    for (const line of ['==> a.log', 'a.log <==', '==>  <==', '==> <==', '==>  a.log <==', '== a.log ==', 'x ==> a.log <==']) expect(takeTailHeader(line), line).toBeNull();
  });

  it('keeps a file’s record whole when another file’s lines come between its lines', async () => {
    const text = [
      '==> /var/log/app/a.log <==',
      '2026-11-22 09:44:34,123 ERROR app: DescribeInstance failed',
      'Traceback (most recent call last):',
      '  File "/app/a.py", line 3, in <module>',
      '',
      '==> /var/log/app/b.log <==',
      '2026-11-22 09:44:34,200 ERROR other: DescribeTopic failed code=ResourceNotFound.Topic requestId=5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f',
      '',
      '==> /var/log/app/a.log <==',
      '    call()',
      'TencentCloudSDKException: [TencentCloudSDKException] code:ResourceNotFound.Instance message:The instance does not exist. requestId:4c4ba9c5-2d3f-44f1-9ea7-6d0e3c1a0b7e',
      '2026-11-22 09:44:35,000 INFO app: next',
      '',
    ].join('\n');
    const { events, summary } = await scanString(text);
    expect(summary.totals).toMatchObject({ lines: 12, records: 3, errors: 2 });
    expect(events.filter((e) => e.event !== null).map((e) => [e.line, e.code])).toEqual([
      [2, 'ResourceNotFound.Instance'],
      [7, 'ResourceNotFound.Topic'],
    ]);
  });

  it('keeps a source that holds one from being cut into segments', () => {
    expect(mayBeWrapped(Buffer.from('==> /var/log/app/a.log <=='), 0, 26)).toBe(true);
    expect(mayBeWrapped(Buffer.from('== not a header'), 0, 15)).toBe(false);
  });
});
