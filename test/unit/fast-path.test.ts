import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunksOf, scanFastPath, scanFullPath, type PathOptions } from '../helpers/both-paths.js';
import { fixtureFiles } from '../helpers/fixture-files.js';

async function expectSamePaths(bytes: Buffer, chunkSize: number, options: PathOptions = {}): Promise<void> {
  const chunks = chunksOf(bytes, chunkSize);
  const full = await scanFullPath(chunks, options);
  const fast = scanFastPath(chunks, options);
  expect(fast.summary).toEqual(full.summary);
  expect(fast.events).toEqual(full.events);
  expect(fast.tag).toBe(full.tag);
}

describe('the fast path gives the full path’s results', () => {
  for (const [name, bytes] of fixtureFiles()) {
    it(`on ${name}, however it is chunked`, async () => {
      for (const size of [bytes.length || 1, 4096, 61, 1]) await expectSamePaths(bytes, size);
    });
    it(`on ${name}, without unwrapping and with short lines cut`, async () => {
      await expectSamePaths(bytes, 1000, { unwrap: false });
      await expectSamePaths(bytes, 37, { maxLineBytes: 80 });
    });
    it(`on ${name}, with the gate's regular expression instead of its WebAssembly search`, async () => {
      await expectSamePaths(bytes, 4096, { wasm: false });
    });
  }

  const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
  const cases: [string, Buffer][] = [
    ['a code key spelled with separators', utf8('{"level":50,"time":1795340674085,"err":{"c_o_d_e":"ResourceNotFound.Topic","r-e-q-u-e-s-t-i-d":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61"}}\n')],
    ['a code spelled with \\u escapes', utf8('{"level":50,"time":1,"msg":"\\u0063ode=ResourceNotFound.Topic \\u0072equestId=6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61"}\n')],
    ['duplicate and nested time keys', utf8('{"time":1795340670001,"a":{"time":5},"time":1795340670002}\n{"Time":"2026-11-22T09:44:34Z","ts":1}\n{"timeUnixNano":"1795340670001000000","level":30}\n')],
    ['a time key that is a value', utf8('{"level":30,"unit":"time","msg":"x"}\n{"level":30,"time":"not a time","ts":1795340670001}\n')],
    ['invalid JSON beside valid JSON', utf8('{"level":30,"time":1795340670001,}\n{"level":30,"time":1795340670001}\n{"a":01}\n')],
    [
      'code fields written as dotted paths and named by key/value lists',
      utf8(
        '{"@timestamp":"2026-11-22T09:44:34Z","log.level":"error","message":"failed","error.code":"InstanceNotFound","http.request.id":"5B8A1C2D-3E4F-5A6B-7C8D-9E0F1A2B3C4D"}\n' +
          '{"time":"2026-11-22T09:44:35Z","msg":"failed","attributes":[{"key":"error.code","value":{"stringValue":"Throttling.User"}},{"key":"request_id","value":{"stringValue":"0C9A1B2C-3D4E-5F60-7182-93A4B5C6D7E8"}}]}\n' +
          '{"time":"2026-11-22T09:44:36Z","msg":"ok","attributes":[{"key":"code.function","value":{"stringValue":"sync"}}]}\n' +
          '{"level":50,"time":1795340670001,"msg":"failed","error":[{"name":"code","value":"InstanceNotFound"},{"name":"requestId","value":"5B8A1C2D-3E4F-5A6B-7C8D-9E0F1A2B3C4D"}]}\n',
      ),
    ],
    ['a status code beside an error-free message', utf8('{"level":30,"time":1795340670001,"res":{"statusCode":200},"msg":"request completed"}\n')],
    ['a quiet line that a stack frame continues', utf8('2026-11-22 09:44:36,002 INFO app: calling\n\tat com.example.App.main(App.java:10)\n2026-11-22 09:44:37,002 INFO app: done\n')],
    ['a quiet line followed by a Python traceback', utf8('2026-11-22 09:44:36,002 INFO app: retrying\nTraceback (most recent call last):\n  File "a.py", line 1\nValueError: x\n')],
    ['a CRI partial line between quiet lines', utf8('2026-11-22 09:44:36,002 INFO a\n2026-11-22T09:44:34.085Z stderr P {"level":50,"code":"Intern\n2026-11-22 09:44:36,003 INFO b\n2026-11-22T09:44:34.086Z stderr F alError","requestId":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61"}\n')],
    ['records of two streams still open after a quiet line at the end', utf8('2026-11-22T09:44:34.085Z stderr P a\n2026-11-22 09:44:36,002 INFO quiet\n2026-11-22T09:44:34.086Z stdout F b\n2026-11-22T09:44:34.087Z stderr F c\n')],
    ['lines ending in caused by:, quiet or not, and the lines they take along', utf8('2026-11-22 09:44:36,002 INFO app: gave up, caused by:\n2026-11-22 09:44:36,003 INFO app: pool exhausted\n2026-11-22 09:44:37,000 ERROR app: failed, Caused by: \n{"level":30,"time":1795340670001,"msg":"next"}\n2026-11-22 09:44:38,000 INFO app: after\n')],
    ['a byte order mark, CRLF and a bare CR', utf8('\ufeff{"level":30,"time":1795340670001}\r\n2026-11-22 09:44:36,002 INFO a\r\n\r\n{"level":30}\r')],
    [
      'invalid UTF-8 and a replacement character',
      Buffer.concat([utf8('2026-11-22 09:44:36,002 INFO caf'), Buffer.from([0xe9, 0x0a]), utf8('2026-11-22 09:44:36,003 INFO \ufffd ok\n{"msg":"été","time":1795340670001}\n')]),
    ],
    ['a time that the next line could extend', utf8('2026-11-22 09:44:36\n+0800 x\n2026-11-22 09:44:36,5\nZ\n')],
    [
      'lines led by a time stamp alone (kubectl --timestamps, winston, log4j2), quiet and continued',
      utf8('2026-11-22T09:44:34.085Z INFO [main] c.e.App - ready\n2026-11-22T09:44:34.086Z 2026-11-22 09:44:30,112 INFO own time\n2026-11-22T09:44:35.000000001+08:00 INFO calling\n2026-11-22T09:44:35.002Z \tat com.example.App.main(App.java:10)\n2026-11-22T09:44:36Z INFO gave up, caused by:\n2026-11-22T09:44:37Z INFO pool\n\ufeff\n'),
    ],
    [
      'times of day alone (log4j2, Serilog, Go’s Kitchen), bare and after a wrapper’s stamp, and their look-alikes',
      utf8('09:44:30.000 [main] INFO  c.e.App - ready\n[09:44:31 INF] ok\n9:44AM INF ok\n2026-11-22T09:44:32.5Z 09:44:32.000 [main] INFO  c.e.App - stamped\n2026-11-22T09:44:33Z [09:44:33 INF] stamped\n2026-11-22T09:44:34Z 9:44AM INF stamped\n09:44 x\n25:00:00 x\n[09:44:35x\n13:05PM x\n'),
    ],
    [
      'Grafana’s downloaded rows, newest first, beside Fluentd’s out_file lines and their look-alikes',
      utf8('Common labels: {"app":"mqtt-admin"}\n\n\n1795340674087\t2026-11-22T09:44:34.087Z\t\tat com.example.App.main(App.java:10)\n1795340674086\t2026-11-22T09:44:34.086Z\tcom.tencentcloudapi.common.exception.TencentCloudSDKException: [TencentCloudSDKException]code: InternalError message:x requestId:6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61\n1795340674085\t2026-11-22T09:44:34.085Z\t2026-11-22 09:44:34.085 ERROR failed\n2026-11-22 17:44:34.085\t2026-11-22 09:44:34.085 INFO ok\n2026-11-22T18:00:00+08:00\tkube.var.log\t{"log":"ok\\n","stream":"stdout"}\n2026-11-22 09:44:34\tx\n1795340674085\tx\n12345\t2026\n'),
    ],
    [
      'Chinese labels and field names, beside lines that only look like them',
      utf8('{"level":50,"time":1795340670001,"msg":"调用失败","错误码":"ResourceNotFound.Topic","请求ID":"3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b"}\n{"level":30,"time":1795340670002,"msg":"完成","错误":"无"}\n2026-11-22 09:44:36,002 ERROR 调用失败，错误码：InstanceNotFound，请求ID：5B8A1C2D-3E4F-5A6B-7C8D-9E0F1A2B3C4D\n2026-11-22 09:44:36,003 INFO 推送完成，错误码：0\n2026-11-22 09:44:36,004 INFO 请求完成\n'),
    ],
    [
      'Fluent Bit’s stdout events, their lines run on to a tail, beside look-alikes',
      utf8('[0] kube.var.log.containers.api-1_iot_api-0a1b.log: [[1795340674.085000000, {}], {"log"=>"2026-11-22 09:44:34.085 ERROR failed\n", "stream"=>"stderr"}]\n[1] kube.var.log.containers.api-1_iot_api-0a1b.log: [[1795340674.086000000, {}], {"log"=>"com.tencentcloudapi.common.exception.TencentCloudSDKException: [TencentCloudSDKException]code: InternalError message:x requestId:6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61\n", "stream"=>"stderr", "time"=>"2026-11-22T09:44:34.086Z"}]\n[2] kube.var.log.containers.api-1_iot_api-0a1b.log: [[1795340674.087000000, {}], {"log"=>"\tat com.example.App.main(App.java:10)\n", "stream"=>"stderr"}]\n[0] kube.var.log.containers.api-1_iot_api-0a1b.log: [[1795340675.000000000, {}], {"log"=>"2026-11-22 09:44:35.000 INFO done", "stream"=>"stdout"}]\n[2026-11-22 09:44:36] app.INFO: x\n", "said she\n'),
    ],
    [
      'Fluent Bit’s stdout events whose text runs on over quiet and loud lines, two tags alternating',
      utf8('[0] app.a: [[1795340674.085000000, {}], {"log"=>"2026-11-22 09:44:34.085 ERROR failed\ncom.tencentcloudapi.common.exception.TencentCloudSDKException: [TencentCloudSDKException]code: InternalError message:x requestId:6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61\n2026-11-22 09:44:30,000 INFO quoted\n\tat com.example.App.main(App.java:10)\n", "stream"=>"stderr"}]\n[0] app.b: [[1795340675.000000000, {}], {"log"=>"2026-11-22 09:44:35.000 INFO b\n2026-11-22 09:44:35,001 INFO b2\n", "stream"=>"stdout"}]\n[0] app.a: [[1795340676.000000000, {}], {"log"=>"\tat x\n", "stream"=>"stderr"}]\n2026-11-22 09:44:37,000 INFO after the last tail\n'),
    ],
    [
      'audit trails’ events, errors and successes, beside application lines with a requestId alone',
      utf8('{"eventSource":"onsmqtt.cn-hangzhou.aliyuncs.com","eventName":"ListGroupId","eventTime":"2026-11-22T01:44:35Z","requestId":"8A3C9E1F-4B2D-4E6A-8C0B-1D2E3F4A5B6C"}\n{"eventSource":"onsmqtt.cn-hangzhou.aliyuncs.com","eventName":"CreateGroupId","eventTime":"2026-11-22T01:44:36Z","requestId":"7A3C9E1F-4B2D-4E6A-8C0B-1D2E3F4A5B6C","errorCode":"GroupIdAlreadyExsited"}\n{"level":30,"time":1795340670003,"requestId":"9A3C9E1F-4B2D-4E6A-8C0B-1D2E3F4A5B6C","msg":"GET /api 200"}\n{"__topic__":"actiontrail_audit_event","event":"{\\"eventSource\\":\\"onsmqtt.cn-hangzhou.aliyuncs.com\\",\\"eventName\\":\\"QueryToken\\",\\"requestId\\":\\"6A3C9E1F-4B2D-4E6A-8C0B-1D2E3F4A5B6C\\"}"}\n'),
    ],
    [
      'journalctl’s short-full and short-unix lines, a stack relayed line by line, beside look-alikes',
      utf8('Sun 2026-11-22 09:44:34 UTC node-1 mqtt-admin[812]: 2026-11-22 09:44:34.085 ERROR failed\nSun 2026-11-22 09:44:34 UTC node-1 mqtt-admin[812]: com.tencentcloudapi.common.exception.TencentCloudSDKException: [TencentCloudSDKException]code: InternalError message:x requestId:6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61\nSun 2026-11-22 09:44:34 UTC node-1 mqtt-admin[812]: \tat com.example.App.main(App.java:10)\n1795340675.000000 node-1 mqtt-admin[812]: 2026-11-22 09:44:35.000 INFO done\n1795340675.000001 node-1 mqtt-admin[812]: \tat x\nSun 2026-11-22 is a date\n1795340675.000000 words here\n'),
    ],
    ['lines that look like log starts but continue a record', utf8('2026-11-22 ERROR x\nCaused by: y\n... 3 more\n}\n2026-11-22 09:00:00 ok\n')],
  ];
  for (const [name, bytes] of cases) {
    it(`on ${name}`, async () => {
      for (const size of [bytes.length, 5, 1]) await expectSamePaths(bytes, size);
    });
  }

  it('on random mixes of log lines, however they are chunked', async () => {
    const line = fc.constantFrom(
      '{"level":30,"time":1795340670001,"pid":1,"hostname":"h","msg":"ready"}',
      '{"level":30,"time":1795340670002,"req":{"method":"GET"},"res":{"statusCode":200},"msg":"request completed"}',
      '{"level":50,"time":1795340674085,"err":{"type":"TencentCloudSDKException","message":"x","requestId":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61","code":"ResourceNotFound.Topic"}}',
      '{"Response":{"TopicList":[],"RequestId":"b5b41468-520d-4192-b42f-595cc34b6c1c"}}',
      '{"level":30,"time":1795340670003,"requestId":"req-5e0b1d4a","msg":"GET /api/topics 200"}',
      '{"level":30,"time":1795340670004,"request_id":"9C2D8E4F-1A2B-4C3D-8E9F-0A1B2C3D4E5F","x-acs-request-id":"9C2D8E4F-1A2B-4C3D-8E9F-0A1B2C3D4E5F","msg":"ok"}',
      '{"RequestId":"9C2D8E4F-1A2B-4C3D-8E9F-0A1B2C3D4E5F","TotalCount":1,"Data":[]}',
      '{"level":50,"time":1795340670005,"requestId":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61","msg":"[TencentCloudSDKException]message:Topic not found requestId:6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61"}',
      '{"level":50,"time":1795340670006,"requestId":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61","err":{"errCode":"InvalidParameter"}}',
      '{"level":50,"time":1795340670007,"err":{"requestId":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61","message":"failed, URL: https://onsmqtt.cn-hangzhou.aliyuncs.com/"}}',
      '{"name":"app","time":"2026-11-22T09:44:34.085Z","msg":"café"}',
      '{"a":[{"b":{"c":{"d":1}}}],"time":1795340670001}',
      '{"msg":"tab\there","time":1}',
      '{"log":"2026-11-22 09:44:30,112 INFO x\\n","stream":"stdout","time":"2026-11-22T09:44:30.112Z"}',
      // Shippers' envelopes, and application lines beside their edges (the envelope is looked for in the keys of the shape walk).
      '{"log":"2026-11-22 09:44:31,000 INFO enveloped\\n","kubernetes":{"pod_name":"api-1","namespace_name":"mq"},"stream":"stdout"}',
      '{"MESSAGE":"[TencentCloudSDKError] Code=InternalError, Message=x, RequestId=8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f","_SYSTEMD_UNIT":"app.service","__REALTIME_TIMESTAMP":"1795340670001000"}',
      '{"body":"2026-11-22 09:44:32 INFO otel","resource":{"k8s.pod.name":"api-2"},"severityText":"INFO"}',
      '{"message":"ready","source_type":"file","host":"node-1","timestamp":"2026-11-22T09:44:33Z"}',
      '{"level":30,"time":1795340670008,"msg":"ok","k8s.pod":"api-3"}',
      '{"level":30,"time":1795340670009,"msg":"ok","SYSLOG_IDENTIFIER":"app"}',
      '{"level":30,"time":1795340670010,"msg"         :"nine spaces","host":"h"}',
      '{"level":30,"time":1795340670011,"msg":"ok","_id":"x"}',
      '{"level":30,"time":1795340670012,"msg":"_underscore value","pid":1}',
      '2026-11-22 09:44:30,112 INFO mqtt.admin: syncing topics',
      '2026-11-22 09:44:35,480 ERROR mqtt.admin: failed: body={"RequestId":"5E0B1D4A-2C3B-4D5E-8F90-A1B2C3D4E5F6","HostId":"onsmqtt.cn-hangzhou.aliyuncs.com","Code":"ApplyTokenOverFlow","Message":"m","Recommend":"r"}',
      '2026/11/22 09:45:00 [TencentCloudSDKError] Code=AuthFailure.SignatureExpire, Message=x, RequestId=8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      '2026/11/22 09:45:01 SDK.ServerError',
      'ErrorCode: InstanceNotFound',
      'RequestId: 9C2D8E4F-1A2B-4C3D-8E9F-0A1B2C3D4E5F',
      'Traceback (most recent call last):',
      '  File "/app/admin.py", line 88, in create_group',
      '\tat com.example.App.main(App.java:10)',
      'com.example.FooThrowable: boom',
      '2026-11-22T09:44:34.085123456Z stdout F 2026-11-22 09:44:30,112 INFO wrapped',
      '2026-11-22T09:44:34.085Z stderr P half a ',
      '[pod/api-1/app] 2026-11-22 09:44:30,112 INFO prefixed',
      '2026-11-22T09:44:34.085Z INFO [main] c.e.App - stamped ready',
      '2026-11-22T09:44:34.086Z 2026-11-22 09:44:30,112 INFO stamped over a logged time',
      '2026-11-22T09:44:34.087+08:00 \tat com.example.App.main(App.java:10)',
      '2026-11-22T09:44:35Z ERROR app: [TencentCloudSDKError] Code=InternalError, Message=x, RequestId=8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      '2026-11-22T09:44:36.1Z error: winston style',
      '2026-11-22T09:44:36.000000001Z Caused by: x',
      '2026-11-22T09:44:37Z {"level":30,"msg":"json after a stamp"}',
      '2026-11-22T09:44:38Z api-1  | compose after a stamp',
      '2026-11-22T09:44:39,5Z not a stamp the unwrapper takes',
      '[main] INFO starting',
      'Nov 22 09:44:30 host app: ok',
      'INFO plain',
      '',
      '   ',
      '}',
      '\ufeff{"time":1}',
    );
    const input = fc.record({ lines: fc.array(line, { maxLength: 30 }), crlf: fc.boolean(), chunk: fc.integer({ min: 1, max: 200 }), max: fc.constantFrom(4 << 20, 60) });
    await fc.assert(
      fc.asyncProperty(input, async ({ lines, crlf, chunk, max }) => {
        const bytes = Buffer.from(lines.join(crlf ? '\r\n' : '\n'), 'utf8');
        await expectSamePaths(bytes, chunk, { maxLineBytes: max });
      }),
      { numRuns: 150 },
    );
  });
});
