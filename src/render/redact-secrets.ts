/**
 * Credentials that applications leak into logs: pop-core URLs carry
 * `AccessKeyId=` and `Signature=`, Tencent requests `SecretId`, HTTP
 * `Authorization:` headers, STS `SecurityToken`/`X-TC-Token` values, and
 * the key ids themselves (`LTAI…`, `AKID…`). Each pattern keeps the name and
 * replaces the value. A value never takes in a quote or a backslash, so
 * redacting the inside of a JSON string leaves the JSON valid.
 */

/** Names whose value is a credential, as URL parameters, headers or fields spell them. */
const SECRET_NAME =
  '(?:x-acs-|x-tc-)?(?:access[_-]?key[_-]?(?:id|secret)|secret[_-]?(?:id|key)|security[_-]?token|sts[_-]?token|signature|token|password)';
/** The quote around a name or value, JSON-escaped or not: `"`, `'`, `\"`. */
const QUOTE = `(?:\\\\?["'])?`;

/** Every credential pattern, in the order applied (exported so tests can feed each adversarial input). */
export const SECRET_PATTERNS: readonly RegExp[] = [
  new RegExp(`(?<![A-Za-z0-9_-])(${SECRET_NAME}${QUOTE}\\s{0,3}[=:]\\s{0,3}${QUOTE})([^\\s"'&,;}\\]\\\\]{1,4096})`, 'gi'),
  new RegExp(
    `(?<![A-Za-z0-9_-])((?:Proxy-)?Authorization${QUOTE}\\s{0,3}[:=]\\s{0,3}${QUOTE}(?:(?:TC3-HMAC-SHA256|AWS4-HMAC-SHA256|HMAC-SHA256|acs|Bearer|Basic|Digest) )?)([^"'\\n\\\\}]{1,4096})`,
    'gi',
  ),
  // Alibaba AccessKey ids start with LTAI, Tencent SecretIds with AKID; found bare in messages too.
  /(?<![A-Za-z0-9])(LTAI|AKID)([A-Za-z0-9]{12,40})(?![A-Za-z0-9])/g,
];

/** A JSON key (or header name) whose whole value is a credential. */
export const SECRET_KEY = new RegExp(`^(?:${SECRET_NAME}|(?:proxy-)?authorization)$`, 'i');

/** What a redacted value is replaced with. */
export const REDACTED = '[REDACTED]';

/** Text that cannot hold a credential pattern: none has a separator or a key-id prefix. */
const MAY_HOLD_SECRET = /[=:]|LTAI|AKID/;

/**
 * Replaces credential values in text with `[REDACTED]`, keeping their names.
 * @example redactSecrets('GET /?AccessKeyId=LTAI5tAbCdEfGhIjKl&Signature=abc%3D') // 'GET /?AccessKeyId=[REDACTED]&Signature=[REDACTED]'
 */
export function redactSecrets(text: string): string {
  if (!MAY_HOLD_SECRET.test(text)) return text;
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, (_m, name: string) => `${name}${REDACTED}`);
  return out;
}
