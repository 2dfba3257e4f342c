import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/aggregation/summary.js';
import { requestId } from '../helpers/api-lines.js';
import { runCli } from '../helpers/run-cli.js';
import { ndjson, startCli } from '../helpers/start-cli.js';

/** A node's /var/log/pods, laid out as the kubelet writes it, in a temporary directory. */
let root: string;
const API = 'shop_api-7d9f8c-x2b4q_0a1b2c3d-1111-4222-8333-444455556666';
const WORKER = 'jobs_worker-0_9f8e7d6c-5555-4666-8777-888899990000';

/** A CRI log line (the kubelet's format) carrying a Tencent error body, or a success when `code` is null. */
function criLine(n: number, code: string | null, stream = 'stdout'): string {
  const body = code ? `{"Error":{"Code":"${code}","Message":"m"},"RequestId":"${requestId(n)}"}` : `{"RequestId":"${requestId(n)}"}`;
  return `2026-11-22T09:45:${String(n % 60).padStart(2, '0')}.123456789Z ${stream} F {"level":"error","Response":${body}}\n`;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'mqerr-pods-'));
  mkdirSync(join(root, API, 'app'), { recursive: true });
  mkdirSync(join(root, API, 'istio-proxy'), { recursive: true });
  mkdirSync(join(root, WORKER, 'worker'), { recursive: true });
  writeFileSync(join(root, API, 'app', '0.log'), criLine(1, 'RequestLimitExceeded') + criLine(2, null) + criLine(3, 'RequestLimitExceeded', 'stderr'));
  writeFileSync(join(root, API, 'istio-proxy', '0.log'), '2026-11-22T09:45:00.000000000Z stdout F [envoy] started\n');
  writeFileSync(join(root, WORKER, 'worker', '0.log'), criLine(4, 'AuthFailure.SignatureExpire') + criLine(5, null));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the kubelet's pod log files", () => {
  it('count errors and successes by the namespace, pod and container of their path', async () => {
    const result = await runCli(['--format', 'json', '--by', 'pod', root]);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as Summary;
    expect(summary.byPod).toEqual([
      { key: 'api-7d9f8c-x2b4q', count: 2 },
      { key: 'worker-0', count: 1 },
    ]);
    expect(summary.byContainer).toEqual([
      { key: 'app', count: 2 },
      { key: 'worker', count: 1 },
    ]);
    expect(summary.totals).toMatchObject({ errors: 3, successes: 2 });
  });

  it('tag every record with them', async () => {
    const result = await runCli(['tag', join(root, WORKER, 'worker', '0.log')]);
    const tags = ndjson(result.stdout).map((r) => r['mqerr'] as Record<string, unknown>);
    expect(tags.map((t) => [t['namespace'], t['pod'], t['container'], t['event']])).toEqual([
      ['jobs', 'worker-0', 'worker', 'error'],
      ['jobs', 'worker-0', 'worker', 'success'],
    ]);
  });

  it('also when followed with the DaemonSet glob, for a pod started later', async () => {
    const cli = startCli(['tag', '--errors-only', '--follow', join(root, '*', '*', '*.log')]);
    await cli.waitForStdout((out) => ndjson(out).length === 3, 'the errors already there');
    const later = 'shop_api-7d9f8c-zzzzz_11111111-2222-4333-8444-555566667777';
    mkdirSync(join(root, later, 'app'), { recursive: true });
    appendFileSync(join(root, later, 'app', '0.log'), criLine(6, 'InternalError'));
    const out = await cli.waitForStdout((text) => ndjson(text).length === 4, "the new pod's error");
    expect(ndjson(out)[3]!['mqerr']).toMatchObject({ namespace: 'shop', pod: 'api-7d9f8c-zzzzz', container: 'app', code: 'InternalError' });
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
    rmSync(join(root, later), { recursive: true });
  });
});
