import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/aggregation/summary.js';
import { ROOT } from '../helpers/run-cli.js';

/**
 * test/api/scripts/pino-app.mjs logs 31 records (20 API errors, 10
 * successes, one thrown SDK error) through a real pino logger whose
 * transport, `mqerr/pino`, pino runs in a worker thread.
 */
function app(args: string[]): string {
  const run = spawnSync(process.execPath, [join(ROOT, 'test/api/scripts/pino-app.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, TZ: 'UTC', MQERR_CATALOG: '' } });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mqerr-pino-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the pino transport (mqerr/pino)', () => {
  it('counts the errors an application logs and serves them as Prometheus metrics, successes labelled alike', async () => {
    const summaryFile = join(dir, 'summary.json');
    const metrics = app(['metrics', String(await freePort()), summaryFile]);
    expect(metrics).toMatch(/^mqerr_errors_total\{vendor="tencent",product="",action="CreateTopic",pod="",code="RequestLimitExceeded",category="throttling"\} 10$/m);
    expect(metrics).toMatch(/^mqerr_errors_total\{vendor="tencent",product="",action="CreateTopic",pod="",code="AuthFailure.SignatureExpire",category="auth"\} 1$/m);
    expect(metrics).toMatch(/^mqerr_successes_total\{vendor="tencent",product="",action="DescribeInstance",pod=""\} 10$/m);
    // At close, the summary of everything logged.
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as Summary;
    expect(summary.totals).toMatchObject({ lines: 32, records: 32, errors: 21, successes: 10 });
    expect(summary.sources.map((s) => s.name)).toEqual(['orders']);
  }, 90_000);

  it('in a pipeline, passes the tagged error records on to the next transport', () => {
    const out = join(dir, 'errors.ndjson');
    app(['forward', out]);
    const records = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string; mqerr: { event: string; code: string; action: string } });
    expect(records).toHaveLength(21);
    expect(records.every((r) => r.mqerr.event === 'error')).toBe(true);
    expect(records.at(-1)).toMatchObject({ msg: 'request failed', mqerr: { code: 'AuthFailure.SignatureExpire', action: 'CreateTopic' } });
  }, 90_000);
});
