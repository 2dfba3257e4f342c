/**
 * `Recommend` as Alibaba's error bodies and SDKs write it: a JSON key
 * (`"Recommend":"https://…"`, also with escaped quotes inside a string), a
 * Python dict key or a `Recommend: https://…` line. The URL runs to the
 * first quote, space, angle bracket or backslash that is not part of a JSON
 * escape for `&` or `/` (Go's encoder writes `&` as `\u0026`, PHP's `/` as `\/`).
 */
const RECOMMEND_URL = /Recommend\\?["']?\s*[:=]\s*\\?["']?(https:(?:\/\/|\\\/\\\/)(?:[^\s"'<>\\…]|\\u0026|\\\/)+)/i;
const JSON_ESCAPE = /\\u0026|\\\//g;

/** Where the link may lead: Alibaba Cloud's own sites, over https. */
const ALIBABA_DOMAIN = 'aliyun.com';

/**
 * The Alibaba `Recommend` troubleshooting link a record's text carries, as
 * a normalized URL, when it is a whole https URL on aliyun.com (or one of its
 * subdomains) without credentials or a port; otherwise null. A link that
 * runs into the cut mark of a shortened sample is incomplete, so it is null.
 * The caller still escapes the result: it only vouches for where it leads.
 * @example findRecommendLink('{"Code":"X","Recommend":"https://api.aliyun.com/troubleshoot?q=X&product=OnsMqtt"}') // 'https://api.aliyun.com/troubleshoot?q=X&product=OnsMqtt'
 */
export function findRecommendLink(text: string): string | null {
  const match = RECOMMEND_URL.exec(text);
  if (!match) return null;
  const end = match.index + match[0].length;
  if (text[end] === '…' && end === text.length - 1) return null;
  return alibabaLink(match[1]!.replace(JSON_ESCAPE, (e) => (e === '\\/' ? '/' : '&')));
}

/**
 * The URL, normalized, when it is a whole https URL on aliyun.com (or one of
 * its subdomains) without credentials or a port; otherwise null. Also what a
 * link read back from a summary (merge, the report) must pass.
 * @example alibabaLink('javascript:alert(1)') // null
 */
export function alibabaLink(raw: string): string | null {
  // Alibaba's links carry the call's RequestId, so most are new: one already as the URL parser writes it is taken as it is.
  if (PLAIN_LINK.test(raw) && !raw.includes('/.') && !raw.includes('xn--')) return raw;
  // Others repeat on every record of their code, and parsing a URL costs microseconds: answers are remembered.
  const known = links.get(raw);
  if (known !== undefined) return known;
  const link = checkedLink(raw);
  if (links.size >= MAX_REMEMBERED_LINKS) links.clear();
  if (raw.length <= MAX_REMEMBERED_LINK_LENGTH) links.set(raw, link);
  return link;
}

/**
 * An https URL on aliyun.com or a subdomain (lower-case labels, none
 * empty), with a path, no credentials, no port, and only characters the
 * WHATWG URL parser leaves as they are in a path, query and fragment
 * (no `%`, no `\`, no spaces or quotes): such a URL's `href` is itself,
 * once no dot segment (`/./`, `/../`) nor punycode label (`xn--`, which the
 * parser checks) is in it either. Anything else is parsed.
 */
const PLAIN_LINK = /^https:\/\/(?:[a-z0-9-]+\.)*aliyun\.com\/[A-Za-z0-9\-._~!$&()*+,;=:@/?]*$/;

const links = new Map<string, string | null>();
const MAX_REMEMBERED_LINKS = 1024;
const MAX_REMEMBERED_LINK_LENGTH = 512;

/** alibabaLink's answer by the URL parser alone, for every link (exported for the test that holds PLAIN_LINK to it). */
export function checkedLink(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  const onAlibaba = host === ALIBABA_DOMAIN || host.endsWith(`.${ALIBABA_DOMAIN}`);
  if (url.protocol !== 'https:' || !onAlibaba || url.username !== '' || url.password !== '' || url.port !== '') return null;
  return url.href;
}
