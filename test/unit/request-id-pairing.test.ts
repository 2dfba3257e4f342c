import { describe, expect, it } from 'vitest';
import { recognizeAll } from '../../src/recognition/recognize.js';
import { builtInContext, tagText } from '../helpers/context.js';

const VENDOR_ID = '8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const LAMBDA_ID = 'c6af9ac6-7b61-11e6-9a41-93e812345678';

describe('the RequestId of an API error is the one paired with its code', () => {
  it("not a Lambda's requestId, when the SDK text carries its own (and no code)", () => {
    const line = JSON.stringify({
      timestamp: '2026-11-22T09:45:01.000Z',
      level: 'ERROR',
      requestId: LAMBDA_ID,
      message: `[TencentCloudSDKException]message:Signature expired.  requestId:${VENDOR_ID}`,
    });
    expect(tagText(line)).toMatchObject({ event: 'error', vendor: 'tencent', requestId: VENDOR_ID, code: 'AuthFailure.SignatureExpire' });
  });

  it("not an access log's request id written before the SDK text", () => {
    const line = `2026-11-22 09:45:01 req requestId=app-0001-aaaa-bbbb failed: [TencentCloudSDKError] Code=InternalError, Message=x, RequestId=${VENDOR_ID}`;
    expect(tagText(line)).toMatchObject({ event: 'error', code: 'InternalError', requestId: VENDOR_ID });
    expect(recognizeAll(line, builtInContext())).toHaveLength(1);
  });

  it("not an application's own code and id written before the SDK text, and one event", () => {
    const line = `2026-11-22 09:45:01 job failed code=E42 requestId=app-0001-aaaa-bbbb: [TencentCloudSDKError] Code=InternalError, Message=x, RequestId=${VENDOR_ID}`;
    expect(recognizeAll(line, builtInContext()).map((r) => [r.code, r.requestId])).toEqual([['InternalError', VENDOR_ID]]);
  });

  it("not a platform's id beside the body in a JSON line", () => {
    const line = JSON.stringify({
      requestId: LAMBDA_ID,
      res: { body: { Response: { Error: { Code: 'ResourceNotFound.Topic', Message: 'x' }, RequestId: VENDOR_ID } } },
    });
    expect(tagText(line)).toMatchObject({ code: 'ResourceNotFound.Topic', requestId: VENDOR_ID });
  });

  it("not a trace id or the application's own error fields, and one event", () => {
    const line = JSON.stringify({
      level: 50,
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      code: 'InternalError',
      requestId: LAMBDA_ID,
      err: { message: `[TencentCloudSDKError] Code=InternalError, Message=Internal error., RequestId=${VENDOR_ID}` },
    });
    const all = recognizeAll(line, builtInContext());
    expect(all.map((r) => r.requestId)).toEqual([VENDOR_ID]);
  });

  it("tencentcloud-sdk-cpp's PrintAll(): the RequestId written before its code, even with another attempt's after it", () => {
    const other = '9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a';
    const line = `[2026-11-22 10:05:04.650] [mqtt-sync] [warning] gave up: attempt 1: RequestId=${VENDOR_ID}, ErrorCode=RequestLimitExceeded, ErrorMessage=x.; attempt 2: RequestId=${other}, ErrorCode=RequestLimitExceeded, ErrorMessage=x.`;
    expect(recognizeAll(line, builtInContext()).map((r) => [r.code, r.requestId])).toEqual([
      ['RequestLimitExceeded', VENDOR_ID],
      ['RequestLimitExceeded', other],
    ]);
  });

  it("tencentcloud-sdk-python's exception by repr(): its own RequestId argument, none where it is None, whatever id stands after it", () => {
    const other = '9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a';
    const repr = (code: string, message: string, id: string | null): string => `TencentCloudSDKException('${code}', ${message}, ${id === null ? 'None' : `'${id}'`})`;
    const attempts = `retries exhausted: ${repr('RequestLimitExceeded', "'x.'", VENDOR_ID)}; then ${repr('RequestLimitExceeded', "'x.'", other)}`;
    expect(recognizeAll(attempts, builtInContext()).map((r) => [r.code, r.requestId, r.vendor])).toEqual([
      ['RequestLimitExceeded', VENDOR_ID, 'tencent'],
      ['RequestLimitExceeded', other, 'tencent'],
    ]);
    const client = `giving up: ${repr('ClientNetworkError', `"Read timed out (host='x')"`, null)} job_request_id=${other}`;
    expect(recognizeAll(client, builtInContext()).map((r) => [r.code, r.requestId, r.vendor])).toEqual([['ClientNetworkError', null, 'tencent']]);
    // Raised with two arguments, as the SDK raises its client errors: the code and the message.
    expect(tagText("failed: TencentCloudSDKException('ClientNetworkError', 'Read timed out.')")).toMatchObject({ event: 'error', vendor: 'tencent', code: 'ClientNetworkError', requestId: null });
    // A source line that raises it is no exception written out.
    expect(recognizeAll('    raise TencentCloudSDKException(code, message, reqid)', builtInContext()).map((r) => r.event)).toEqual([null]);
  });
});

describe('a code in an error class name keeps its full dotted form', () => {
  it("pop-core's `<Code>Error`: InvalidParameter.ExpireTimeError is InvalidParameter.ExpireTime, catalogued by its pattern", () => {
    const line =
      'InvalidParameter.ExpireTimeError: The parameter ExpireTime is invalid., URL: https://onsmqtt.cn-hangzhou.aliyuncs.com/?Action=ApplyToken&Version=2020-04-20';
    expect(tagText(line)).toMatchObject({
      event: 'error',
      vendor: 'alibaba',
      code: 'InvalidParameter.ExpireTime',
      catalogued: true,
      category: 'invalid-request',
      product: 'onsmqtt',
    });
  });

  it('never the pattern entry\'s own name, also when only its message is logged', () => {
    const line = 'com.aliyun.tea.TeaException: code: 400, An error occurred while validating the parameter. The parameter may be missing or invalid. request id: 5E0B1D4A-2C3B-4D5E-8F90-A1B2C3D4E5F6';
    const event = tagText(line);
    expect(event.code).not.toBe('InvalidParameter.%s');
    expect(event).toMatchObject({ event: 'error', vendor: 'alibaba', category: 'invalid-request' });
    expect(tagText('ApplyToken failed: code=InvalidParameter.%s requestId=5E0B1D4A-2C3B-4D5E-8F90-A1B2C3D4E5F6').code).not.toBe('InvalidParameter.%s');
  });

});
