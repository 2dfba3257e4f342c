import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/types.js';
import { recognize } from '../../src/recognition/recognize.js';
import { builtInContext, tagText } from '../helpers/context.js';

const catalog = builtInContext().catalog;
const TENCENT_ID = 'ed93f3cb-f35e-473f-b9f3-0d451b8b79c6';
const ALIBABA_ID = '5E0B1D4A-2C3B-4D5E-8F90-A1B2C3D4E5F6';

/** A concrete code for an entry: a pattern entry stands for any suffix. */
function concrete(entry: CatalogEntry): string {
  return entry.code.replace('%s', 'GroupId');
}

function tencentBody(entry: CatalogEntry): object {
  return { Response: { Error: { Code: concrete(entry), Message: entry.message ?? 'failed' }, RequestId: TENCENT_ID } };
}

function alibabaBody(entry: CatalogEntry): object {
  const code = concrete(entry);
  return {
    RequestId: ALIBABA_ID,
    HostId: 'onsmqtt.cn-hangzhou.aliyuncs.com',
    Code: code,
    Message: entry.message ?? 'failed',
    Recommend: `https://api.aliyun.com/troubleshoot?q=${code}&product=OnsMqtt&requestId=${ALIBABA_ID}`,
  };
}

/** The documented XML error body (the OpenAPI's default format), the RequestId and HostId before the Code. */
function alibabaXmlBody(entry: CatalogEntry): string {
  const code = concrete(entry);
  return (
    `<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>${ALIBABA_ID}</RequestId><HostId>onsmqtt.cn-hangzhou.aliyuncs.com</HostId>` +
    `<Code>${code}</Code><Message>${entry.message ?? 'failed'}</Message>` +
    `<Recommend><![CDATA[https://api.aliyun.com/troubleshoot?q=${code}&product=OnsMqtt&requestId=${ALIBABA_ID}]]></Recommend></Error>`
  );
}

/** The XML body on its message's line, pretty-printed (as minidom's toprettyxml writes it) and in a JSON line's field. */
function xmlShapes(xml: string): [string, string][] {
  const pretty = xml.replace(/></g, '>\n  <').replace("?>\n  <Error>", '?>\n<Error>').replace('\n  </Error>', '\n</Error>');
  return [
    ['XML on a text line', `2026-11-22 09:44:34,085 ERROR mqtt.admin: GET /?Action=QueryToken -> 400 ${xml}`],
    ['XML pretty-printed', pretty],
    ['XML in a JSON field', JSON.stringify({ level: 'error', message: 'request failed', body: xml })],
  ];
}

/** The documented body, whole, embedded in a text line, nested in a pino line, and as a JSON string in a field. */
function shapes(body: object): [string, string][] {
  const json = JSON.stringify(body);
  return [
    ['whole body', json],
    ['embedded in a text line', `2026-11-22 09:44:34,085 ERROR mqtt.admin: request failed: ${json}`],
    ['nested in a pino line', JSON.stringify({ level: 50, time: 1795340674085, msg: 'request failed', res: { statusCode: 200, body } })],
    ['stringified in a winston field', JSON.stringify({ level: 'error', message: 'request failed', body: json })],
  ];
}

describe('every catalog code in every documented body shape', () => {
  for (const entry of catalog.entries()) {
    if (entry.clientSide) continue;
    const body = entry.vendor === 'tencent' ? tencentBody(entry) : alibabaBody(entry);
    const requestId = entry.vendor === 'tencent' ? TENCENT_ID : ALIBABA_ID;
    const texts = entry.vendor === 'tencent' ? shapes(body) : [...shapes(body), ...xmlShapes(alibabaXmlBody(entry))];
    it(`${entry.vendor} ${entry.code}`, () => {
      for (const [shape, text] of texts) {
        const event = tagText(text);
        expect(event, `${entry.code} ${shape}`).toMatchObject({
          event: 'error',
          vendor: entry.vendor,
          code: concrete(entry),
          requestId,
          category: entry.category,
          httpStatus: entry.httpStatus,
          section: entry.sections.join(',') || null,
          retryable: entry.retryable,
          catalogued: true,
        });
      }
    });
  }
});

