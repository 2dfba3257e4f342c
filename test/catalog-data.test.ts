import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import type { CatalogEntry } from '../src/types.js';
import { ROOT } from './helpers/run-cli.js';

const catalog = loadCatalog();
const entries = [...catalog.entries()];
const entry = (vendor: string, code: string): CatalogEntry | undefined => entries.find((e) => e.vendor === vendor && e.code === code);
const rawFile = (vendor: string) => JSON.parse(readFileSync(join(ROOT, 'data', `${vendor}.json`), 'utf8')) as { version: string; entries: unknown[] };

/** The codes the vendors document publicly, beyond the seed tables, that the catalog must carry. */
const REQUIRED: Record<string, string[]> = {
  tencent: [
    ...['CallTrade', 'CertificateVerificationFailed', 'DeleteProtect', 'DuplicateAuthorizationIdOrPriority', 'DuplicatePolicy',
      'DuplicatePriority', 'InstanceNotReady', 'InstanceRegistrationCodeEmpty', 'NotSupportDisableAuthorizationPolicy',
      'PublicKeyVerifyFailed', 'RegistrationCodeVerifyFailed', 'RelatedDeviceCertificateExists'].map((c) => `FailedOperation.${c}`),
    'InvalidParameter.InstanceTypeNotMatch',
    'InvalidParameterValue.PublicNetworkInvalidParameterValue',
    'LimitExceeded.TopicNum',
    'OperationDenied',
    ...['AuthorizationPolicy', 'Ca', 'Certificate', 'Instance', 'Message', 'NoAuthenticator', 'Role', 'Topic', 'Username'].map(
      (c) => `ResourceNotFound.${c}`,
    ),
    'UnsupportedOperation.ResourceAlreadyExists',
    'ActionOffline', 'AuthFailure.InvalidAuthorization', 'InvalidRequest', 'NoSuchProduct', 'IpInBlacklist', 'IpNotInWhitelist',
    'RequestLimitExceeded.UinLimitExceeded', 'RequestLimitExceeded.GlobalRegionUinLimitExceeded',
    'ClientError.NetworkError', 'ClientError.HttpStatusCodeError', 'ClientNetworkError', 'ServerNetworkError',
  ],
  alibaba: [
    'DeleteGroupIdError', 'ResourcePermissionCheckFailed', 'SendMessageFailed', 'RegisterCodeError', 'RegisterCodeUsed',
    'GetCaNumError', 'CaNumExceed', 'CertificateContentError', 'SnNotUnique', 'MqttInstanceNotFound', 'FindCaBySnError',
    'MqttOwnerCheckError', 'MissingResources', 'Throttling.User', 'SDK.ServerUnreachable', 'SDK.ReadTimeout',
  ],
};

