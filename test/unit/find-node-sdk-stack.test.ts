import { describe, expect, it } from 'vitest';
import { findTencentNodeStackMessage } from '../../src/recognition/find-node-sdk-stack.js';

const FRAME = '\n  at CommonClient.parseResponse (/srv/app/node_modules/tencentcloud-sdk-nodejs-common/tencentcloud/common/abstract_client.js:268:37)';
const MESSAGES = new Set(['Signature expired.', 'Signature expired. Timestamp and server time differ.', 'expired. Timestamp and server time differ.']);
const known = (message: string): boolean => MESSAGES.has(message);

describe('findTencentNodeStackMessage', () => {
  it('reads the message after `Error: ` whether the catalog lists it or not', () => {
    expect(findTencentNodeStackMessage(`2026-11-22 ERROR sync failed Error: The topic does not exist.${FRAME}`, known)).toBe('The topic does not exist.');
    expect(findTencentNodeStackMessage(`TencentCloudSDKHttpException: Signature expired.${FRAME}`, () => false)).toBe('Signature expired.');
  });

  it('without a name before the message, takes the longest ending of the line the catalog lists, from a word start on', () => {
    expect(findTencentNodeStackMessage(`[error] describe failed Signature expired. Timestamp and server time differ.${FRAME}`, known)).toBe(
      'Signature expired. Timestamp and server time differ.',
    );
    expect(findTencentNodeStackMessage(`[warn] Signature expired.  ${FRAME}`, known)).toBe('Signature expired.');
    expect(findTencentNodeStackMessage(`Signature expired.${FRAME}`, known)).toBe('Signature expired.');
  });

  it('finds nothing where no ending of the line is listed, or a word is cut', () => {
    expect(findTencentNodeStackMessage(`[error] describe topic failed The topic does not exist.${FRAME}`, known)).toBeNull();
    expect(findTencentNodeStackMessage(`[error] xSignature expired.${FRAME}`, known)).toBeNull();
  });

  it('needs the SDK\'s own frame right after the line', () => {
    expect(findTencentNodeStackMessage('[error] Signature expired.\n  at Client.parseResponse (/srv/app/src/client.js:10:5)', known)).toBeNull();
    expect(findTencentNodeStackMessage(`[error] Signature expired.\n  some other line${FRAME}`, known)).toBeNull();
    expect(findTencentNodeStackMessage('[error] Signature expired. CommonClient.parseResponse (tencentcloud-sdk-nodejs)', known)).toBeNull();
  });
});