describe('success responses', () => {
  it('counts a Tencent Response with a RequestId and no Error as a success', () => {
    const event = tagText('{"Response":{"TotalCount":0,"InstanceStatusSet":[],"RequestId":"b5b41468-520d-4192-b42f-595cc34b6c1c"}}');
    expect(event).toMatchObject({ event: 'success', vendor: 'tencent', requestId: 'b5b41468-520d-4192-b42f-595cc34b6c1c', code: null });
  });

  it('counts an Alibaba body with a RequestId and no Code as a success', () => {
    const event = tagText(`resp={"RequestId":"${ALIBABA_ID}","Success":true,"Data":{"Token":"x"}}`);
    expect(event).toMatchObject({ event: 'success', vendor: 'alibaba', requestId: ALIBABA_ID });
  });

  it('counts an Alibaba answer in XML, its RequestId first and no Error, as a success', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<QueryTokenResponse>\n  <RequestId>${ALIBABA_ID}</RequestId>\n  <TokenStatus>true</TokenStatus>\n</QueryTokenResponse>`;
    expect(tagText(`QueryToken answered:\n${xml}`)).toMatchObject({ event: 'success', vendor: 'alibaba', requestId: ALIBABA_ID, code: null });
  });

  it("does not take AWS's XML answers, whose RequestId is in ResponseMetadata or spelled requestId, for successes", () => {
    const query = '<SendMessageResponse><SendMessageResult><MessageId>5fea7756</MessageId></SendMessageResult><ResponseMetadata><RequestId>27daac76-34dd-47df-bd01-1f6e873584a0</RequestId></ResponseMetadata></SendMessageResponse>';
    const ec2 = '<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>8f7724cf-496f-496e-8fe3-example</requestId></DescribeInstancesResponse>';
    expect(tagText(query).event).toBeNull();
    expect(tagText(ec2).event).toBeNull();
  });

  it("reads an XML error body's message, its entities decoded", () => {
    const xml = `<Error><RequestId>${ALIBABA_ID}</RequestId><HostId>onsmqtt.cn-hangzhou.aliyuncs.com</HostId><Code>Forbidden.RAM</Code><Message>this API doesn&apos;t support RAM &amp; STS</Message></Error>`;
    expect(recognize(xml, builtInContext())).toMatchObject({ event: 'error', code: 'Forbidden.RAM', messages: ["this API doesn't support RAM & STS"] });
  });

  it('does not take an application request id for an API response', () => {
    expect(tagText('{"level":30,"requestId":"9f1c2b3a-1111-4222-8333-444455556666","msg":"GET /healthz 200"}').event).toBeNull();
  });
});

describe('audit trails’ events (ActionTrail)', () => {
  const event = (fields: object): string =>
    JSON.stringify({ eventId: 'A5A4BB74-EFBC-5D8B-BD8A-1B9131429438', eventSource: 'onsmqtt.cn-hangzhou.aliyuncs.com', eventType: 'ApiCall', eventName: 'CreateGroupId', eventTime: '2026-11-22T01:44:35Z', requestId: ALIBABA_ID, serviceName: 'OnsMqtt', ...fields });

  it('reads an event with an error code as that API error, its eventName the action, its eventSource the product', () => {
    expect(tagText(event({ errorCode: 'GroupIdAlreadyExsited', errorMessage: 'The specified GroupId already exists.' }))).toMatchObject({ event: 'error', vendor: 'alibaba', code: 'GroupIdAlreadyExsited', requestId: ALIBABA_ID, action: 'CreateGroupId', product: 'onsmqtt' });
    // Another product's code, uncatalogued, is still that product's error, vouched for by its host.
    expect(tagText(event({ eventSource: 'ecs.aliyuncs.com', eventName: 'DescribeInstances', errorCode: 'InvalidInstanceId.NotFound', serviceName: 'Ecs' }))).toMatchObject({ event: 'error', vendor: 'alibaba', code: 'InvalidInstanceId.NotFound', product: 'ecs', action: 'DescribeInstances' });
  });

  it('reads an event without one as a call that succeeded', () => {
    expect(tagText(event({ eventName: 'ListGroupId' }))).toMatchObject({ event: 'success', vendor: 'alibaba', requestId: ALIBABA_ID, action: 'ListGroupId', code: null });
  });

  it('takes an eventName for the action, and a requestId for a success, only beside an eventSource', () => {
    const app = JSON.stringify({ level: 30, eventName: 'CreateGroupId', requestId: ALIBABA_ID, msg: 'done' });
    expect(tagText(app).event).toBeNull();
    expect(tagText(JSON.stringify({ level: 50, eventName: 'UserSignedUp', code: 'InstanceNotFound', requestId: ALIBABA_ID })).action).toBeNull();
  });
});

describe('vendor attribution', () => {
  it('reports vendor null for a code both vendors have when nothing else says which', () => {
    const event = tagText('2026-11-22 10:00:00 ERROR worker: code=InternalError');
    expect(event).toMatchObject({ event: 'error', vendor: null, code: 'InternalError', category: 'server', httpStatus: null });
  });

  it('attributes the shared InternalError by the RequestId case and the body shape', () => {
    expect(tagText(`code=InternalError RequestId=${TENCENT_ID}`).vendor).toBe('tencent');
    expect(tagText(`code=InternalError RequestId=${ALIBABA_ID}`).vendor).toBe('alibaba');
    expect(tagText(JSON.stringify({ Response: { Error: { Code: 'InternalError', Message: 'x' }, RequestId: 'abcdefgh12' } })).vendor).toBe('tencent');
  });

  it('attributes a code only one vendor has to that vendor', () => {
    expect(tagText('code=ApplyTokenOverFlow').vendor).toBe('alibaba');
    expect(tagText('code=AuthFailure.SignatureExpire').vendor).toBe('tencent');
  });

  it('accepts the earlier HTTP status of a re-mapped code as a sign of the vendor', () => {
    expect(tagText('StatusCode: 500 code=InternalError').vendor).toBe('alibaba');
    expect(tagText('StatusCode: 417 code=InternalError').vendor).toBe('alibaba');
  });
});
