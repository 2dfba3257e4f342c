import { describe, expect, it } from 'vitest';
import { findPhpClientErrors } from '../../src/recognition/find-php-client-errors.js';

const KNOWN = new Set(['InstanceNotFound', 'Throttling.User']);
const knows = (code: string): boolean => KNOWN.has(code);
const ID = '6C9B2D3E-4F5A-4B6C-8D7E-9F0A1B2C3D4E';
const TAIL = `RequestId: ${ID} GET "https://onsmqtt.cn-hangzhou.aliyuncs.com/?Action=ListGroupId" 404`;

describe('alibabacloud/client’s ServerException message without its class', () => {
  it('gives the code before a `: ` the catalog knows, the RequestId and the status', () => {
    const text = `[2026-11-22 09:57:01] production.ERROR: InstanceNotFound: Specified instance does not exist. ${TAIL}`;
    expect(findPhpClientErrors(text, knows)).toEqual([{ code: 'InstanceNotFound', requestId: ID, status: 404, at: text.indexOf('InstanceNotFound') }]);
    // After the application's own words and colons; a colon inside the message is passed over.
    const after = `WARNING: CreateGroupId failed, will retry: Throttling.User: Request denied: user flow control. RequestId: ${ID} POST "https://onsmqtt.cn-hangzhou.aliyuncs.com/" 400`;
    expect(findPhpClientErrors(after, knows)[0]).toMatchObject({ code: 'Throttling.User', status: 400 });
    // Without a response, the message ends at the URI.
    expect(findPhpClientErrors(`InstanceNotFound: gone RequestId: ${ID} GET "https://onsmqtt.cn-hangzhou.aliyuncs.com/"`, knows)[0]).toMatchObject({ code: 'InstanceNotFound', status: null });
  });

  it('finds the SDK’s text without a code where no word before a colon is one the catalog knows', () => {
    expect(findPhpClientErrors(`ERROR: Forbidden.RAM: denied ${TAIL}`, knows)).toEqual([{ code: null, requestId: ID, status: 404, at: `ERROR: Forbidden.RAM: denied `.length - 1 }]);
    // A known code glued to another word is no code.
    expect(findPhpClientErrors(`x:InstanceNotFound: gone ${TAIL}`, knows)[0]!.code).toBeNull();
  });

  it('takes only the SDK’s tail: a RequestId, a method, a quoted http URI', () => {
    for (const text of [
      `InstanceNotFound: gone RequestId: ${ID}`,
      `InstanceNotFound: gone RequestId: ${ID} done`,
      `InstanceNotFound: gone RequestId: ${ID} GET /path 404`,
      `InstanceNotFound: gone RequestId: short GET "https://x/" 404`,
      `InstanceNotFound: gone RequestId: ${ID} GET "https://x/\n" 404`,
      `InstanceNotFound: gone requestId: ${ID} GET "https://x/" 404`,
    ]) {
      expect(findPhpClientErrors(text, knows), text).toEqual([]);
    }
  });
});
