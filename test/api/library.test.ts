import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/aggregation/summary.js';
import { apiLines } from '../helpers/api-lines.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

/** Runs test/api/scripts/library.mjs, which imports `mqerr` by its package name, as a dependent would. */
function library(lines: string[]): { recognized: unknown[]; tagged: { line: string; code: string | null; recordLine: number }[]; summary: Summary; markdown: string; registry: string } {
  const run = spawnSync(process.execPath, [join(ROOT, 'test/api/scripts/library.mjs'), ...lines], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC', MQERR_CATALOG: '' } });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ReturnType<typeof library>;
}

describe("the library API (import { createMqerr } from 'mqerr')", () => {
  const lines = apiLines(0, 12).trimEnd().split('\n');

  it('recognizes one record without counting it', () => {
    const { recognized, summary } = library([]);
    expect(recognized).toEqual([{ event: 'error', vendor: 'tencent', code: 'AuthFailure.SignatureExpire', category: 'auth', requestId: '5f1c2a3b-9d8e-4f70-a1b2-c3d4e5f6a7b8' }]);
    expect(summary.totals.errors).toBe(0);
  });

  it('tags a stream of lines as `mqerr tag` does and counts them as `mqerr --format json` does', async () => {
    const { tagged, summary, markdown } = library(lines);
    const tag = await runCli(['tag', '-'], { stdin: lines.join('\n') + '\n' });
    expect(tagged.map((t) => t.line + '\n').join('')).toBe(tag.stdout.replaceAll('"source":"-"', '"source":"app"'));
    const scan = JSON.parse((await runCli(['--format', 'json', '-'], { stdin: lines.join('\n') + '\n' })).stdout) as Summary;
    expect(summary).toEqual({ ...scan, sources: scan.sources.map((s) => ({ ...s, name: 'app', bytes: 0 })) });
    expect(markdown).toBe((await runCli(['--format', 'markdown', '-'], { stdin: lines.join('\n') + '\n' })).stdout.replaceAll('| - |', '| app |'));
  });

  it("adds its metrics to the application's own prom-client registry", () => {
    const { registry } = library(lines);
    expect(registry).toMatch(/^mqerr_errors_total\{vendor="tencent",product="",action="",pod="",code="RequestLimitExceeded",category="throttling"\} 2$/m);
    expect(registry).toMatch(/^mqerr_successes_total\{vendor="tencent",product="",action="",pod=""\} 4$/m);
  });
});
