import { describe, expect, it } from 'vitest';
import { findRubySdkExceptions } from '../../src/recognition/find-ruby-sdk-exception.js';
import { recognizeAll } from '../../src/recognition/recognize.js';
import { builtInContext } from '../helpers/context.js';

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
