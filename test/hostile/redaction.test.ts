import { describe, expect, it } from 'vitest';
import { redactJsonText } from '../../src/redaction/redact-json-text.js';
import { redactSecrets } from '../../src/redaction/redact-secrets.js';
import { sanitizeForTerminal } from '../../src/render/sanitize-terminal.js';
import { renderLiveView } from '../../src/render/live-view.js';
import { prettifySafely, sanitizeValue } from '../../src/render/prettify-safely.js';
import { runChunks } from './pipeline-harness.js';

describe('redactSecrets', () => {
  it.each([
    [
      'pop-core URL',
      'GET https://onsmqtt.cn-hangzhou.aliyuncs.com/?AccessKeyId=LTAI5tAbCdEfGhIjKlMn&Action=CreateGroupId&Signature=aB3dE%2Bf%3D&SignatureNonce=1',
      'GET https://onsmqtt.cn-hangzhou.aliyuncs.com/?AccessKeyId=[REDACTED]&Action=CreateGroupId&Signature=[REDACTED]&SignatureNonce=1',
    ],
    ['Tencent SecretId', 'SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA, SecretKey: Gu5t9xGARNpq86cd98joQYCN3', 'SecretId=[REDACTED], SecretKey: [REDACTED]'],
    [
      'TC3 Authorization header',
      'Authorization: TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA/2026-11-22/mqtt/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd',
      'Authorization: TC3-HMAC-SHA256 [REDACTED]',
    ],
    ['Bearer token', 'authorization=Bearer eyJhbGciOiJIUzI1NiJ9.e30.x', 'authorization=Bearer [REDACTED]'],
    ['Alibaba ROA header', 'Authorization: acs LTAI5tAbCdEfGhIjKlMn:frJIUN8DYpKDtOLCwo//yllqDzg=', 'Authorization: acs [REDACTED]'],
    ['STS tokens', 'SecurityToken=CAIS8gF1q6Ft5B2yfSjIr5b; X-TC-Token: abc.def; x-acs-security-token: "CAIS9"', 'SecurityToken=[REDACTED]; X-TC-Token: [REDACTED]; x-acs-security-token: "[REDACTED]"'],
    ['snake_case names', 'access_key_secret=abc secret_key="xyz" sts_token=t1', 'access_key_secret=[REDACTED] secret_key="[REDACTED]" sts_token=[REDACTED]'],
    ['bare key ids', 'the AccessKey LTAI5tAbCdEfGhIjKlMn is disabled; AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA too', 'the AccessKey LTAI[REDACTED] is disabled; AKID[REDACTED] too'],
    ['escaped JSON in a string', 'body={\\"AccessKeySecret\\":\\"s3cr3t\\"}', 'body={\\"AccessKeySecret\\":\\"[REDACTED]\\"}'],
  ])('%s', (_name, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('leaves text without credentials alone, and words that merely contain a name', () => {
    for (const text of ['ApplyToken failed: ApplyTokenOverFlow', 'tokens=3 signatures: 2', 'RequestId=5E0B1D4A-2C3B-4D5E-8F90-A1B2C3D4E5F6', 'LTAI']) {
      expect(redactSecrets(text)).toBe(text);
    }
  });
});

describe('redactJsonText', () => {
  it('redacts values under credential keys of any type and credentials inside strings, keeping the rest as written', () => {
    const input = '{"a":1.50,"SecretKey":12345,"password":null,"Token":true,"AccessKeyId":"LTAI5tAbCdEfGhIjKlMn","dup":1,"dup":2,"url":"/?Signature=abc&x=1","nested":{"Authorization":"Bearer x"},"list":["SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx"]}';
    const out = redactJsonText(input);
    expect(out).toBe(
      '{"a":1.50,"SecretKey":"[REDACTED]","password":"[REDACTED]","Token":"[REDACTED]","AccessKeyId":"[REDACTED]","dup":1,"dup":2,"url":"/?Signature=[REDACTED]&x=1","nested":{"Authorization":"[REDACTED]"},"list":["SecretId=[REDACTED]"]}',
    );
    expect(() => JSON.parse(out) as unknown).not.toThrow();
  });

  it('replaces an array or object under a credential key whole, keeping the JSON valid', () => {
    expect(redactJsonText('{"token": {"value": "Bearer abc", "n": 1}, "a": 2}')).toBe('{"token": "[REDACTED]", "a": 2}');
    expect(redactJsonText('{"password":["p1","p]2",{"x":"}"}],"b":[1]}')).toBe('{"password":"[REDACTED]","b":[1]}');
  });

  it('stays valid JSON on strings full of escapes', () => {
    const input = JSON.stringify({ msg: 'a "quoted" \\ back\\slash Signature=abc\\"def \u0001 token=x1' });
    const out = redactJsonText(input);
    expect(() => JSON.parse(out) as unknown).not.toThrow();
    expect((JSON.parse(out) as { msg: string }).msg).toBe('a "quoted" \\ back\\slash Signature=[REDACTED]\\"def \u0001 token=[REDACTED]');
  });
});

describe('sanitizeForTerminal', () => {
  it('shows escape sequences, controls, bidi and line-separator marks as visible text', () => {
    expect(sanitizeForTerminal('\u001b[2J\u001b]0;pwned\u0007 a\rb\u0008 \u009b31m \u202eevil\u2066 \u2028')).toBe(
      '\\x1b[2J\\x1b]0;pwned\\x07 a\\x0db\\x08 \\x9b31m \\u{202e}evil\\u{2066} \\u{2028}',
    );
  });

  it('keeps a value on one line by default, and line breaks only when asked', () => {
    expect(sanitizeForTerminal('a\nb\tc')).toBe('a\\x0ab\\x09c');
    expect(sanitizeForTerminal('a\nb\tc\u001b', { multiline: true })).toBe('a\nb\tc\\x1b');
  });
});

describe('prettifySafely', () => {
  it('hands pino-pretty sanitized strings and keys, keeps __proto__ a plain key, and cuts deep nesting', () => {
    const seen: object[] = [];
    const pretty = prettifySafely((record) => {
      seen.push(record);
      return 'ok\n';
    });
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    expect(pretty(`{"msg":"\\u001b[31mred","\\u001bkey":1,"__proto__":{"x":1},"deep":${deep}}`)).toBe('ok\n');
    const record = seen[0] as Record<string, unknown>;
    expect(record['msg']).toBe('\\x1b[31mred');
    expect(Object.keys(record)).toEqual(['msg', '\\x1bkey', '__proto__', 'deep']);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(JSON.stringify(record['deep'])).toContain('[nested too deeply]');
  });

  it('shows a line pino-pretty cannot take, sanitized, instead of failing', () => {
    const pretty = prettifySafely(() => {
      throw new Error('Maximum copy depth of 1000 exceeded');
    });
    expect(pretty('{"msg":"\\u001b[2J"}')).toBe('{"msg":"\\u001b[2J"}\n');
    expect(pretty('not json \u001b[2J')).toBe('not json \\x1b[2J\n');
    expect(sanitizeValue('\u001b')).toBe('\\x1b');
  });
});

describe('the live view', () => {
  it('shows whatever a summary holds without letting it steer the terminal', async () => {
    const run = await runChunks([
      new TextEncoder().encode('{"Response":{"Error":{"Code":"toString","Message":"\\u001b[2J"},"RequestId":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61"}}\n'),
    ]);
    // Codes cannot hold control characters (their shape forbids it); a summary edited by hand can.
    const summary = { ...run.summary, byCode: run.summary.byCode.map((c) => ({ ...c, code: `${c.code ?? ''}\u001b]0;pwned\u0007\n` })) };
    const lines = renderLiveView({ summary, elapsedMs: 60_000, perMinute: () => null, columns: 120, rows: 20 });
    expect(lines.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(lines.some((l) => l.includes('toString\\x1b]0;pwned\\x07\\x0a'))).toBe(true);
  });
});
