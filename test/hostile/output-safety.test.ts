import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/aggregation/summary.js';
import { runCli } from '../helpers/run-cli.js';
import { scanJson, splitMessages } from '../helpers/scan-json.js';

const dir = mkdtempSync(join(tmpdir(), 'mqerr-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ESC = '\u001b';
/** What a log can try to make a terminal do: clear it, retitle it, recolour, reorder text, ring. */
const INJECTION = `${ESC}[2J${ESC}]0;pwned\u0007${ESC}[31m\u202eevil\u0008`;
const ERROR_LINE = (pod: string): string =>
  `[pod/${pod}/app] {"Response":{"Error":{"Code":"InternalError","Message":"${INJECTION.replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"},"RequestId":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61"}}`;

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Every ESC in the output starts a colour (SGR) sequence mqerr or pino-pretty wrote itself. */
function onlyColourEscapes(text: string): boolean {
  return [...text.matchAll(/\u001b/g)].every((m) => /^\u001b\[[0-9;]*m/.test(text.slice(m.index)));
}

describe.concurrent('log text never steers the terminal', () => {
  // A kubectl pod prefix stops at '/', ']' and blanks; everything else gets through to the pod name.
  const hostilePod = `${ESC}[2Jx${ESC}(0\u0007`;

  it('table, CSV and Markdown show escapes in pods and sources as visible text', async () => {
    const path = file('ansi.log', `${ERROR_LINE(hostilePod)}\n`);
    for (const format of ['table', 'csv', 'markdown']) {
      const run = await runCli(['scan', path, '--format', format, '--by', 'pod', '--by', 'source']);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain(ESC);
      expect(run.stdout).not.toContain('\u0007');
      expect(run.stdout).toContain('\\x1b[2Jx\\x1b(0\\x07'.replace(/[\\[\]_*<>|`]/g, (c) => (format === 'markdown' ? `\\${c}` : c)));
    }
  });

  it('with colour on, the only escapes in the table are its own colours', async () => {
    const path = file('ansi-colour.log', `${ERROR_LINE(hostilePod)}\n`);
    const run = await runCli(['scan', path, '--format', 'table', '--by', 'pod'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(run.stdout).toContain(`${ESC}[1m`);
    expect(onlyColourEscapes(run.stdout)).toBe(true);
  });

  it('tag --pretty shows the message’s escapes as text, with or without colour', async () => {
    const path = file('pretty.log', `${ERROR_LINE('api-1')}\n{"level":30,"msg":"${'\\u001b'}[2J${'\\u001b'}]0;owned${'\\u0007'}","${'\\u001b'}[31mkey":1}\n`);
    const plain = await runCli(['tag', '--pretty', path]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain(ESC);
    expect(plain.stdout).toContain('\\x1b[2J\\x1b]0;pwned\\x07');
    expect(plain.stdout).toContain('\\x1b]0;owned\\x07');
    expect(plain.stdout).toContain('\\u{202e}evil');
    const coloured = await runCli(['tag', '--pretty', path], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain(ESC);
    expect(onlyColourEscapes(coloured.stdout)).toBe(true);
  });

  it('a source named with escapes and a newline gets a one-line message, escaped', async () => {
    // ESC c resets the terminal; no glob characters, so the name is taken as a path.
    const name = join(dir, `missing${ESC}c\nmqerr: all clear.log`);
    const good = file('fine.log', 'ok\n');
    const run = await scanJson([name, good]);
    expect(run.code).toBe(3);
    expect(run.messages).toEqual([`mqerr: ${join(dir, 'missing\\x1bc\\x0amqerr: all clear.log')}: no such file or directory`]);
    const table = await runCli(['scan', '--format', 'table', name, good]);
    expect(table.stdout).not.toContain(ESC);
    expect(table.stdout.split('\n').filter((l) => l.includes('all clear'))).toEqual([
      `  ${join(dir, 'missing\\x1bc\\x0amqerr: all clear.log')}: no such file or directory`,
    ]);
  });

  it('usage errors and unknown codes echo what was typed, escaped, on one line', async () => {
    const usage = await runCli(['scan', '--by', `${ESC}[31mx\ny`]);
    expect(usage.code).toBe(2);
    expect(splitMessages(usage.stderr)).toHaveLength(1);
    expect(usage.stderr).not.toContain(ESC);
    const explain = await runCli(['explain', `${ESC}]0;x\u0007`]);
    expect(explain.code).toBe(1);
    expect(explain.stderr).toBe("mqerr: unknown code '\\x1b]0;x\\x07'\n");
  });

  it('catalog text (a user catalog is data) is shown escaped by explain and the catalog table', async () => {
    const catalogFile = file('evil-catalog.json', JSON.stringify({ vendor: 'acme', entries: [{ code: 'Boom', description: `${ESC}[2Jgone\nfake line`, remedy: `${ESC}]0;t\u0007` }] }));
    const explain = await runCli(['explain', 'Boom', '--catalog', catalogFile]);
    expect(explain.code).toBe(0);
    expect(explain.stdout).not.toContain(ESC);
    expect(explain.stdout).toContain('meaning:     \\x1b[2Jgone\\x0afake line');
  });
});

describe.concurrent('credentials are redacted in every output, unless asked', () => {
  const leaky = [
    '[pod/api-SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx/app] 2026-11-22 09:45:00 ERROR GET /?AccessKeyId=LTAI5tAbCdEfGhIjKlMn&Action=CreateGroupId&Signature=aB3dE%2Bf%3D Code=InternalError RequestId=LTAI5tAbCdEfGhIjKlMn',
    '{"level":50,"msg":"call failed","headers":{"Authorization":"Bearer eyJhbGci.e30.x","X-TC-Token":"tok123"},"SecretKey":12345,"err":{"code":"InternalError","requestId":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61"}}',
  ].join('\n');
  const secrets = ['AKIDz8krbsJ5yKBZQpn74WFkmLPx', 'LTAI5tAbCdEfGhIjKlMn', 'aB3dE%2Bf%3D', 'eyJhbGci.e30.x', 'tok123', '12345'];

  it('the summary (JSON, table, CSV, Markdown) redacts what it took from the logs; --no-redact keeps it', async () => {
    const path = file('leaky.log', `${leaky}\n`);
    for (const format of ['json', 'table', 'csv', 'markdown']) {
      const run = await runCli(['scan', path, '--format', format, '--by', 'pod', '--by', 'code']);
      for (const secret of secrets) expect(run.stdout, `${format} shows ${secret}`).not.toContain(secret);
    }
    const redacted = await scanJson([path]);
    expect(redacted.summary.byPod.map((p) => p.key)).toContain('api-SecretId=AKID[REDACTED]');
    expect(redacted.summary.byCode.flatMap((c) => c.requestIds)).toContain('LTAI[REDACTED]');
    const kept = await scanJson(['--no-redact', path]);
    expect(kept.summary.byPod.map((p) => p.key)).toContain('api-SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx');
    expect(kept.summary.byCode.flatMap((c) => c.requestIds)).toContain('LTAI5tAbCdEfGhIjKlMn');
  });

  it('tag redacts its added fields, passes the record untouched, and redacts the record too with --redact-input', async () => {
    const path = file('leaky-tag.log', `${leaky}\n`);
    const tag = await runCli(['tag', path]);
    const [text, json] = tag.stdout.trim().split('\n').map((l) => JSON.parse(l) as { msg?: string; mqerr: { requestId: string } } & Record<string, unknown>);
    expect(text!.mqerr.requestId).toBe('LTAI[REDACTED]');
    expect(text!.msg).toContain('AccessKeyId=LTAI5tAbCdEfGhIjKlMn');
    expect(tag.stdout).toContain('"SecretKey":12345');

    const redactedInput = await runCli(['tag', '--redact-input', path]);
    for (const secret of secrets) expect(redactedInput.stdout).not.toContain(secret);
    const lines = redactedInput.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[1]!['SecretKey']).toBe('[REDACTED]');
    expect(lines[1]!['headers']).toEqual({ Authorization: '[REDACTED]', 'X-TC-Token': '[REDACTED]' });

    const raw = await runCli(['tag', '--no-redact', path]);
    expect((JSON.parse(raw.stdout.split('\n')[0]!) as { mqerr: { requestId: string } }).mqerr.requestId).toBe('LTAI5tAbCdEfGhIjKlMn');
  });

  it('merge redacts shards made with --no-redact; merge --no-redact keeps them', async () => {
    const path = file('leaky-merge.log', `${leaky}\n`);
    const shard = await runCli(['scan', '--format', 'json', '--no-redact', path]);
    const shardFile = file('shard.json', shard.stdout);
    const merged = JSON.parse((await runCli(['merge', '--format', 'json', shardFile])).stdout) as Summary;
    expect(JSON.stringify(merged)).not.toContain('LTAI5tAbCdEfGhIjKlMn');
    expect(merged.byPod.map((p) => p.key)).toContain('api-SecretId=AKID[REDACTED]');
    const kept = JSON.parse((await runCli(['merge', '--format', 'json', '--no-redact', shardFile])).stdout) as Summary;
    expect(JSON.stringify(kept)).toContain('LTAI5tAbCdEfGhIjKlMn');
  });
});
