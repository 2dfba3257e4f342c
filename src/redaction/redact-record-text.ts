import { redactJsonText } from './redact-json-text.js';
import { redactSecrets } from './redact-secrets.js';

/**
 * A record's text with its credentials redacted, for a sample kept in a
 * summary: a record that starts as JSON is redacted key by key first (so a
 * value under a credential key goes whole, whatever its type and however
 * the key is spelled), then everything is redacted as text, which also
 * covers a record cut short or with text after its JSON.
 * @example redactRecordText('{"password":["a","b"],"msg":"mqtt://u:pw@host"}') // '{"password":"[REDACTED]","msg":"mqtt://u:[REDACTED]@host"}'
 */
export function redactRecordText(text: string): string {
  const json = text.trimStart().startsWith('{');
  return redactSecrets(json ? redactJsonText(text) : text);
}
