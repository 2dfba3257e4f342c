import { describe, expect, it } from 'vitest';
import { recognize } from '../../src/recognition/recognize.js';
import { builtInContext, tagText } from '../helpers/context.js';

/** S3's documented error bodies: RequestId of 16 upper-case hex digits, HostId an opaque base64 string. */
const S3_JSON = JSON.stringify({
  Code: 'AccessDenied',
  Message: 'Access Denied',
  RequestId: '4442587FB7D0A2F9',
  HostId: 'eftixk72aD6Ap51TnqcoF8eFidJG9Z/2mkiDFu8yU9AS1ed4OpIszj7UDNEHGran',
});
const S3_XML =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The resource you requested does not exist</Message>' +
  '<Resource>/mybucket/myfoto.jpg</Resource><RequestId>4442587FB7D0A2F9</RequestId><HostId>eftixk72aD6Ap51TnqcoF8eFidJG9Z/2mkiDFu8yU9AS1ed4OpIszj7UDNEHGran</HostId></Error>';

function expectOtherCloud(text: string, cloud: string): void {
  const event = tagText(text);
  expect(event, text).toMatchObject({ event: null, vendor: null, code: null, requestId: null, otherCloud: cloud });
}

describe("other clouds' errors are never the vendors'", () => {
  it('an S3 JSON body, whole or in a log line, with a HostId that is no vendor host', () => {
    expectOtherCloud(S3_JSON, 'aws');
    expectOtherCloud(`2026-11-22 09:45:01 ERROR upload failed: ${S3_JSON}`, 'aws');
    expectOtherCloud(JSON.stringify({ level: 50, msg: 'upload failed', err: JSON.parse(S3_JSON) as object }), 'aws');
  });

  it('an S3 body with a code both vendors have (InternalError)', () => {
    expectOtherCloud(S3_JSON.replace('AccessDenied', 'InternalError'), 'aws');
  });

  it("S3's XML error body", () => {
    expectOtherCloud(`PUT failed: ${S3_XML}`, 'aws');
  });

  it('an amazonaws.com host beside a code', () => {
    expectOtherCloud('PUT https://mybucket.s3.us-east-1.amazonaws.com/a.jpg failed: code=SlowDown requestId=4442587FB7D0A2F9', 'aws');
  });

  it('Azure: x-ms-request-id, *.windows.net, its error object', () => {
    const azure = JSON.stringify({ error: { code: 'AuthorizationFailed', message: "The client 'x' does not have authorization to perform action 'Microsoft.Compute/virtualMachines/read'." } });
    expectOtherCloud(`2026-11-22T09:45:01Z ERROR x-ms-request-id: 6c1b9e27-1f6e-4b1f-9a3c-2c8d1e0f4a61 ${azure}`, 'azure');
    expectOtherCloud(`GET https://acct.blob.core.windows.net/c/b failed: ErrorCode=BlobNotFound RequestId=6c1b9e27-1f6e-4b1f-9a3c-2c8d1e0f4a61`, 'azure');
  });

  it("Google: googleapis.com, and its error body's status", () => {
    const google = JSON.stringify({ error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' } });
    expectOtherCloud(google, 'google');
    expectOtherCloud(`POST https://pubsub.googleapis.com/v1/projects/p/topics/t:publish failed: code=PermissionDenied request_id=abcdef0123456789`, 'google');
  });

  it('HostId alone is no Alibaba sign; a HostId naming an Alibaba host still is', () => {
    const alibaba = JSON.stringify({ RequestId: '5E0B1D4A-2C3B-4D5E-8F90-A1B2C3D4E5F6', HostId: 'onsmqtt.cn-hangzhou.aliyuncs.com', Code: 'InstanceNotFound', Message: 'x' });
    expect(tagText(alibaba)).toMatchObject({ event: 'error', vendor: 'alibaba', code: 'InstanceNotFound', otherCloud: null });
  });

  it("a vendor's own sign beside another cloud's keeps the vendor's error", () => {
    const text = `uploading to https://b.s3.amazonaws.com then [TencentCloudSDKError] Code=ResourceNotFound.Topic, Message=x, RequestId=8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f`;
    expect(tagText(text)).toMatchObject({ event: 'error', vendor: 'tencent', code: 'ResourceNotFound.Topic', otherCloud: null });
  });

  it('a record that only mentions another cloud without an error is nothing', () => {
    expect(recognize('GET https://b.s3.amazonaws.com/a.jpg 200 in 12ms', builtInContext())).toMatchObject({ event: null, otherCloud: null });
  });
});

describe('what is not set aside', () => {
  it('an errno beside another cloud is no API error of it', () => {
    const line = JSON.stringify({ level: 50, msg: 'reading the azure credentials file failed', err: { code: 'ENOENT', message: "ENOENT: no such file or directory, open '/etc/azure.json'" } });
    expect(tagText(line)).toMatchObject({ event: null, otherCloud: null });
  });
});
