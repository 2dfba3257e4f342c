import { describe, expect, it } from 'vitest';
import { recognizeAll } from '../../src/recognition/recognize.js';
import { isEventKey, valueMayMatter } from '../../src/recognition/walk-json.js';
import { builtInContext } from '../helpers/context.js';

const ALIBABA_ID = '5B8A1C2D-3E4F-5A6B-7C8D-9E0F1A2B3C4D';
const TENCENT_ID = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

const found = (value: object): { event: string | null; code: string | null; requestId: string | null }[] =>
  recognizeAll(JSON.stringify(value), builtInContext()).map((r) => ({ event: r.event, code: r.code, requestId: r.requestId }));
const kv = (key: string, value: string): object => ({ key, value: { stringValue: value } });

describe('fields written as paths or key/value lists are read as the nested fields they name', () => {
  it('ECS and Datadog lines with flattened paths', () => {
    const ecs = { '@timestamp': '2026-11-22T09:44:34.085Z', 'log.level': 'error', message: 'DescribeInstance failed', 'error.code': 'InstanceNotFound', 'error.message': 'Specified instance does not exist.', 'http.request.id': ALIBABA_ID };
    expect(found(ecs)).toEqual([{ event: 'error', code: 'InstanceNotFound', requestId: ALIBABA_ID }]);
    const datadog = { status: 'error', message: 'call failed', 'error.kind': 'TencentCloudSDKException', 'error.code': 'ResourceNotFound.Instance', 'error.request_id': TENCENT_ID };
    expect(found(datadog)).toEqual([{ event: 'error', code: 'ResourceNotFound.Instance', requestId: TENCENT_ID }]);
  });

  it('OpenTelemetry attributes and structured bodies as OTLP/JSON writes them', () => {
    const attributes = { timeUnixNano: '1795219202000000000', body: { stringValue: 'call failed' }, attributes: [kv('error.code', 'Throttling.User'), kv('request_id', ALIBABA_ID)] };
    expect(found(attributes)).toEqual([{ event: 'error', code: 'Throttling.User', requestId: ALIBABA_ID }]);
    const body = { timeUnixNano: '1795219202000000000', body: { kvlistValue: { values: [kv('msg', 'call failed'), { key: 'err', value: { kvlistValue: { values: [kv('code', 'Throttling.User'), kv('requestId', ALIBABA_ID)] } } }] } } };
    expect(found(body)).toEqual([{ event: 'error', code: 'Throttling.User', requestId: ALIBABA_ID }]);
  });

  it('fields named in Chinese, as applications for these vendors’ home market name them', () => {
    expect(found({ level: 'error', msg: '调用失败', 错误码: 'ResourceNotFound.Topic', 错误信息: '主题不存在', 请求ID: TENCENT_ID })).toEqual([{ event: 'error', code: 'ResourceNotFound.Topic', requestId: TENCENT_ID }]);
    expect(found({ level: 'error', msg: '调用失败', 错误代码: 'InstanceNotFound', 请求Id: ALIBABA_ID })).toEqual([{ event: 'error', code: 'InstanceNotFound', requestId: ALIBABA_ID }]);
    expect(found({ level: 'info', msg: '完成', 请求ID: TENCENT_ID }).map((r) => r.event)).toEqual([null]);
    expect(isEventKey('错误码')).toBe(true);
  });

  it('a request object’s id is its RequestId', () => {
    expect(found({ level: 50, err: { code: 'InstanceNotFound' }, request: { id: ALIBABA_ID } })).toEqual([{ event: 'error', code: 'InstanceNotFound', requestId: ALIBABA_ID }]);
  });

  it('metadata paths and lists make no event', () => {
    expect(found({ 'k8s.pod.name': 'api-1', 'k8s.container.name': 'code', 'service.name': 'mqtt-admin', message: 'request completed', 'http.request.id': ALIBABA_ID })).toEqual([{ event: null, code: null, requestId: null }]);
    expect(found({ msg: 'ok', attributes: [kv('code.function', 'sync'), kv('code.lineno', '42')], Tags: [{ Key: 'code', Value: 'blue' }] }).map((r) => r.event)).toEqual([null]);
  });

  it('the line gate takes a dotted code key as a key that can make an event, and a value naming a code field as a value that can', () => {
    for (const key of ['error.code', 'attributes.err_code', 'Response.RequestId', 'code']) expect(isEventKey(key)).toBe(true);
    for (const key of ['code.function', 'error.codec', 'request.id', 'k8s.pod.name', '.', 'code.']) expect(isEventKey(key)).toBe(false);
    for (const value of ['error.code', 'ErrorCode', 'err_code']) expect(valueMayMatter(value, builtInContext())).toBe(true);
    for (const value of ['code.function', 'codes', 'error code review', 'request completed']) expect(valueMayMatter(value, builtInContext())).toBe(false);
  });
});

describe('an error object written as its class and message', () => {
  const message = `InstanceNotFound : Failed to find the instance.\r\nRequestId : ${ALIBABA_ID}`;

  it('is read as the runtime prints it, `<class>: <message>` (log4j2’s thrown, ECS’s error.type)', () => {
    const thrown = { level: 'ERROR', message: 'describe failed', thrown: { name: 'com.aliyuncs.exceptions.ClientException', message, extendedStackTrace: [] } };
    expect(found(thrown)).toEqual([{ event: 'error', code: 'InstanceNotFound', requestId: ALIBABA_ID }]);
    const ecs = { 'log.level': 'error', message: 'describe failed', 'error.type': 'com.aliyuncs.exceptions.ClientException', 'error.message': message };
    expect(found(ecs)).toEqual([{ event: 'error', code: 'InstanceNotFound', requestId: ALIBABA_ID }]);
    // tencentcloud-sdk-java's getMessage() shows no code: its class alone makes the SDK's error.
    const tencent = { level: 'ERROR', message: 'create failed', thrown: { name: 'com.tencentcloudapi.common.exception.TencentCloudSDKException', message: 'The topic already exists.' } };
    expect(found(tencent)).toEqual([{ event: 'error', code: null, requestId: null }]);
  });

  it('makes no event of a class that is no SDK’s, a name that is no class, or a message alone', () => {
    expect(found({ level: 50, err: { type: 'Error', message: 'socket hang up' } }).map((r) => r.event)).toEqual([null]);
    expect(found({ level: 50, thrown: { name: 'java.lang.IllegalStateException', message: 'pool closed' } }).map((r) => r.event)).toEqual([null]);
    expect(found({ level: 50, thrown: { name: 'TencentCloudSDK failure', message: 'The topic already exists.' } }).map((r) => r.event)).toEqual([null]);
    expect(found({ level: 50, thrown: { message: 'The topic already exists.' } }).map((r) => r.event)).toEqual([null]);
  });
});
