import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';

const catalog = loadCatalog();

describe('catalog lookup', () => {
  it('holds every seed code of ApsaraMQ for MQTT with its documented status and section', () => {
    const expected: [string, number, string[]][] = [
      ['ApiNotSupport', 404, ['token']],
      ['ApplyTokenOverFlow', 400, ['token']],
      ['CheckAccountInfoFailed', 400, ['token']],
      ['InstancePermissionCheckFailed', 400, ['token', 'group-id']],
      ['ParameterCheckFailed', 400, ['token']],
      ['PermissionCheckFailed', 400, ['token', 'group-id']],
      ['InvalidParameter.%s', 400, ['token']],
      ['GroupIdAlreadyExsited', 400, ['group-id']],
      ['GroupIdAlreadyUsedByOtherUsers', 400, ['group-id']],
      ['InstanceNotFound', 400, ['group-id']],
    ];
    for (const [code, status, sections] of expected) {
      const entry = catalog.lookupCode(code, 'alibaba')?.entry;
      expect(entry, code).toBeDefined();
      expect([entry!.httpStatus, ...entry!.previousHttpStatus], code).toContain(status);
      expect(entry!.sections, code).toEqual(expect.arrayContaining(sections));
    }
  });

  it('keeps the re-mapped and the earlier HTTP status of InternalError and SystemOverFlow', () => {
    const internal = catalog.lookupCode('InternalError', 'alibaba')!.entry;
    expect(internal.httpStatus).toBe(417);
    expect(internal.previousHttpStatus).toContain(500);
    expect(internal.sections).toEqual(expect.arrayContaining(['token', 'group-id']));
    const overflow = catalog.lookupCode('SystemOverFlow', 'alibaba')!.entry;
    expect(overflow.httpStatus).toBe(403);
    expect(overflow.previousHttpStatus).toContain(500);
    expect(overflow.category).toBe('throttling');
  });

  it('holds all 26 Tencent common codes, answered with HTTP 200', () => {
    const codes = [
      'AuthFailure.InvalidSecretId', 'AuthFailure.MFAFailure', 'AuthFailure.SecretIdNotFound', 'AuthFailure.SignatureExpire',
      'AuthFailure.SignatureFailure', 'AuthFailure.TokenFailure', 'AuthFailure.UnauthorizedOperation', 'DryRunOperation',
      'FailedOperation', 'InternalError', 'InvalidAction', 'InvalidParameter', 'InvalidParameterValue', 'LimitExceeded',
      'MissingParameter', 'NoSuchVersion', 'RequestLimitExceeded', 'ResourceInUse', 'ResourceInsufficient', 'ResourceNotFound',
      'ResourceUnavailable', 'UnauthorizedOperation', 'UnknownParameter', 'UnsupportedOperation', 'UnsupportedProtocol',
      'UnsupportedRegion',
    ];
    expect(codes).toHaveLength(26);
    for (const code of codes) {
      const match = catalog.lookupCode(code, 'tencent');
      expect(match?.exact, code).toBe(true);
      expect(match!.entry.httpStatus, code).toBe(200);
      expect(match!.entry.sections, code).toContain('common');
    }
    expect(catalog.lookupCode('DryRunOperation', 'tencent')!.entry.category).toBe('dry-run');
    expect(catalog.lookupCode('RequestLimitExceeded', 'tencent')!.entry.category).toBe('throttling');
    expect(catalog.lookupCode('AuthFailure.SignatureExpire', 'tencent')!.entry.category).toBe('auth');
  });

  it('matches InvalidParameter.<Name> to the Alibaba pattern entry, catalogued', () => {
    const match = catalog.lookupCode('InvalidParameter.GroupId', 'alibaba');
    expect(match).toMatchObject({ catalogued: true, exact: false });
    expect(match!.entry.code).toBe('InvalidParameter.%s');
  });

  it('falls back from an unknown dotted Tencent code to its nearest catalogued parent, not catalogued', () => {
    const match = catalog.lookupCode('ResourceNotFound.Xyz', 'tencent');
    expect(match).toMatchObject({ catalogued: false, exact: false });
    expect(match!.entry.code).toBe('ResourceNotFound');
    const deeper = catalog.lookupCode('FailedOperation.InstanceNotReady.Again', 'tencent');
    expect(deeper!.entry.code).toBe('FailedOperation.InstanceNotReady');
  });

  it('finds nothing for a code no vendor has', () => {
    expect(catalog.lookupAnyVendor('NoSuchThingAnywhere')).toEqual([]);
  });

  it('finds the vendors that share a code', () => {
    expect([...catalog.vendorsWithExact('InternalError')].sort()).toEqual(['alibaba', 'tencent']);
  });

  it('recovers a code from its verbatim message only when exactly one entry has it', () => {
    const entries = catalog.entriesWithMessage('The specified GroupId already exists.');
    expect(entries.map((e) => e.code)).toEqual(['GroupIdAlreadyExsited']);
    expect(catalog.entriesWithMessage('  the specified groupid already exists ')).toHaveLength(1);
  });
});
