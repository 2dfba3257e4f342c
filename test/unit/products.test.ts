import { describe, expect, it } from 'vitest';
import { recognize } from '../../src/recognition/recognize.js';
import { builtInContext, tagText } from '../helpers/context.js';

const ALIBABA_ID = '5E0B1D4A-2C3B-4D5E-8F90-A1B2C3D4E5F6';
const TENCENT_ID = '8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

/** Alibaba's OpenAPI error body, with the HostId and Recommend it documents. */
function alibabaBody(code: string, host: string, product: string): string {
  return JSON.stringify({
    RequestId: ALIBABA_ID,
    HostId: host,
    Code: code,
    Message: 'failed',
    Recommend: `https://api.aliyun.com/troubleshoot?q=${code}&product=${product}&requestId=${ALIBABA_ID}`,
  });
}

describe('the product of an error: from the endpoint host', () => {
  it('reads the first DNS label of a vendor API host', () => {
    expect(tagText(alibabaBody('InstanceNotFound', 'onsmqtt.cn-hangzhou.aliyuncs.com', 'OnsMqtt'))).toMatchObject({ vendor: 'alibaba', product: 'onsmqtt' });
    expect(tagText(alibabaBody('InvalidInstanceId.NotFound', 'ecs.cn-hangzhou.aliyuncs.com', 'Ecs'))).toMatchObject({ vendor: 'alibaba', product: 'ecs' });
    expect(tagText(alibabaBody('InvalidInstanceId.NotFound', 'ecs.aliyuncs.com', 'Ecs'))).toMatchObject({ product: 'ecs' });
    const cvm = `2026/11/22 09:45:01 POST https://cvm.tencentcloudapi.com/ failed: [TencentCloudSDKError] Code=InvalidInstanceId.NotFound, Message=The instance does not exist., RequestId=${TENCENT_ID}`;
    expect(tagText(cvm)).toMatchObject({ vendor: 'tencent', code: 'InvalidInstanceId.NotFound', product: 'cvm' });
    const mqtt = `POST https://mqtt.tencentcloudapi.com/ [TencentCloudSDKError] Code=ResourceNotFound.Topic, Message=topic not found, RequestId=${TENCENT_ID}`;
    expect(tagText(mqtt)).toMatchObject({ vendor: 'tencent', product: 'mqtt' });
  });

  it('knows the hosts that are exceptions: object storage buckets', () => {
    const oss = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><RequestId>5C3D9175B6FC201293AD4890</RequestId><HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId><Key>example.txt</Key></Error>`;
    expect(tagText(`GET failed: ${oss}`)).toMatchObject({ event: 'error', vendor: 'alibaba', code: 'NoSuchKey', requestId: '5C3D9175B6FC201293AD4890', product: 'oss' });
    const region = `<Error><Code>AccessDenied</Code><Message>x</Message><RequestId>5C3D9175B6FC201293AD4890</RequestId><HostId>oss-cn-hangzhou.aliyuncs.com</HostId></Error>`;
    expect(tagText(region)).toMatchObject({ vendor: 'alibaba', product: 'oss' });
    const pop = 'AccessDeniedError: You have no right to access this object., URL: https://examplebucket.oss-cn-hangzhou.aliyuncs.com/a.txt';
    expect(tagText(pop)).toMatchObject({ vendor: 'alibaba', product: 'oss' });
  });

  it('reads the COS XML body as Tencent COS', () => {
    const cos =
      "<?xml version='1.0' encoding='utf-8' ?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>" +
      '<Resource>examplebucket-1250000000.cos.ap-beijing.myqcloud.com/exampleobject</Resource>' +
      '<RequestId>NjA4YTk2MmVfYTQzNjJhMDlfMmFkMDdfMzQ4N2Jh</RequestId><TraceId>OGVmYzZiMmQ3YjRhZTY5YTc4</TraceId></Error>';
    expect(tagText(`cos getObject failed: ${cos}`)).toMatchObject({
      event: 'error',
      vendor: 'tencent',
      code: 'NoSuchKey',
      requestId: 'NjA4YTk2MmVfYTQzNjJhMDlfMmFkMDdfMzQ4N2Jh',
      product: 'cos',
    });
  });
});

describe('the product of an error: from the SDK client', () => {
  it('reads Tencent SDK package paths and client names', () => {
    const python = [
      'Traceback (most recent call last):',
      '  File "/app/sync.py", line 12, in main',
      '  File "/usr/lib/python3/site-packages/tencentcloud/cvm/v20170312/cvm_client.py", line 1050, in DescribeInstances',
      '  File "/usr/lib/python3/site-packages/tencentcloud/common/abstract_client.py", line 300, in call_json',
      `tencentcloud.common.exception.tencent_cloud_sdk_exception.TencentCloudSDKException: [TencentCloudSDKException] code:AuthFailure.SignatureExpire message:Signature expired. requestId:${TENCENT_ID}`,
    ].join('\n');
    expect(tagText(python)).toMatchObject({ vendor: 'tencent', code: 'AuthFailure.SignatureExpire', product: 'cvm' });
    const node = `Error: [TencentCloudSDKException]message:topic not found  requestId:${TENCENT_ID}\n    at MqttClient.request (/app/node_modules/tencentcloud-sdk-nodejs/tencentcloud/services/mqtt/v20240516/mqtt_client.js:40:11)`;
    expect(tagText(node)).toMatchObject({ vendor: 'tencent', product: 'mqtt' });
  });

  it('reads Alibaba SDK packages', () => {
    const tea = `Error: InstanceNotFound: code: 400, Failed to find the instance. request id: ${ALIBABA_ID}\n    at Client.doRPCRequest (/app/node_modules/@alicloud/onsmqtt20200420/dist/client.js:220:19)`;
    expect(tagText(tea)).toMatchObject({ vendor: 'alibaba', product: 'onsmqtt' });
    const python = `  File "/app/node.py", line 3, in <module>\n    from aliyunsdkonsmqtt.request.v20200420 import ApplyTokenRequest\naliyunsdkcore.acs_exception.exceptions.ServerException: HTTP Status: 400 Error:ApplyTokenOverFlow You have applied for tokens too many times. RequestID: ${ALIBABA_ID}`;
    expect(tagText(python)).toMatchObject({ vendor: 'alibaba', code: 'ApplyTokenOverFlow', product: 'onsmqtt' });
    const java = `com.aliyun.tea.TeaException: code: 400, Failed to find the instance. request id: ${ALIBABA_ID}\n\tat com.aliyun.onsmqtt20200420.Client.listGroupIdWithOptions(Client.java:512)`;
    expect(tagText(java)).toMatchObject({ vendor: 'alibaba', product: 'onsmqtt' });
  });
});

describe('the product of an error: from the action, the body, or nothing', () => {
  it('takes an action the catalog lists for its product', () => {
    expect(tagText(`CreateGroupId failed: Action=CreateGroupId ${alibabaBody('GroupIdAlreadyExsited', 'x', 'y').replace(/"HostId":"x",/, '')}`)).toMatchObject({
      product: 'onsmqtt',
    });
    const tencent = JSON.stringify({ level: 50, action: 'DescribeClientList', err: { Response: { Error: { Code: 'InternalError', Message: 'x' }, RequestId: TENCENT_ID } } });
    expect(tagText(tencent)).toMatchObject({ vendor: 'tencent', product: 'mqtt' });
  });

  it("takes an Alibaba body's Recommend URL when its HostId names no product", () => {
    const body = JSON.parse(alibabaBody('InvalidInstanceId.NotFound', 'x', 'Ecs')) as Record<string, unknown>;
    delete body['HostId'];
    expect(tagText(JSON.stringify(body))).toMatchObject({ vendor: 'alibaba', product: 'ecs' });
  });

  it('is null when nothing in the record says', () => {
    const body = JSON.stringify({ Response: { Error: { Code: 'ResourceNotFound.Topic', Message: 'x' }, RequestId: TENCENT_ID } });
    expect(tagText(body)).toMatchObject({ vendor: 'tencent', product: null });
    expect(tagText('GET /healthz 200').product).toBeNull();
  });
});

describe('codes of another product of the vendor', () => {
  const cvm = (code: string): string =>
    `POST https://cvm.tencentcloudapi.com/ [TencentCloudSDKError] Code=${code}, Message=failed, RequestId=${TENCENT_ID}`;

  it('a Tencent Cloud API 3.0 common code is catalogued for every Tencent product', () => {
    expect(tagText(cvm('AuthFailure.SignatureExpire'))).toMatchObject({ product: 'cvm', catalogued: true, category: 'auth', section: 'common' });
    expect(tagText(cvm('RequestLimitExceeded'))).toMatchObject({ product: 'cvm', catalogued: true, category: 'throttling' });
  });

  it("an API-specific code of TDMQ for MQTT does not describe another product's", () => {
    expect(tagText(cvm('FailedOperation.InstanceNotReady'))).toMatchObject({ product: 'cvm', catalogued: false, parent: 'FailedOperation' });
    expect(tagText(cvm('InvalidInstanceId.NotFound'))).toMatchObject({ product: 'cvm', catalogued: false, parent: null, category: 'unknown' });
  });
});

describe('the product hints are data', () => {
  it('compiles every host and marker of the built-in catalog', () => {
    const rules = builtInContext().products;
    expect(rules.catalogProducts).toEqual(new Map([['alibaba', 'onsmqtt'], ['tencent', 'mqtt']]));
    expect(rules.hosts.length).toBeGreaterThan(5);
    expect(rules.markers.length).toBeGreaterThan(10);
  });

  it('leaves the first recognition of recognize() as it was', () => {
    const body = alibabaBody('InstanceNotFound', 'onsmqtt.cn-hangzhou.aliyuncs.com', 'OnsMqtt');
    expect(recognize(body, builtInContext())).toMatchObject({ event: 'error', code: 'InstanceNotFound', requestId: ALIBABA_ID, product: 'onsmqtt', otherCloud: null });
  });
});

describe('user catalogs add product hints', () => {
  it('a known product with its own hosts and markers', async () => {
    const { loadCatalog } = await import('../../src/catalog/load-catalog.js');
    const { createRecognitionContext } = await import('../../src/recognition/recognition-context.js');
    const ctx = createRecognitionContext(loadCatalog(['fixtures/catalogs/products.yaml']));
    const text = `ckafka_admin_client: [TencentCloudSDKError] Code=InternalError, Message=x, RequestId=${TENCENT_ID}`;
    expect(recognize(text, ctx)).toMatchObject({ vendor: 'tencent', product: 'ckafka' });
    expect(recognize(`POST https://kafka-gw.gz.example.internal/ ${text.slice(text.indexOf('['))}`, ctx)).toMatchObject({ product: 'ckafka' });
    // The built-in hints are kept beside the user's.
    expect(ctx.products.catalogProducts.get('tencent')).toBe('mqtt');
    expect(ctx.products.sharedSections.get('tencent')).toEqual(new Set(['common', 'client']));
  });
});

describe("COS's RequestIds", () => {
  it('keep their base64 padding, in the XML body and in an SDK error object', () => {
    const id = 'OTc0YTZmYjNfM2VhMzM4NjFfNTA1MDBfNWRkMmRjYg==';
    const xml = `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n\t<Code>NoSuchKey</Code>\n\t<Message>The specified key does not exist.</Message>\n\t<Resource>b-1250000000.cos.ap-guangzhou.myqcloud.com/k</Resource>\n\t<RequestId>${id}</RequestId>\n\t<TraceId>OGVmYzZiMmQ3YjRhZTY5YTc4</TraceId>\n</Error>`;
    expect(tagText(xml)).toMatchObject({ vendor: 'tencent', code: 'NoSuchKey', requestId: id, product: 'cos' });
    const inspected = `{\n  statusCode: 404,\n  code: 'NoSuchKey',\n  RequestId: '${id}',\n  message: 'The specified key does not exist.'\n} https://b-1250000000.cos.ap-guangzhou.myqcloud.com/k`;
    expect(tagText(inspected)).toMatchObject({ requestId: id, product: 'cos' });
  });
});
