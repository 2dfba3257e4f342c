/**
 * Credentials that applications leak into logs: pop-core URLs carry
 * `AccessKeyId=` and `Signature=` (URL-encoded too, in a SignatureDoesNotMatch
 * "string to sign"), Tencent requests `SecretId`, HTTP `Authorization:` and
 * `Cookie:` headers, STS `SecurityToken`/`X-TC-Token` values, passwords in
 * URLs (`mqtt://user:pw@host`), PEM private keys, and the key ids themselves
 * (`LTAI…`, `AKID…`). Each form keeps the name and replaces the value.
 */

/** Names whose value is a credential, as URL parameters, headers or fields spell them. */
const SECRET_NAME =
  '(?:x-acs-|x-tc-|x-amz-)?(?:access[_-]?key[_-]?(?:id|secret)|aws[_-]?secret[_-]?access[_-]?key|secret(?:[_-]?(?:id|key))?|client[_-]?secret|api[_-]?key|private[_-]?key|security[_-]?token|session[_-]?token|sts[_-]?token|signature|credential|token|passw(?:or)?d|pwd)';
/** The quote around a name or value, JSON-escaped or not: `"`, `'`, `\"`. */
const QUOTE = `(?:\\\\?["'])?`;
/** Where a name may start: not inside a word, or right after a URL-encoded `&`, `?`, `/` or blank. */
const NAME_START = '(?:(?<![A-Za-z0-9_-])|(?<=%(?:25)?(?:26|3[fF]|2[fF]|20)))';

/** A credential's name and what separates it from its value: `password=`, `"SecretKey": "`, `AccessKeyId%3D`. */
const NAMED_SECRET = new RegExp(`${NAME_START}(${SECRET_NAME})(${QUOTE})\\s{0,3}(?:[=:]|%(?:25)?3[dD])\\s{0,3}(${QUOTE})`, 'gi');
/** Headers whose whole value is a credential (the scheme, such as `Bearer`, is kept). */
const SECRET_HEADER = new RegExp(
  `(?<![A-Za-z0-9_-])((?:(?:Proxy-)?Authorization|(?:Set-)?Cookie)${QUOTE}\\s{0,3}[:=]\\s{0,3}${QUOTE}(?:(?:TC3-HMAC-SHA256|AWS4-HMAC-SHA256|HMAC-SHA256|acs|Bearer|Basic|Digest) )?)([^"'\\n\\\\}]{1,4096})`,
  'gi',
);
/** The password of a URL's userinfo: `scheme://user:PASSWORD@host`. */
const URL_PASSWORD = /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/[^\s/?#@:"'\\]{0,256}:)([^\s/?#@"'\\]{1,1024})(?=@)/g;
/** Alibaba AccessKey ids start with LTAI, Tencent SecretIds with AKID; found bare in messages too (after a URL-encoded separator as well). */
const KEY_ID = /(?:(?<![A-Za-z0-9])|(?<=%[0-9A-Fa-f]{2}))(LTAI|AKID)([A-Za-z0-9]{12,40})(?![A-Za-z0-9])/g;

/** Every credential pattern (exported so tests can feed each adversarial input). */
export const SECRET_PATTERNS: readonly RegExp[] = [NAMED_SECRET, SECRET_HEADER, URL_PASSWORD, KEY_ID];

/** A JSON key (or header name) whose whole value is a credential. */
export const SECRET_KEY = new RegExp(`^(?:${SECRET_NAME}|(?:proxy-)?authorization|(?:set-)?cookie)$`, 'i');

/** What a redacted value is replaced with. */
export const REDACTED = '[REDACTED]';

/** Text that cannot hold a credential: every form has a separator, an encoded one, a key-id prefix or a PEM label. */
const MAY_HOLD_SECRET = /[=:]|%3[dD]|LTAI|AKID|PRIVATE KEY/;

/** A value is at most this long; an array or object under a credential name, at most MAX_COMPOSITE (the rest of the text when it does not close). */
const MAX_VALUE = 4096;
const MAX_COMPOSITE = 64 * 1024;

/**
 * Replaces credential values in text with `[REDACTED]`, keeping their names.
 * An array or object under a credential name is replaced whole (by
 * `"[REDACTED]"` when the name is quoted, so JSON stays JSON).
 * @example redactSecrets('GET /?AccessKeyId=LTAI5tAbCdEfGhIjKl&Signature=abc%3D') // 'GET /?AccessKeyId=[REDACTED]&Signature=[REDACTED]'
 * @example redactSecrets('{"password":["a","b"]}') // '{"password":"[REDACTED]"}'
 */
export function redactSecrets(text: string): string {
  if (!MAY_HOLD_SECRET.test(text)) return text;
  let out = redactPrivateKeys(text);
  if (out.includes('\\u')) out = redactEscapedKeys(out);
  out = redactNamed(out);
  for (const pattern of [SECRET_HEADER, URL_PASSWORD, KEY_ID]) out = out.replace(pattern, (_m, name: string) => `${name}${REDACTED}`);
  return out;
}

/** `name=value` forms: the value's extent is found by hand, as a bracketed value nests. */
function redactNamed(text: string): string {
  NAMED_SECRET.lastIndex = 0;
  let out = '';
  let copied = 0;
  for (let m = NAMED_SECRET.exec(text); m !== null; m = NAMED_SECRET.exec(text)) {
    const valueStart = m.index + m[0].length;
    // Already redacted (a summary read again by merge): left as it is, so redaction is idempotent.
    const afterMark = valueStart + REDACTED.length;
    if (text.startsWith(REDACTED, valueStart) && endOfScalar(text, afterMark) === afterMark) {
      NAMED_SECRET.lastIndex = afterMark;
      continue;
    }
    const valueQuote = m[3] ?? '';
    const first = text.charCodeAt(valueStart);
    let valueEnd: number;
    let replacement = REDACTED;
    if (valueQuote === '' && (first === 0x5b /* [ */ || first === 0x7b) /* { */) {
      valueEnd = endOfComposite(text, valueStart);
      const nameQuote = m[2] ?? '';
      replacement = nameQuote === '' ? REDACTED : `${nameQuote}${REDACTED}${nameQuote}`;
      // Unquoted, `[a]b` is one value: what follows the bracket up to a separator goes too.
      if (nameQuote === '') valueEnd = endOfScalar(text, valueEnd);
    } else valueEnd = endOfScalar(text, valueStart);
    if (valueEnd === valueStart) continue;
    out += text.slice(copied, valueStart) + replacement;
    copied = valueEnd;
    NAMED_SECRET.lastIndex = valueEnd;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Where a plain value ends: a quote, backslash, blank, `& , ; } ]`, a URL-encoded `&`, or MAX_VALUE. */
function endOfScalar(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_VALUE);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x26 || c === 0x2c || c === 0x3b || c === 0x7d || c === 0x5d || c === 0x5c) return i;
    if (c === 0x25 /* % */ && (text.startsWith('26', i + 1) || text.startsWith('2526', i + 1))) return i;
  }
  return limit;
}

