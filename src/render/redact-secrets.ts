/**
 * Credentials that applications leak into logs: pop-core URLs carry
 * `AccessKeyId=` and `Signature=`, Tencent requests `SecretId`, HTTP
 * `Authorization:` headers, STS `SecurityToken`/`X-TC-Token` values.
 * Each pattern keeps the name and replaces the value.
 */
const SECRET_PATTERNS: RegExp[] = [
  /(?<![A-Za-z0-9_-])((?:AccessKeyId|AccessKeySecret|Signature|SignatureNonce|SecurityToken|SecretId|SecretKey|Token|X-TC-Token|x-acs-security-token|sts[_-]?token)["']?\s{0,3}[=:]\s{0,3}["']?)([^\s"'&,;}\]]{1,4096})/gi,
  /(?<![A-Za-z0-9_-])((?:Authorization|Proxy-Authorization)["']?\s{0,3}[:=]\s{0,3}["']?)((?:TC3-HMAC-SHA256|acs|Bearer|Basic|HMAC-SHA256)?\s?[^"'\n}]{1,4096})/gi,
];

/** What a redacted value is replaced with. */
export const REDACTED = '[REDACTED]';

/**
 * Replaces credential values in text with `[REDACTED]`, keeping their names.
 * @example redactSecrets('GET /?AccessKeyId=LTAI5t&Signature=abc%3D') // 'GET /?AccessKeyId=[REDACTED]&Signature=[REDACTED]'
 */
export function redactSecrets(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, (_m, name: string) => `${name}${REDACTED}`);
  return out;
}
