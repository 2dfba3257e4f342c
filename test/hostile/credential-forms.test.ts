import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactJsonText } from '../../src/redaction/redact-json-text.js';
import { redactSecrets } from '../../src/redaction/redact-secrets.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * One credential form per case: a fragment of log text and the secret in it.
 * Each is logged in a record that is an uncatalogued API error, so the record
 * is kept as a sample in the summary, and from there reaches `catalog
 * --suggest` and `merge`.
 */
const FORMS: { name: string; fragment: string; secret: string; json?: string }[] = [
  { name: 'an array under a credential key', fragment: 'body={"password":["Arr4ySecret","two"]}', secret: 'Arr4ySecret', json: '"password":["Arr4ySecret","two"]' },
  { name: 'an object under a credential key', fragment: 'body={"SecretKey":{"v":"0bjSecret"}}', secret: '0bjSecret', json: '"SecretKey":{"v":"0bjSecret"}' },
  {
    name: 'URL-encoded credentials in a string to sign',
    fragment: 'string to sign: GET&%2F&AccessKeyId%3DLTAI5tEnc0dedKey99%26Action%3DCreateGroupId%26SecurityToken%3DCAISenc0dedT0ken%26SignatureMethod%3DHMAC-SHA1',
    secret: 'Enc0ded',
  },
  { name: 'double URL-encoded credentials', fragment: 'url=%3FSignature%253DD0ubleEnc%2526x', secret: 'D0ubleEnc' },
  { name: 'URL userinfo', fragment: 'connecting to mqtt://admin:Us3rinfoPw@post-cn-x.mqtt.aliyuncs.com:1883', secret: 'Us3rinfoPw', json: '"broker":"mqtt://admin:Us3rinfoPw@h:1883"' },
  { name: 'passwd=', fragment: 'passwd=Pa55wdSecret', secret: 'Pa55wdSecret' },
  { name: 'pwd=', fragment: 'user=a pwd=PwdS3cret', secret: 'PwdS3cret' },
  { name: 'client_secret', fragment: 'client_secret=Cl1entSecret', secret: 'Cl1entSecret', json: '"client_secret":"Cl1entSecret"' },
  { name: 'api_key', fragment: 'api_key: Ap1KeySecret', secret: 'Ap1KeySecret', json: '"apiKey":"Ap1KeySecret"' },
  { name: 'Cookie header', fragment: 'Cookie: session=C00kieOne; csrf=C00kieTwo', secret: 'C00kie', json: '"Cookie":"session=C00kieOne; csrf=C00kieTwo"' },
  {
    name: 'PEM private key block',
    fragment: 'key=-----BEGIN RSA PRIVATE KEY-----\\nMIIEpAIBAAKCAQEAPemB0dy\\n-----END RSA PRIVATE KEY-----',
    secret: 'PemB0dy',
    json: '"pem":"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANPemB0dy\\n-----END PRIVATE KEY-----\\n"',
  },
  { name: 'aws_secret_access_key', fragment: 'aws_secret_access_key=AwsS3cretKey', secret: 'AwsS3cretKey', json: '"aws_secret_access_key":"AwsS3cretKey"' },
  { name: 'privateKey', fragment: 'privateKey: Pr1vateKeyVal', secret: 'Pr1vateKeyVal', json: '"privateKey":"Pr1vateKeyVal"' },
  { name: 'secret=', fragment: 'secret=BareS3cret', secret: 'BareS3cret', json: '"secret":"BareS3cret"' },
  { name: 'SessionToken=', fragment: 'SessionToken=Sess10nTok', secret: 'Sess10nTok' },
  { name: 'Credential=', fragment: 'X-Amz-Credential=Cred3ntialVal%2F20261122', secret: 'Cred3ntialVal' },
  { name: 'a JSON-escaped key', fragment: 'body={"pass\\u0077ord":"Esc4pedKey"}', secret: 'Esc4pedKey', json: '"pass\\u0077ord":"Esc4pedKey"' },
];

const dir = mkdtempSync(join(tmpdir(), 'mqerr-credentials-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function requestId(n: number): string {
  return `8c1d2e3f-4a5b-4c6d-8e7f-${String(n).padStart(12, '0')}`;
}

/** A text record and, where the form has one, a JSON record: each an uncatalogued Tencent error. */
function logFor(index: number): string {
  const form = FORMS[index]!;
  let out = `2026/11/22 09:45:00 [TencentCloudSDKError] Code=FailedOperation.FormText${index}, Message=call failed ${form.fragment}, RequestId=${requestId(index)}\n`;
  if (form.json) {
    out += `{"level":50,"msg":"call failed","err":{"code":"FailedOperation.FormJson${index}","requestId":"${requestId(100 + index)}"},${form.json}}\n`;
  }
  return out;
}

const paths: string[] = [];
const summaries: string[] = [];
beforeAll(async () => {
  for (let i = 0; i < FORMS.length; i++) {
    const path = join(dir, `form-${i}.log`);
    writeFileSync(path, logFor(i));
    paths.push(path);
    // Shards made with --no-redact: merge and --suggest must redact them themselves.
    const shard = join(dir, `form-${i}.json`);
    writeFileSync(shard, (await runCli(['--format', 'json', '--no-redact', path])).stdout);
    summaries.push(shard);
  }
});

describe.each(FORMS.map((form, i) => ({ ...form, i })))('credentials: $name', ({ fragment, secret, json, i }) => {
  it('redactSecrets and redactJsonText remove it, and the JSON stays JSON', () => {
    expect(redactSecrets(fragment)).not.toContain(secret);
    expect(redactSecrets(fragment)).toContain('[REDACTED]');
    if (json) {
      const redacted = redactJsonText(`{${json}}`);
      expect(redacted).not.toContain(secret);
      expect(() => JSON.parse(redacted) as unknown).not.toThrow();
    }
  });

  it('is in no output: the summary, tag --redact-input, catalog --suggest, merge', async () => {
    const scan = await runCli(['--format', 'json', paths[i]!]);
    expect(scan.code).toBe(0);
    const summary = JSON.parse(scan.stdout) as { uncatalogued: unknown[] };
    expect(summary.uncatalogued.length).toBe(json ? 2 : 1);
    expect(scan.stdout).not.toContain(secret);
    const tag = await runCli(['tag', '--redact-input', paths[i]!]);
    expect(tag.code).toBe(0);
    expect(tag.stdout).not.toContain(secret);
    for (const line of tag.stdout.trimEnd().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
    const suggest = await runCli(['catalog', '--suggest', summaries[i]!]);
    expect(suggest.code).toBe(0);
    expect(suggest.stdout + suggest.stderr).not.toContain(secret);
    const merge = await runCli(['merge', '--format', 'json', summaries[i]!, summaries[(i + 1) % FORMS.length]!]);
    expect(merge.code).toBe(0);
    expect(merge.stdout).not.toContain(secret);
  });
});

describe('redaction is idempotent and cannot be sidestepped with a fake mark', () => {
  it('a redacted text redacted again is unchanged; a value behind a fake [REDACTED] is still redacted', () => {
    const once = redactSecrets('password=abc "token":"[REDACTED]" {"password":["x"]}');
    expect(redactSecrets(once)).toBe(once);
    expect(redactSecrets('password=[REDACTED]Sneaky')).not.toContain('Sneaky');
  });
});