/**
 * Where the array or object opening at `from` closes (strings, escaped or
 * not, skipped), or where the text or MAX_COMPOSITE ends when it does not.
 */
export function endOfComposite(text: string, from: number, max = MAX_COMPOSITE): number {
  const limit = Math.min(text.length, from + max);
  let depth = 0;
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < limit; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length <= limit ? text.length : limit;
}

/**
 * JSON keys spelled with escapes (`"pass\u0077ord": "…"`), which no pattern
 * sees as a name: each key holding a `\u` escape is decoded as JSON.parse
 * would, and the value of one naming a credential is redacted.
 */
function redactEscapedKeys(text: string): string {
  let out = '';
  let copied = 0;
  for (let at = text.indexOf('\\u'); at >= 0; at = text.indexOf('\\u', at + 2)) {
    if (at < copied) continue;
    const open = text.lastIndexOf('"', at);
    const close = text.indexOf('"', at);
    if (open < copied || close < 0 || at - open > 256 || close - at > 256) continue;
    let colon = close + 1;
    while (text.charCodeAt(colon) === 0x20) colon++;
    if (text.charCodeAt(colon) !== 0x3a /* : */) continue;
    let name: unknown;
    try {
      name = JSON.parse(text.slice(open, close + 1));
    } catch {
      continue;
    }
    if (typeof name !== 'string' || !SECRET_KEY.test(name)) continue;
    let value = colon + 1;
    while (text.charCodeAt(value) === 0x20) value++;
    const first = text.charCodeAt(value);
    const valueEnd =
      first === 0x22 ? endOfJsonString(text, value + 1) + 1 : first === 0x5b || first === 0x7b ? endOfComposite(text, value) : endOfScalar(text, value);
    out += `${text.slice(copied, value)}"${REDACTED}"`;
    copied = Math.min(valueEnd, text.length);
    at = copied;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const PEM_LABEL = 'PRIVATE KEY-----';
const PEM_BEGIN = '-----BEGIN ';
const PEM_END = '-----END ';

/**
 * The body of each PEM private key block (`-----BEGIN RSA PRIVATE KEY-----` …
 * `-----END RSA PRIVATE KEY-----`) becomes `[REDACTED]`; a block that does
 * not end (a cut record) is redacted to the end of its JSON string or text.
 */
function redactPrivateKeys(text: string): string {
  let at = text.indexOf(PEM_LABEL);
  if (at < 0) return text;
  let out = '';
  let copied = 0;
  while (at >= 0) {
    const begin = text.lastIndexOf(PEM_BEGIN, at);
    const bodyStart = at + PEM_LABEL.length;
    if (begin < 0 || at - begin > 40 || begin < copied) {
      at = text.indexOf(PEM_LABEL, bodyStart);
      continue;
    }
    const end = text.indexOf(PEM_END, bodyStart);
    const bodyEnd = end >= 0 ? end : endOfJsonString(text, bodyStart);
    out += text.slice(copied, bodyStart) + REDACTED;
    copied = bodyEnd;
    at = text.indexOf(PEM_LABEL, end >= 0 ? end + PEM_END.length : bodyEnd);
  }
  return out + text.slice(copied);
}

/** The next unescaped quote at or after `from` (where a JSON string holding a cut PEM block ends), else the text's end. */
function endOfJsonString(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i;
  }
  return text.length;
}
