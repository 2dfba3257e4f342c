import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { splitMessages } from '../helpers/scan-json.js';

const dir = mkdtempSync(join(tmpdir(), 'mqerr-catalog-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A user catalog of `count` generated Tencent codes; `category` makes every entry valid or not. */
function generatedCatalog(name: string, count: number, category: string): string {
  const entries = [];
  for (let i = 0; i < count; i++) entries.push({ code: `Gen.Code${i}`, httpStatus: 400, category, retryable: false, description: `generated code ${i}` });
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ vendor: 'tencent', entries }));
  return path;
}

describe.concurrent('user catalogs are bounded', () => {
  it('a catalog that is not a regular file is refused before it is read (/dev/zero would never end)', async () => {
    const fifo = join(dir, 'codes.fifo.json');
    execFileSync('mkfifo', [fifo]);
    for (const [path, kind] of [['/dev/zero', 'a character device'], [fifo, 'a FIFO'], [dir, 'a directory']] as const) {
      const run = await runCli(['--format', 'json', '--catalog', path, '-'], { stdin: 'x\n' });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(splitMessages(run.stderr)).toEqual([`mqerr: catalog ${path}: ${kind}, not a regular file; a catalog is read from a file`]);
    }
  });

  it('a catalog above 16 MiB is refused, naming the limit', async () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, 16 * 1024 * 1024 + 1);
    const run = await runCli(['--format', 'json', '--catalog', big, '-'], { stdin: 'x\n' });
    expect(run.code).toBe(2);
    expect(splitMessages(run.stderr)).toEqual([`mqerr: catalog ${big}: 16777217 bytes, more than a catalog may have (16777216 bytes, 16 MiB)`]);
  });

  it('100,000 entries load in linear time (a lookup per entry, not a search)', async () => {
    const path = generatedCatalog('many.json', 100_000, 'invalid-request');
    const run = await runCli(['explain', '--format', 'json', '--catalog', path, 'Gen.Code99999']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('generated code 99999');
  });

  it('100,000 broken entries: the first 50 problems, located, then a line saying there are more', async () => {
    const path = generatedCatalog('broken.json', 100_000, 'client');
    const run = await runCli(['catalog', '--check', path]);
    expect(run.code).toBe(2);
    const messages = splitMessages(run.stderr);
    expect(messages).toHaveLength(51);
    expect(messages[0]).toMatch(new RegExp(`^mqerr: catalog ${path}:1: entry 1 \\(code Gen\\.Code0\\): field 'category' must be one of`));
    expect(messages[49]).toMatch(/entry 50 \(code Gen\.Code49\)/);
    expect(messages[50]).toBe(`mqerr: catalog ${path}: more problems not shown (the first 50 are listed)`);
  });
});
