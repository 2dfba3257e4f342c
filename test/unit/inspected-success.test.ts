import { describe, expect, it } from 'vitest';
import { findInspectedSuccess } from '../../src/recognition/find-inspected-success.js';
import { tagText } from '../helpers/context.js';

const ID = '507f4e71-0be7-4801-8404-fea997f910dc';

describe('a response printed as a runtime prints a map', () => {
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
    expect(findInspectedSuccess(`done { RequestId: '${ID}' }`)).toBeNull();
    expect(findInspectedSuccess(`{ RequestId: '${ID}', TotalCount: 0, status: 200 }`)).toBeNull();
  });

  it('is a success printed by Python’s repr of a dict or Ruby’s inspect of a hash', () => {
    const ALIBABA = '0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E';
    expect(findInspectedSuccess(`listed {'Data': [{'GroupId': 'GID_a', 'Remark': 'a, b: c'}], 'RequestId': '${ALIBABA}'}`)).toBe(ALIBABA);
    expect(findInspectedSuccess(`{'headers': {'date': 'x'}, 'statusCode': 200, 'body': {'TotalCount': 0, 'RequestId': '${ALIBABA}'}}`)).toBe(ALIBABA);
    expect(findInspectedSuccess(`listed {"Data"=>[{"GroupId"=>"GID_a"}], "RequestId"=>"${ALIBABA}"}`)).toBe(ALIBABA);
    expect(findInspectedSuccess(`listed {"Data" => [], "Success" => true, "RequestId" => "${ALIBABA}"}`)).toBe(ALIBABA);
  });

  it('is a success printed by PHP’s print_r or var_export of an array, its entries read by their indentation or brackets', () => {
    const ALIBABA = '0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E';
    const printR = `ListGroupId: Array\n(\n    [RequestId] => ${ALIBABA}\n    [Data] => Array\n        (\n            [0] => Array\n                (\n                    [GroupId] => GID_a\n                )\n\n        )\n\n)\n`;
    expect(findInspectedSuccess(printR)).toBe(ALIBABA);
    expect(findInspectedSuccess(printR.replace(/\n/g, '\r\n'))).toBe(ALIBABA);
    const varExport = `QueryToken: array (\n  'TokenStatus' => true,\n  'Data' => \n  array (\n    0 => 'a (b)',\n  ),\n  'RequestId' => '${ALIBABA}',\n)`;
    expect(findInspectedSuccess(varExport)).toBe(ALIBABA);
  });

  it('is no success in a print_r map with an error’s fields, in a list, or out of its indentation', () => {
    const ALIBABA = '0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E';
    expect(findInspectedSuccess(`Array\n(\n    [RequestId] => ${ALIBABA}\n    [Code] => InstanceNotFound\n)`)).toBeNull();
    expect(findInspectedSuccess(`Array\n(\n    [0] => x\n    [RequestId] => ${ALIBABA}\n)`)).toBeNull();
    expect(findInspectedSuccess(`Array\n(\n   [RequestId] => ${ALIBABA}\n   [Data] => 1\n)`)).toBeNull();
    expect(findInspectedSuccess(`    [RequestId] => ${ALIBABA}\n    [Data] => 1`)).toBeNull();
    expect(findInspectedSuccess(`array (\n  'RequestId' => '${ALIBABA}',\n  'Code' => 'InstanceNotFound',\n)`)).toBeNull();
  });

  it('is no success in a map with an error’s fields or an application’s own, whatever runtime printed it', () => {
    const ALIBABA = '0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E';
    expect(findInspectedSuccess(`{'RequestId': '${ALIBABA}', 'Code': 'InstanceNotFound', 'Message': 'x'}`)).toBeNull();
    expect(findInspectedSuccess(`{"RequestId"=>"${ALIBABA}", "Code"=>"InstanceNotFound"}`)).toBeNull();
    expect(findInspectedSuccess(`{'level': 'info', 'RequestId': '${ALIBABA}'}`)).toBeNull();
    // JSON is read as JSON, not as a printed map.
    expect(findInspectedSuccess(`{"Data": [], "RequestId": "${ALIBABA}"}`)).toBeNull();
  });

  it('makes a success event of its record, and an error wins over it', () => {
    expect(tagText(`2026-11-22T10:00:03.204Z INFO topics listed\n  response: { TotalCount: 1, RequestId: '${ID}' }`)).toMatchObject({ event: 'success', vendor: 'tencent', requestId: ID });
    const failed = `[TencentCloudSDKException]message:The instance is not ready. requestId:1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6\n  last: { TotalCount: 1, RequestId: '${ID}' }`;
    expect(tagText(failed)).toMatchObject({ event: 'error', requestId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6' });
  });
});
