import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { scanJson, totalsProblems } from '../helpers/scan-json.js';
import { runChunks } from './pipeline-harness.js';
import { TENCENT_BODY, TENCENT_ID } from './sample-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'mqerr-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const DEPTH = 100_000;
const ID = (n: number): string => `3f2a9b1c-7d4e-4a5b-8c6d-9e0f1a2b${String(n).padStart(4, '0')}`;
const tencentError = (code: string, n: number): string =>
  `{"Response":{"Error":{"Code":${JSON.stringify(code)},"Message":"x"},"RequestId":"${ID(n)}"}}`;

describe.concurrent('hostile JSON', () => {
  it('a truncated JSON line is read as text: no crash, its code and RequestId still found', async () => {
    const path = file('truncated.log', [`${TENCENT_BODY.slice(0, 85)}`, '{"level":50,"err":{"co', '{"Response":', '{'].join('\n'));
    const run = await scanJson([path]);
    expect(run.code).toBe(0);
    expect(run.summary.totals).toEqual({ lines: 4, records: 4, errors: 1, successes: 0, truncated: 0, undecodable: 0, otherProducts: 0, otherCloud: 0, repeatsAcrossInputs: 0 });
    expect(run.summary.byCode.map((c) => c.code)).toEqual(['ResourceNotFound.Topic']);
    const tag = await runCli(['tag', path]);
    expect(tag.code).toBe(0);
    expect(tag.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual([TENCENT_BODY.slice(0, 85), '{"level":50,"err":{"co', '{"Response":', '{']);
  });

  it(`nesting ${DEPTH.toLocaleString('en')} levels deep, on one line and over two: scan and tag (plain and --pretty) finish, nothing lost`, async () => {
    const deepObject = `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`;
    const deepArray = `{"err":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`;
    const path = file('deep.log', [deepObject, deepArray, '{"level":50,"err":', `  ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`, TENCENT_BODY, `x ${'{"Code":['.repeat(DEPTH)}`].join('\n'));
    const run = await scanJson([path]);
    expect(run.code).toBe(0);
    expect(run.summary.totals).toEqual({ lines: 6, records: 5, errors: 1, successes: 0, truncated: 0, undecodable: 0, otherProducts: 0, otherCloud: 0, repeatsAcrossInputs: 0 });
    expect(run.summary.byCode.map((c) => [c.code, c.requestIds])).toEqual([['ResourceNotFound.Topic', [TENCENT_ID]]]);

    const tag = await runCli(['tag', path]);
    expect(tag.stderr).toBe('');
    expect(tag.code).toBe(0);
    const lines = tag.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    // The two-line record is joined as written, not re-serialized.
    expect(lines[2]!.startsWith(`{"level":50,"err": ${'['.repeat(10)}`)).toBe(true);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();

    const pretty = await runCli(['tag', '--pretty', path]);
    expect(pretty.stderr).toBe('');
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toContain('[nested too deeply]');
    expect(pretty.stdout).toContain('ResourceNotFound.Topic');
  });

  it('a huge JSON line (3 MB, 100,000 items) is walked whole: the error after the payload is found', async () => {
    const items = Array.from({ length: 100_000 }, (_, i) => ({ id: i, name: `item${i}` }));
    const line = JSON.stringify({ level: 50, payload: items, err: { code: 'InternalError', requestId: TENCENT_ID, type: 'TencentCloudSDKException' } });
    expect(line.length).toBeGreaterThan(3_000_000);
    const run = await scanJson([file('huge.log', `${line}\n`)]);
    expect(run.summary.totals).toEqual({ lines: 1, records: 1, errors: 1, successes: 0, truncated: 0, undecodable: 0, otherProducts: 0, otherCloud: 0, repeatsAcrossInputs: 0 });
    expect(run.summary.byCode.map((c) => [c.code, c.requestIds])).toEqual([['InternalError', [TENCENT_ID]]]);
  });

  it('duplicate keys: the last value counts, as JSON.parse reads it; tag passes the record through with both', async () => {
    const record = '{"Response":{"Error":{"Code":"InternalError","Code":"toString","Message":"x"},"RequestId":"3f2a9b1c-7d4e-4a5b-8c6d-9e0f1a2b0001"}}';
    const path = file('duplicates.log', `${record}\n`);
    const run = await scanJson([path]);
    expect(run.summary.byCode.map((c) => [c.code, c.catalogued, c.category])).toEqual([['toString', false, 'unknown']]);
    const tag = await runCli(['tag', path]);
    expect(tag.stdout.startsWith(record.slice(0, -1))).toBe(true);
  });

  it('codes (in response bodies), pods and containers named __proto__, constructor, toString… are counted as plain uncatalogued values', async () => {
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'prototype'];
    const lines = names.map((name, i) => tencentError(name, i));
    lines.push(`[pod/__proto__/constructor] ${tencentError('__proto__', 99)}`);
    // Keys named so in an ordinary log line are just keys.
    lines.push('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"level":30,"msg":"ok"}');
    const run = await scanJson([file('proto.log', `${lines.join('\n')}\n`)]);
    expect(run.code).toBe(0);
    expect(run.summary.totals.errors).toBe(names.length + 1);
    const counts = Object.fromEntries(run.summary.byCode.map((c) => [`${c.code}:${String(c.catalogued)}`, c.count]));
    expect(counts).toEqual({
      '__proto__:false': 2,
      'constructor:false': 1,
      'toString:false': 1,
      'hasOwnProperty:false': 1,
      'valueOf:false': 1,
      '__defineGetter__:false': 1,
      'prototype:false': 1,
    });
    expect(run.summary.byCategory).toEqual({ unknown: names.length + 1 });
    expect(run.summary.byPod).toContainEqual({ key: '__proto__', count: 1 });
    expect(run.summary.byContainer).toContainEqual({ key: 'constructor', count: 1 });
    expect(totalsProblems(run.summary)).toEqual([]);
  });

  it('no prototype pollution in process: after such records, plain objects are untouched', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const text = [
      '{"__proto__":{"polluted":"yes","Code":"InternalError"},"constructor":{"prototype":{"polluted":"yes"}}}',
      tencentError('__proto__', 1),
      '[pod/__proto__/__proto__] {"err":{"code":"__proto__","requestId":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61","type":"TencentCloudSDKException"},"action":"__proto__"}',
    ].join('\n');
    const run = await runChunks([new TextEncoder().encode(text)]);
    expect(run.summary.totals.errors).toBe(2);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(Object.getPrototypeOf(run.summary.byCategory)).toBe(Object.prototype);
    // The SDK exception's own `code` field is not a documented body: an error, its code not taken.
    expect(run.summary.byCode.map((c) => c.code)).toEqual(['__proto__', null]);
  });
});
