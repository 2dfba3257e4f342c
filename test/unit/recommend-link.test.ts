import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alibabaLink, checkedLink } from '../../src/recognition/find-recommend-link.js';

describe('a Recommend link', () => {
  it('is taken as it is only where the URL parser would write it so, and parsed otherwise, with the same answer', () => {
    const label = fc.constantFrom('api', 'next', 'API', 'xn--abc', 'xn--fiqs8s', 'a-b', '-', '1', '', 'aliyun', 'x.y');
    const host = fc.tuple(fc.array(label, { maxLength: 3 }), fc.constantFrom('aliyun.com', 'aliyun.com.', 'Aliyun.com', 'aliyuncs.com', 'evil.com', 'aliyun.com:443', 'u:p@aliyun.com'));
    const piece = fc.constantFrom('/', 'troubleshoot', '?', 'q=', 'Code.Sub', '&', 'product=OnsMqtt', '/./', '/../', '/.', '%2e', '%41', '%', '#', ' ', "'", '"', '\\', '|', '{', '~', '!', '$', '(', ')', '*', '+', ',', ';', ':', '@', 'é', '\t', '..');
    fc.assert(
      fc.property(fc.constantFrom('https://', 'http://', 'HTTPS://', 'https:/'), host, fc.array(piece, { maxLength: 8 }), (scheme, [labels, domain], path) => {
        const raw = `${scheme}${[...labels, domain].join('.')}${path.join('')}`;
        expect(alibabaLink(raw), raw).toBe(checkedLink(raw));
      }),
      { numRuns: 5000 },
    );
  });

  it('takes a link of Alibaba’s usual form without parsing it', () => {
    const link = 'https://api.aliyun.com/troubleshoot?q=InstanceNotFound&product=OnsMqtt&requestId=1C73988D-F20D-4C81-93C7-249BBF7DEBD5';
    expect(alibabaLink(link)).toBe(link);
    expect(checkedLink(link)).toBe(link);
  });
});
