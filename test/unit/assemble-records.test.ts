import { describe, expect, it } from 'vitest';
import { RecordAssembler } from '../../src/records/assemble-records.js';
import type { LogRecord } from '../../src/types.js';

function assemble(text: string): string[] {
  const records: LogRecord[] = [];
  const assembler = new RecordAssembler('t', (r) => records.push(r));
  text.split('\n').forEach((line, i) => assembler.push(line, i + 1, null));
  assembler.flush();
  return records.map((r) => `${r.line}:${r.text.split('\n').length}`);
}

describe('record assembly', () => {
  it('keeps a Java stack trace with its log line, Caused by and frames-omitted lines', () => {
    const text = [
      '2026-11-22 09:45:02.311 ERROR [main] c.e.App - DeleteTopic failed',
      'com.tencentcloudapi.common.exception.TencentCloudSDKException: [TencentCloudSDKException]code: InternalError message:x requestId:y',
      '\tat com.tencentcloudapi.common.AbstractClient.internalRequest(AbstractClient.java:310)',
      'Caused by: java.net.SocketTimeoutException: Read timed out',
      '\tat java.base/java.net.SocketInputStream.read(SocketInputStream.java:168)',
      '\t... 12 more',
      '2026-11-22 09:45:03.000 INFO [main] c.e.App - next',
    ].join('\n');
    expect(assemble(text)).toEqual(['1:6', '7:1']);
  });

  it('keeps a Python traceback and its final exception line with the log line', () => {
    const text = [
      '2026-11-22 09:44:36,002 ERROR app: failed',
      'Traceback (most recent call last):',
      '  File "/app/a.py", line 1, in <module>',
      '    f()',
      'tencentcloud.common.exception.tencent_cloud_sdk_exception.TencentCloudSDKException: [TencentCloudSDKException] code:InternalError message:x requestId:y',
      '2026-11-22 09:44:37,000 INFO app: ok',
    ].join('\n');
    expect(assemble(text)).toEqual(['1:5', '6:1']);
  });

  it('keeps chained Python tracebacks together', () => {
    const text = [
      'Traceback (most recent call last):',
      '  File "a.py", line 1',
      'KeyError: 1',
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "a.py", line 3',
      'ValueError: 2',
      'next line',
    ].join('\n');
    expect(assemble(text)).toEqual(['1:9', '10:1']);
  });

  it('keeps a loguru traceback whole: blank lines between frames, the catching frame marked `>`', () => {
    const text = [
      '2026-11-22 09:56:02.417 | ERROR    | app.topics:sync:26 - describe topic failed',
      'Traceback (most recent call last):',
      '',
      '  File "/usr/lib/python3.11/threading.py", line 995, in _bootstrap',
      '    self._bootstrap_inner()',
      '    -> <function Thread._bootstrap_inner at 0x7fa5ebc2f4c0>',
      '',
      '> File "/srv/mqtt-ops/app/topics.py", line 24, in sync',
      '    describe_topic(client, "fleet/telemetry", answers[0])',
      '',
      '  File "/srv/site-packages/tencentcloud/common/abstract_client.py", line 14, in _check_error',
      '    raise TencentCloudSDKException(code, message, reqid)',
      '',
      'tencentcloud.common.exception.tencent_cloud_sdk_exception.TencentCloudSDKException: [TencentCloudSDKException] code:X message:y requestId:z',
      '2026-11-22 09:56:03.120 | INFO     | app.topics:sync:30 - next',
    ].join('\n');
    expect(assemble(text)).toEqual(['1:14', '15:1']);
    // A `>` line outside a traceback is no frame: the traceback's end is still its exception line.
    expect(assemble(['Traceback (most recent call last):', '  File "a.py", line 1', 'KeyError: 1', '', '> File "b.py"', 'next'].join('\n'))).toEqual(['1:4', '5:1', '6:1']);
  });

  it('groups the unindented fields of a Go SDK.ServerError', () => {
    const text = [
      '2026/11/22 09:45:01 SDK.ServerError',
      'ErrorCode: InstanceNotFound',
      'Recommend: https://api.aliyun.com/troubleshoot?q=InstanceNotFound',
      'RequestId: 9C2D8E4F-1A2B-4C3D-8E9F-0A1B2C3D4E5F',
      'Message: Failed to find the instance.',
      'RespHeaders: map[]',
      '2026/11/22 09:45:02 next',
    ].join('\n');
    expect(assemble(text)).toEqual(['1:6', '7:1']);
  });

  it('groups a util.inspect block with its properties and closing brace', () => {
    const text = [
      'Error: The topic does not exist.',
      '    at Client.request (/app/node_modules/x.js:1:1) {',
      "  requestId: '6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61',",
      "  code: 'ResourceNotFound.Topic'",
      '}',
      '{"level":30,"msg":"next"}',
    ].join('\n');
    expect(assemble(text)).toEqual(['1:5', '6:1']);
  });

  it('joins the RequestId line that aliyun-java-sdk-core puts after a CRLF', () => {
    const text = [
      'com.aliyuncs.exceptions.ClientException: InstanceNotFound : Failed to find the instance.',
      'RequestId : 9C2D8E4F-1A2B-4C3D-8E9F-0A1B2C3D4E5F',
      '\tat com.aliyuncs.DefaultAcsClient.parseAcsResponse(DefaultAcsClient.java:258)',
      'com.aliyuncs.exceptions.ClientException: InstanceNotFound : again',
      '\tat x',
    ].join('\n');
    expect(assemble(text)).toEqual(['1:3', '4:2']);
  });

  it('never joins two single-line log entries', () => {
    expect(assemble('a\nb\n{"x":1}\n2026-11-22 x')).toEqual(['1:1', '2:1', '3:1', '4:1']);
  });
});
