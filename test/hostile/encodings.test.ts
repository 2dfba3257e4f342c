import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { expectedLines, scanJson, totalsProblems } from '../helpers/scan-json.js';
import { ALIBABA_ID, ALIBABA_LINE, pseudoRandomBytes, TENCENT_BODY, TENCENT_ID, tencentSdkId, tencentSdkLine } from './sample-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'mqerr-encodings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, ...parts: (string | Buffer)[]): { path: string; bytes: Buffer } {
  const bytes = Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p))));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, bytes };
}

const codes = (summary: { byCode: { code: string | null; count: number; requestIds: string[] }[] }) =>
  summary.byCode.map((c) => [c.code, c.count, c.requestIds]);

describe.concurrent('encodings and line endings mqerr takes in stride', () => {
  it('counts lines with invalid UTF-8 on the bytes, and still finds the error in one', async () => {
    const [head, tail] = ALIBABA_LINE.split('too many times.');
    const input = file(
      'invalid.log',
      'plain ASCII\n',
      Buffer.from('caf\xe9 in Latin-1\n', 'latin1'),
      Buffer.from([0xff, 0xfe, 0xfd, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0x0a]), // never valid, overlong, surrogate
      head!,
      Buffer.from([0xc3, 0x28]), // a lead byte without its continuation
      tail!,
      '\n',
      'a replacement character \ufffd written as valid UTF-8\n',
    );
    const run = await scanJson([input.path]);
    expect(run.code).toBe(0);
    expect(run.summary.totals).toEqual({ lines: 5, records: 5, errors: 1, successes: 0, truncated: 0, undecodable: 3, otherProducts: 0, otherCloud: 0, repeatsAcrossInputs: 0 });
    expect(run.summary.totals.lines).toBe(expectedLines(input.bytes));
    expect(codes(run.summary)).toEqual([['ApplyTokenOverFlow', 1, [ALIBABA_ID]]]);
    expect(totalsProblems(run.summary)).toEqual([]);
  });

  it('reads through NUL bytes', async () => {
    const input = file('nul.log', '\0\0\0\n', `\0\0 ${TENCENT_BODY}\n`, 'x\0y\0z');
    const run = await scanJson([input.path]);
    expect(run.summary.totals).toEqual({ lines: 3, records: 3, errors: 1, successes: 0, truncated: 0, undecodable: 0, otherProducts: 0, otherCloud: 0, repeatsAcrossInputs: 0 });
    expect(codes(run.summary)).toEqual([['ResourceNotFound.Topic', 1, [TENCENT_ID]]]);
  });

  it('reads binary data as lines, invents no event in it, and finds the one error between', async () => {
    const noise = pseudoRandomBytes(256 * 1024, 0x6d716572);
    const input = file('binary.log', noise, '\n', ALIBABA_LINE, '\n', pseudoRandomBytes(100 * 1024, 7));
    const run = await scanJson([input.path]);
    expect(run.code).toBe(0);
    expect(run.summary.totals.lines).toBe(expectedLines(input.bytes));
    expect(run.summary.totals.errors).toBe(1);
    expect(run.summary.totals.successes).toBe(0);
    expect(codes(run.summary)).toEqual([['ApplyTokenOverFlow', 1, [ALIBABA_ID]]]);
    expect(run.summary.totals.undecodable).toBeGreaterThan(run.summary.totals.lines / 2);
    expect(totalsProblems(run.summary)).toEqual([]);
  });

  it('drops a UTF-8 byte order mark at the start of each source, so a JSON first line is still JSON', async () => {
    const a = file('bom-a.log', '\ufeff', TENCENT_BODY, '\n');
    const b = file('bom-b.log', '\ufeff', ALIBABA_LINE, '\n');
    const run = await scanJson([a.path, b.path]);
    expect(run.summary.totals).toEqual({ lines: 2, records: 2, errors: 2, successes: 0, truncated: 0, undecodable: 0, otherProducts: 0, otherCloud: 0, repeatsAcrossInputs: 0 });
    const tag = await runCli(['tag', a.path]);
    const tagged = JSON.parse(tag.stdout) as { Response: unknown; mqerr: { code: string } };
    expect(tagged.mqerr.code).toBe('ResourceNotFound.Topic');
    expect(tag.stdout.startsWith('{"Response"')).toBe(true);
  });

  it('reads CRLF files like LF files: no carriage return reaches a RequestId or a tagged record', async () => {
    const input = file('crlf.log', TENCENT_BODY, '\r\n', ALIBABA_LINE, '\r\n', 'plain line\r\n', 'next\r\n', 'last\r');
    const run = await scanJson([input.path]);
    expect(run.summary.totals).toEqual({ lines: 5, records: 5, errors: 2, successes: 0, truncated: 0, undecodable: 0, otherProducts: 0, otherCloud: 0, repeatsAcrossInputs: 0 });
    expect(run.summary.totals.lines).toBe(expectedLines(input.bytes));
    expect(codes(run.summary)).toEqual([
      ['ApplyTokenOverFlow', 1, [ALIBABA_ID]],
      ['ResourceNotFound.Topic', 1, [TENCENT_ID]],
    ]);
    const tag = await runCli(['tag', input.path]);
    expect(tag.stdout).not.toContain('\r');
    for (const line of tag.stdout.trim().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });

  it('counts a lone CR as part of its line, as wc -l does: one line, one record, one event', async () => {
    const input = file('cr.log', 'progress 10%\rprogress 90%\r', TENCENT_BODY, '\r', 'more\r');
    const run = await scanJson([input.path]);
    expect(run.summary.totals).toEqual({ lines: 1, records: 1, errors: 1, successes: 0, truncated: 0, undecodable: 0, otherProducts: 0, otherCloud: 0, repeatsAcrossInputs: 0 });
    expect(codes(run.summary)).toEqual([['ResourceNotFound.Topic', 1, [TENCENT_ID]]]);
  });

  it('reads UTF-16 with a byte order mark (PowerShell redirection), little- and big-endian, as text', async () => {
    const text = `PS C:\\> kubectl logs deploy/api\r\n${TENCENT_BODY.replace('The topic does not exist.', '主题不存在')}\r\nlast line`;
    const le = file('utf16le.log', Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le'));
    const be = file('utf16be.log', Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16());
    const run = await scanJson([le.path, be.path]);
    expect(run.code).toBe(0);
    // One API error in two files: counted once, its repeat in the other input folded.
    expect(run.summary.totals).toEqual({ lines: 6, records: 6, errors: 1, successes: 0, truncated: 0, undecodable: 0, otherProducts: 0, otherCloud: 0, repeatsAcrossInputs: 1 });
    expect(codes(run.summary)).toEqual([['ResourceNotFound.Topic', 1, [TENCENT_ID]]]);
    expect(run.summary.sources.map((s) => [s.lines, s.bytes])).toEqual([
      [3, le.bytes.length],
      [3, be.bytes.length],
    ]);
  });

  it('takes mixed encodings line by line: GBK, Latin-1 and UTF-8 messages around the same error text', async () => {
    const gbk = Buffer.from([0xb4, 0xed, 0xce, 0xf3]); // "错误" in GBK
    const input = file(
      'mixed.log',
      '2026-11-22 09:45:00 INFO 主题同步完成\n',
      tencentSdkLine(gbk),
      '\n',
      tencentSdkLine(Buffer.from([0x66, 0x61, 0x6c, 0x6c, 0xe9]), 1), // Latin-1 "fallé"
      '\n',
      tencentSdkLine('签名过期', 2),
      '\n',
    );
    const run = await scanJson([input.path]);
    expect(run.summary.totals).toEqual({ lines: 4, records: 4, errors: 3, successes: 0, truncated: 0, undecodable: 2, otherProducts: 0, otherCloud: 0, repeatsAcrossInputs: 0 });
    expect(run.summary.byCode.map((c) => [c.code, c.count, [...c.requestIds].sort()])).toEqual([
      ['AuthFailure.SignatureExpire', 3, [tencentSdkId(0), tencentSdkId(1), tencentSdkId(2)]],
    ]);
  });
});
