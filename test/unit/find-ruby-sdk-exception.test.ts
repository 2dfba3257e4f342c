import { describe, expect, it } from 'vitest';
import { findRubyCoreErrors, findRubySdkExceptions } from '../../src/recognition/find-ruby-sdk-exception.js';
import { recognizeAll } from '../../src/recognition/recognize.js';
import { builtInContext, tagText } from '../helpers/context.js';

const CLASS = 'TencentCloud::Common::TencentCloudSDKException';

describe('tencentcloud-sdk-ruby’s exception as Ruby prints it', () => {
  it('gives the API’s message: after Logger’s `-- : `, after an uncaught exception’s method, alone, or in Rails’ report', () => {
    expect(findRubySdkExceptions(`E, [2026-11-22T10:20:00.480000 #4211] ERROR -- : The instance does not exist. (${CLASS})`).map((e) => e.message)).toEqual(['The instance does not exist.']);
    expect(findRubySdkExceptions(`/app/x.rb:8:in \`f': The instance does not exist. (${CLASS})`)[0]!.message).toBe('The instance does not exist.');
    expect(findRubySdkExceptions(`Quota limit exceeded. (${CLASS})`)[0]!.message).toBe('Quota limit exceeded.');
    expect(findRubySdkExceptions(`[req-1] ${CLASS} (The topic does not exist.):`)[0]!.message).toBe('The topic does not exist.');
  });

  it('takes neither the class alone nor another class', () => {
    expect(findRubySdkExceptions(`rescue ${CLASS} => e`)).toEqual([]);
    expect(findRubySdkExceptions('The instance does not exist. (RuntimeError)')).toEqual([]);
  });

  it('makes an error of the record, its code where the catalog lists the message, none where it does not, none for a transport failure', () => {
    const ctx = builtInContext();
    expect(recognizeAll(`E, [2026-11-22T10:20:00.480000 #4211] ERROR -- : The number of requests exceeds the frequency limit. (${CLASS})`, ctx)[0]).toMatchObject({ event: 'error', vendor: 'tencent' });
    expect(recognizeAll(`E, [2026-11-22T10:20:00.480000 #4211] ERROR -- : Something the catalog does not list. (${CLASS})`, ctx)[0]).toMatchObject({ event: 'error', code: null });
    expect(recognizeAll(`E, [2026-11-22T10:20:00.480000 #4211] ERROR -- : execution expired (Net::OpenTimeout) timed out (${CLASS})`, ctx)[0]!.event).toBeNull();
  });
});

describe('aliyunsdkcore’s (Ruby) StandardError as Ruby prints it', () => {
  const URL = ', URL: /?AccessKeyId=LTAI5tExample&Action=CreateGroupId&Format=JSON&InstanceId=post-cn-x&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&Timestamp=2026-11-22T10%3A40%3A00Z&Version=2020-04-20&Signature=x%3D';

  it('gives the API’s message, before the relative URL with its Action and Version: after Logger’s `-- : `, a method’s, alone, or in Rails’ report', () => {
    expect(findRubyCoreErrors(`E, [2026-11-22T10:40:00.870000 #5120] ERROR -- : The specified GroupId already exists.${URL} (StandardError)`).map((e) => e.message)).toEqual(['The specified GroupId already exists.']);
    expect(findRubyCoreErrors(`/app/x.rb:18:in \`block in run': Specified signature is not matched with our calculation.${URL} (StandardError)`)[0]!.message).toBe('Specified signature is not matched with our calculation.');
    expect(findRubyCoreErrors(`StandardError (Request was denied due to user flow control.${URL}):`)[0]!.message).toBe('Request was denied due to user flow control.');
  });

  it('takes no StandardError without the SDK’s URL, a URL without an action or a version, or another class’s name', () => {
    expect(findRubyCoreErrors('E, [2026-11-22T10:40:00.870000 #5120] ERROR -- : connection refused (StandardError)')).toEqual([]);
    expect(findRubyCoreErrors('E, [2026-11-22T10:40:00.870000 #5120] ERROR -- : boom, URL: /?page=2 (StandardError)')).toEqual([]);
    expect(findRubyCoreErrors('boom, URL: /?Action=CreateGroupId (StandardError)')).toEqual([]);
    expect(findRubyCoreErrors(`MyStandardError (The specified GroupId already exists.${URL}):`)).toEqual([]);
  });

  it('makes an Alibaba error of the record, its code where the catalog lists the message, its action the query’s', () => {
    expect(tagText(`E, [2026-11-22T10:40:00.870000 #5120] ERROR -- : The specified GroupId already exists.${URL} (StandardError)`)).toMatchObject({ event: 'error', vendor: 'alibaba', code: 'GroupIdAlreadyExsited', action: 'CreateGroupId', catalogued: true });
    expect(tagText(`E, [2026-11-22T10:40:00.870000 #5120] ERROR -- : Something the catalog does not list.${URL} (StandardError)`)).toMatchObject({ event: 'error', vendor: 'alibaba', code: null });
    expect(tagText('E, [2026-11-22T10:40:00.870000 #5120] ERROR -- : The specified GroupId already exists. (StandardError)').event).toBeNull();
  });
});
