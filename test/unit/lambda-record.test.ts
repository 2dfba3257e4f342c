import { describe, expect, it } from 'vitest';
import { isLambdaRecord, withoutInvocationId } from '../../src/recognition/lambda-record.js';

const ID = '79b4f56e-95b1-4643-9700-2807f4e68189';

describe('AWS Lambda’s JSON log records', () => {
  it('are told by the runtime’s first keys: Node’s and Python’s orders', () => {
    expect(isLambdaRecord({ timestamp: '2026-11-22T10:05:00.420Z', level: 'ERROR', requestId: ID, message: 'failed' })).toBe(true);
    expect(isLambdaRecord({ timestamp: '2026-11-22T10:05:00.420Z', level: 'ERROR', requestId: ID, message: { errorType: 'Error' }, errorType: 'Error' })).toBe(true);
    expect(isLambdaRecord({ timestamp: '2026-11-22T10:05:00.420Z', level: 'ERROR', message: 'failed', logger: 'root', errorMessage: 'x', requestId: ID })).toBe(true);
  });

  it('are not an application’s lines with a requestId of their own: winston’s, pino’s, or keys in another order', () => {
    expect(isLambdaRecord({ level: 'error', message: 'failed code=X', requestId: ID, timestamp: '2026-11-22T10:05:00.420Z' })).toBe(false);
    expect(isLambdaRecord({ level: 50, time: 1795341900420, requestId: ID, msg: 'failed' })).toBe(false);
    expect(isLambdaRecord({ timestamp: '2026-11-22T10:05:00.420Z', level: 'ERROR', message: 'failed', requestId: ID })).toBe(false);
    expect(isLambdaRecord({ timestamp: '2026-11-22T10:05:00.420Z', level: 'ERROR', requestId: ID })).toBe(false);
    expect(isLambdaRecord({ timestamp: '2026-11-22T10:05:00.420Z', level: 'ERROR', requestId: 42, message: 'x' })).toBe(false);
  });

  it('lose only the invocation’s id', () => {
    const message = { errorType: 'TencentCloudSDKHttpException', requestId: 'b16c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e' };
    expect(withoutInvocationId({ timestamp: 't', level: 'ERROR', requestId: ID, message })).toEqual({ timestamp: 't', level: 'ERROR', message });
  });
});
