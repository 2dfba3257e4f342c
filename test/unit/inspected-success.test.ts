import { describe, expect, it } from 'vitest';
import { findInspectedSuccess } from '../../src/recognition/find-inspected-success.js';
import { tagText } from '../helpers/context.js';

const ID = '507f4e71-0be7-4801-8404-fea997f910dc';

describe('a response printed by util.inspect', () => {
  it('is a success when its own keys are the API’s PascalCase fields beside RequestId', () => {
    expect(findInspectedSuccess(`response: { TotalCount: 1, Data: [ { Topic: 'fleet/telemetry', Remark: '' } ], RequestId: '${ID}' }`)).toBe(ID);
    expect(findInspectedSuccess(`{\n  TotalCount: 2,\n  Data: [ [Object], [Object] ],\n  RequestId: '${ID}'\n}`)).toBe(ID);
  });

  it('is no success beside an error’s fields, an application’s own fields, or with no object around it', () => {
    expect(findInspectedSuccess(`{ Code: 'InternalError', Message: 'x', RequestId: '${ID}' }`)).toBeNull();
    expect(findInspectedSuccess(`{ Error: { Code: 'X' }, RequestId: '${ID}' }`)).toBeNull();
    expect(findInspectedSuccess(`{ code: 'InternalError', RequestId: '${ID}' }`)).toBeNull();
    expect(findInspectedSuccess(`{ requestId: '${ID}', status: 200 }`)).toBeNull();
    expect(findInspectedSuccess(`done RequestId: '${ID}'`)).toBeNull();
  });

  it('makes a success event of its record, and an error wins over it', () => {
    expect(tagText(`2026-11-22T10:00:03.204Z INFO topics listed\n  response: { TotalCount: 1, RequestId: '${ID}' }`)).toMatchObject({ event: 'success', vendor: 'tencent', requestId: ID });
    const failed = `[TencentCloudSDKException]message:The instance is not ready. requestId:1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6\n  last: { TotalCount: 1, RequestId: '${ID}' }`;
    expect(tagText(failed)).toMatchObject({ event: 'error', requestId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6' });
  });
});
