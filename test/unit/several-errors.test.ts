import { describe, expect, it } from 'vitest';
import { recognizeAll } from '../../src/recognition/recognize.js';
import { builtInContext } from '../helpers/context.js';
import { scanString } from '../helpers/scan-in-process.js';

const ID_A = '5E0B1D4A-2C3B-4D5E-8F90-A1B2C3D4E5F6';
const ID_B = '7A3C9E1F-4B2D-4E6A-8C0B-1D2E3F4A5B6C';
const T_A = '8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const T_B = '6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61';

function alibabaBody(code: string, id: string): object {
  return {
    RequestId: id,
    HostId: 'onsmqtt.cn-hangzhou.aliyuncs.com',
    Code: code,
    Message: 'failed',
    Recommend: `https://api.aliyun.com/troubleshoot?q=${code}&product=OnsMqtt&requestId=${id}`,
  };
}

const found = (text: string): { code: string | null; requestId: string | null }[] =>
  recognizeAll(text, builtInContext()).map((r) => ({ code: r.code, requestId: r.requestId }));

describe('several API errors in one record: one event per RequestId', () => {
  it('a batch result logged as one JSON line', () => {
    const line = JSON.stringify({ level: 50, msg: 'batch failed', results: [alibabaBody('InstanceNotFound', ID_A), alibabaBody('GroupIdAlreadyExsited', ID_B)] });
    expect(found(line)).toEqual([
      { code: 'InstanceNotFound', requestId: ID_A },
      { code: 'GroupIdAlreadyExsited', requestId: ID_B },
    ]);
  });

  it('one log line holding two SDK error texts, each with its own RequestId', () => {
    const line =
      `2026/11/22 09:45:01 retry 1: [TencentCloudSDKError] Code=RequestLimitExceeded, Message=Too many requests., RequestId=${T_A}; ` +
      `retry 2: [TencentCloudSDKError] Code=InternalError, Message=Internal error., RequestId=${T_B}`;
    expect(found(line)).toEqual([
      { code: 'RequestLimitExceeded', requestId: T_A },
      { code: 'InternalError', requestId: T_B },
    ]);
  });

  it('the same error in the body, the message, the Recommend URL and the stack is one', () => {
    const body = alibabaBody('InstanceNotFound', ID_A);
    const line = JSON.stringify({
      level: 50,
      err: {
        code: 'InstanceNotFound',
        message: `InstanceNotFound: code: 400, Failed to find the instance. request id: ${ID_A}`,
        stack: `Error: InstanceNotFound: code: 400, Failed to find the instance. request id: ${ID_A}\n    at Client.doRPCRequest (client.js:1:1)`,
        data: body,
      },
      body: JSON.stringify(body),
    });
    expect(found(line)).toEqual([{ code: 'InstanceNotFound', requestId: ID_A }]);
  });

  it('a record without an error is still one recognition, with no event', () => {
    expect(recognizeAll('GET /healthz 200', builtInContext())).toEqual([expect.objectContaining({ event: null })]);
  });

  it('counts the record once and each error once', async () => {
    const line = JSON.stringify({ level: 50, time: 1795340671000, msg: 'batch failed', results: [alibabaBody('InstanceNotFound', ID_A), alibabaBody('GroupIdAlreadyExsited', ID_B)] });
    const { events, summary } = await scanString(`${line}\n${JSON.stringify({ level: 30, msg: 'ok' })}\n`);
    expect(events.filter((e) => e.event === 'error').map((e) => [e.line, e.code])).toEqual([
      [1, 'InstanceNotFound'],
      [1, 'GroupIdAlreadyExsited'],
    ]);
    expect(summary.totals).toMatchObject({ lines: 2, records: 2, errors: 2 });
    expect(summary.sources[0]).toMatchObject({ records: 2, errors: 2 });
  });
});
