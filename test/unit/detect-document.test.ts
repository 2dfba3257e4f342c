import { describe, expect, it } from 'vitest';
import { isJsonDocument } from '../../src/pipeline/detect-document.js';

const kv = (key: string, value: string): object => ({ key, value: { stringValue: value } });
const batch = (body: string): string =>
  JSON.stringify({ resourceLogs: [{ resource: { attributes: [kv('k8s.pod.name', 'api-1')] }, scopeLogs: [{ scope: {}, logRecords: [{ timeUnixNano: '1795219200000000000', body: { stringValue: body } }] }] }] });

describe('which inputs are read as JSON documents', () => {
  it('batches of shipped lines written one per line: the OpenTelemetry Collector’s file exporter, Loki answers saved one per line', () => {
    expect(isJsonDocument(Buffer.from(`${batch('first')}\n${batch('second')}\n`), false)).toBe(true);
    const loki = JSON.stringify({ status: 'success', data: { resultType: 'streams', result: [{ stream: { app: 'a' }, values: [['1', 'line']] }] } });
    expect(isJsonDocument(Buffer.from(`${loki}\n${loki}\n`), false)).toBe(true);
  });

  it('not NDJSON log lines, nor response bodies logged one per line, nor a batch followed by a plain line', () => {
    const lines = ['{"level":30,"time":1,"msg":"x","items":[{"id":1}]}', '{"level":30,"time":2,"msg":"y"}'].join('\n');
    expect(isJsonDocument(Buffer.from(`${lines}\n`), false)).toBe(false);
    const bodies = [
      '{"RequestId":"82A3B4C5-D6E7-48F9-A0B1-C2D3E4F5A6B7","Data":[{"GroupId":"GID_fleet","InstanceId":"post-cn-0pp1ldu8k01"}]}',
      '{"Response":{"TotalCount":1,"Data":[{"InstanceId":"mqtt-0"}],"RequestId":"3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b"}}',
    ].join('\n');
    expect(isJsonDocument(Buffer.from(`${bodies}\n`), false)).toBe(false);
    expect(isJsonDocument(Buffer.from(`${batch('first')}\n2026-11-22 09:44:36 INFO plain\n`), true)).toBe(false);
  });

  it('a first line longer than the sample when it opens with envelopes; not a long application line', () => {
    const records = Array.from({ length: 2000 }, (_, i) => ({ timeUnixNano: String(1795219200000000000n + BigInt(i)), body: { stringValue: `line ${i}` } }));
    const big = JSON.stringify({ resourceLogs: [{ resource: { attributes: [] }, scopeLogs: [{ scope: {}, logRecords: records }] }] });
    expect(big.length).toBeGreaterThan(64 * 1024);
    expect(isJsonDocument(Buffer.from(big.slice(0, 64 * 1024)), false)).toBe(true);
    const app = JSON.stringify({ level: 30, time: 1, hostname: 'api-1', msg: 'listed', items: Array.from({ length: 3000 }, (_, i) => ({ id: i, source: 'db', host: 'h' })) });
    expect(isJsonDocument(Buffer.from(app.slice(0, 64 * 1024)), false)).toBe(false);
    expect(isJsonDocument(Buffer.from(batch('first').slice(0, 80)), false)).toBe(false);
  });

  it('CloudWatch Logs’ subscription batches: one per line, or back to back on one line as Kinesis Data Firehose writes them to S3', () => {
    const cwl = (message: string): string =>
      JSON.stringify({ messageType: 'DATA_MESSAGE', owner: '123456789012', logGroup: '/ecs/fleet', logStream: 'ecs/api/0123456789abcdef0123456789abcdef', subscriptionFilters: ['s3'], logEvents: [{ id: '3195', timestamp: 1795340676310, message }] });
    expect(isJsonDocument(Buffer.from(`${cwl('first')}\n${cwl('second')}\n`), false)).toBe(true);
    expect(isJsonDocument(Buffer.from(`${cwl('first')}${cwl('second')}`), true)).toBe(true);
    expect(isJsonDocument(Buffer.from(`${cwl('first')} ${cwl('second')}${cwl('third')}\n`), false)).toBe(true);
    // A batch followed on its line by anything but the next one is a line.
    expect(isJsonDocument(Buffer.from(`${cwl('first')} trailing words\n${cwl('second')}\n`), false)).toBe(false);
  });

  it('not log lines whose arrays hold objects with only a time and a message, when the line names a line of its own', () => {
    const line = JSON.stringify({ time: 1795340676310, msg: 'retried', attempts: [{ time: 1795340676000, message: 'timed out' }] });
    expect(isJsonDocument(Buffer.from(`${line}\n${line}\n`), false)).toBe(false);
  });
});