describe('built-in catalog data', () => {
  it('loads and validates every entry of both vendor files', () => {
    expect(catalog.size).toBe(rawFile('alibaba').entries.length + rawFile('tencent').entries.length);
    expect(catalog.version).toBe(`alibaba@${rawFile('alibaba').version}+tencent@${rawFile('tencent').version}`);
  });

  it('gives every entry a description, a remedy and its source', () => {
    const incomplete = entries.filter((e) => !e.description?.trim() || !e.remedy?.trim() || !e.source?.trim());
    expect(incomplete.map((e) => `${e.vendor} ${e.code}`)).toEqual([]);
  });

  it('leaves a message out only where the text is run-time data or no published text was found', () => {
    const unexplained = entries.filter((e) => (e.message === null ? !e.clientSide && !/unverified/i.test(e.source ?? '') : !e.message.trim()));
    expect(unexplained.map((e) => `${e.vendor} ${e.code}`)).toEqual([]);
  });

  it('marks client-side SDK codes consistently: no HTTP status, section client', () => {
    for (const e of entries) {
      expect({ code: e.code, status: e.httpStatus === null, client: e.sections.includes('client') }).toEqual({
        code: e.code,
        status: e.clientSide,
        client: e.clientSide,
      });
    }
  });

  it('gives every Tencent server code HTTP 200 (API 3.0 answers errors in the body)', () => {
    const wrong = entries.filter((e) => e.vendor === 'tencent' && !e.clientSide && e.httpStatus !== 200);
    expect(wrong.map((e) => e.code)).toEqual([]);
  });

  it('carries every required code with a source', () => {
    for (const [vendor, codes] of Object.entries(REQUIRED)) {
      for (const code of codes) {
        const e = entry(vendor, code);
        expect(e, `${vendor} ${code}`).toBeDefined();
        expect(e!.source, `${vendor} ${code}`).toMatch(/\S/);
      }
    }
    for (const code of ['ClientError.NetworkError', 'ClientError.HttpStatusCodeError', 'ClientNetworkError', 'ServerNetworkError']) {
      expect(entry('tencent', code)!.clientSide, code).toBe(true);
    }
    for (const e of entries.filter((x) => x.vendor === 'alibaba' && x.code.startsWith('SDK.'))) expect(e.clientSide, e.code).toBe(true);
  });

  it('records the ApsaraMQ for MQTT HTTP status re-mapping: current status and the earlier 500', () => {
    const remapped: [string, number][] = [
      ['InternalError', 417], ['CreateGroupIdError', 417], ['DeleteGroupIdError', 417], ['SendMessageFailed', 417],
      ['SystemOverFlow', 403], ['MqttOwnerCheckError', 403],
      ['RegisterCodeError', 400], ['MqttInstanceNotFound', 400], ['FindCaBySnError', 400], ['ParameterFieldCheckFailed', 400],
      ['RegisterCodeUsed', 401], ['GetCaNumError', 401], ['CaNumExceed', 401], ['CertificateContentError', 401], ['SnNotUnique', 401],
    ];
    for (const [code, status] of remapped) {
      const e = entry('alibaba', code)!;
      expect({ code, now: e.httpStatus, before: e.previousHttpStatus }).toEqual({ code, now: status, before: [500] });
    }
    expect(entries.filter((e) => e.httpStatus !== null && e.previousHttpStatus.includes(e.httpStatus))).toEqual([]);
  });

  it('marks as retryable what the vendors advise to retry later', () => {
    const advised: [string, string][] = [
      ['alibaba', 'ApplyTokenOverFlow'], ['alibaba', 'SystemOverFlow'], ['alibaba', 'InternalError'], ['alibaba', 'CreateGroupIdError'],
      ['alibaba', 'DeleteGroupIdError'], ['alibaba', 'SendMessageFailed'], ['alibaba', 'GetCaNumError'], ['alibaba', 'Throttling'],
      ['alibaba', 'Throttling.User'], ['alibaba', 'Throttling.Api'], ['alibaba', 'ServiceUnavailable'],
      ['tencent', 'InternalError'], ['tencent', 'RequestLimitExceeded'], ['tencent', 'RequestLimitExceeded.UinLimitExceeded'],
      ['tencent', 'RequestLimitExceeded.GlobalRegionUinLimitExceeded'], ['tencent', 'RequestLimitExceeded.IPLimitExceeded'],
      ['tencent', 'ServiceUnavailable'],
    ];
    for (const [vendor, code] of advised) expect(entry(vendor, code)!.retryable, `${vendor} ${code}`).toBe(true);
    // Every code whose published message says to try again is retryable.
    for (const e of entries.filter((x) => /try again|retry/i.test([x.message, ...x.messages].join(' ')))) {
      expect(e.retryable, `${e.vendor} ${e.code}`).toBe(true);
    }
  });

  it('does not take retryability from what an SDK retries on its own: a non-200 answer depends on its status', () => {
    // tencentcloud-sdk-python retries ServerNetworkError by itself; the vendor gives no advice for it.
    expect(entry('tencent', 'ServerNetworkError')!.retryable).toBeNull();
    expect(entry('tencent', 'ClientError.HttpStatusCodeError')!.retryable).toBeNull();
    for (const code of ['AuthFailure.SignatureFailure', 'AuthFailure.SecretIdNotFound', 'ResourceNotFound.Topic', 'LimitExceeded.TopicNum']) {
      expect(entry('tencent', code)!.retryable, code).toBe(false);
    }
  });

  it('keeps the entry counts in docs/catalog-sources.md in step with the data', () => {
    const doc = readFileSync(join(ROOT, 'docs/catalog-sources.md'), 'utf8');
    for (const vendor of ['alibaba', 'tencent']) {
      const row = new RegExp(`\\| \`data/${vendor}\\.json\` \\|[^\\n]*\\| (\\d+) \\|`).exec(doc);
      expect(Number(row?.[1]), vendor).toBe(rawFile(vendor).entries.length);
    }
  });
});
