import { describe, expect, it } from 'vitest';
import { tagText } from '../helpers/context.js';

/** One line each from loggers and formats the fixture corpus does not cover. */
const CASES: [string, string, object][] = [
  [
    'bunyan err with name and code, no id',
    '{"name":"app","hostname":"h","pid":1,"level":50,"err":{"message":"Internal error.","name":"TencentCloudSDKException","stack":"TencentCloudSDKException: Internal error.\\n    at x","code":"InternalError"},"msg":"call failed","time":"2026-11-22T09:44:34.085Z","v":0}',
    { event: 'error', vendor: 'tencent', code: 'InternalError', requestId: null, time: Date.UTC(2026, 10, 22, 9, 44, 34, 85) },
  ],
  [
    'logstash-logback-encoder stack_trace',
    '{"@timestamp":"2026-11-22T09:44:35.000Z","level":"ERROR","message":"delete failed","stack_trace":"com.tencentcloudapi.common.exception.TencentCloudSDKException: [TencentCloudSDKException]code: ResourceNotFound.Topic message:The topic does not exist. requestId:6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61\\n\\tat com.x.Y(Y.java:1)"}',
    { event: 'error', vendor: 'tencent', code: 'ResourceNotFound.Topic', requestId: '6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61' },
  ],
  [
    'structlog event with the SDK text in error',
    '{"event":"call failed","error":"[TencentCloudSDKException] code:LimitExceeded message:quota requestId:7b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61","level":"error","timestamp":"2026-11-22T09:44:36Z"}',
    { event: 'error', vendor: 'tencent', code: 'LimitExceeded', requestId: '7b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61' },
  ],
  [
    'a body four levels down in a cloud logging payload',
    '{"severity":"ERROR","jsonPayload":{"ctx":{"resp":{"data":{"RequestId":"8C2D8E4F-1A2B-4C3D-8E9F-0A1B2C3D4E5F","Code":"SystemOverFlow","Message":"x"}}}}}',
    { event: 'error', vendor: 'alibaba', code: 'SystemOverFlow', requestId: '8C2D8E4F-1A2B-4C3D-8E9F-0A1B2C3D4E5F' },
  ],
  [
    'syslog prefix before the Go SDK text',
    'Nov 22 09:44:38 host app[123]: [TencentCloudSDKError] Code=UnsupportedRegion, Message=API does not support the requested region., RequestId=9b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61',
    { event: 'error', vendor: 'tencent', code: 'UnsupportedRegion' },
  ],
  [
    'logrus quoted err value',
    'time="2026-11-22T09:44:39Z" level=error msg="sync failed" err="[TencentCloudSDKError] Code=InvalidParameter, Message=bad, RequestId=ab6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61"',
    { event: 'error', vendor: 'tencent', code: 'InvalidParameter', requestId: 'ab6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61' },
  ],
  [
    'journald export with ErrCode',
    '{"MESSAGE":"ServerException: ErrCode: InstanceNotFound, ErrMsg: x, RequestId: 1C2D8E4F-1A2B-4C3D-8E9F-0A1B2C3D4E5F","__REALTIME_TIMESTAMP":"1795340680000000"}',
    { event: 'error', vendor: 'alibaba', code: 'InstanceNotFound', requestId: '1C2D8E4F-1A2B-4C3D-8E9F-0A1B2C3D4E5F' },
  ],
  [
    'pop-core message alone, code recovered from the catalog message',
    '2026-11-22T09:44:41.000Z ERROR create group: The specified GroupId already exists., URL: https://onsmqtt.cn-hangzhou.aliyuncs.com/?AccessKeyId=LTAI&Action=CreateGroupId&Signature=abc',
    { event: 'error', vendor: 'alibaba', code: 'GroupIdAlreadyExsited', requestId: null, action: 'CreateGroupId' },
  ],
  [
    'Python dict repr of a Tencent body',
    "2026-11-22 09:44:36,002 ERROR x: resp={'Response': {'Error': {'Code': 'LimitExceeded.TopicNum', 'Message': 'too many'}, 'RequestId': '1a1b2c3d-1111-4222-8333-444455556666'}}",
    { event: 'error', vendor: 'tencent', code: 'LimitExceeded.TopicNum', requestId: '1a1b2c3d-1111-4222-8333-444455556666' },
  ],
  [
    'a body escaped twice inside JSON strings',
    '{"level":50,"msg":"x","detail":"{\\"body\\":\\"{\\\\\\"Code\\\\\\":\\\\\\"InstanceNotFound\\\\\\",\\\\\\"RequestId\\\\\\":\\\\\\"9C2D8E4F-1A2B-4C3D-8E9F-0A1B2C3D4E5F\\\\\\"}\\"}"}',
    { event: 'error', vendor: 'alibaba', code: 'InstanceNotFound', requestId: '9C2D8E4F-1A2B-4C3D-8E9F-0A1B2C3D4E5F' },
  ],
];

/** Lines that must never count, whatever words they share with API errors. */
const NEGATIVES = [
  '{"level":50,"msg":"own api failed","code":"NotFound","requestId":"9f1c2b3a-1111-4222-8333-444455556666"}',
  '{"level":50,"err":{"message":"read ECONNRESET","code":"ECONNRESET"},"msg":"db down"}',
  'GET /api/topics 200 12ms requestId=2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b',
  'retryable codes: [RequestLimitExceeded, InternalError] loaded',
  'TypeError: Cannot read properties of undefined (reading \'code\')',
  'mqtt connect ok client=truck-0042 traceId=4d5e6f70-8192-4a3b-8c4d-5e6f708192a3',
  'response code: 200 OK',
  'Error: connect ETIMEDOUT 10.0.0.1:443',
];

describe('logger styles beyond the fixture corpus', () => {
  for (const [name, line, expected] of CASES) {
    it(name, () => expect(tagText(line)).toMatchObject(expected));
  }
  for (const line of NEGATIVES) {
    it(`never an event: ${line.slice(0, 60)}`, () => expect(tagText(line).event).toBeNull());
  }
});
