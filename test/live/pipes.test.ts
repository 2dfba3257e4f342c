import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/run-cli.js';
import { ndjson, startCli, waitUntil, type RunningCli } from '../helpers/start-cli.js';

const SAMPLE = readFileSync(join(ROOT, 'fixtures/sample/app.log'), 'utf8');
const ENV = { ...process.env, TZ: 'UTC', NO_COLOR: '1', MQERR_CATALOG: '' };

let dir: string;
let big: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mqerr-pipes-'));
  big = join(dir, 'big.log');
  writeFileSync(big, SAMPLE.repeat(1500)); // about 5 MB, 45,000 lines
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a shell pipeline and collects its status and stderr. */
function sh(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], { cwd: ROOT, env: { ...ENV, CLI, BIG: big } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('mqerr tag in a pipe', () => {
  it('writes each record before the next one is written, single-line and multi-line alike', async () => {
    const cli = startCli(['tag', '--errors-only']);
    const records = [
      '{"level":50,"time":1795340674085,"msg":"send failed","code":"InternalError","detail":"upstream busy"}\n',
      '{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"over the limit"},"RequestId":"3f2a9b1c-7d4e-4a5b-8c6d-9e0f1a2b3c4d"}}\n',
      // A Java exception and its stack: one record, closed only by the pipe going quiet.
      '2026-11-22 09:45:02.311 ERROR c.e.mqtt.TopicService - DeleteTopic failed\n' +
        'com.tencentcloudapi.common.exception.TencentCloudSDKException: [TencentCloudSDKException]code: FailedOperation.InstanceNotReady message:The instance is not ready. requestId:1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6\n' +
        '\tat com.tencentcloudapi.common.AbstractClient.internalRequest(AbstractClient.java:310)\n',
    ];
    const codes = ['InternalError', 'RequestLimitExceeded', 'FailedOperation.InstanceNotReady'];
    for (let i = 0; i < records.length; i++) {
      cli.child.stdin.write(records[i]!);
      const out = await cli.waitForStdout((text) => ndjson(text).length === i + 1, `tagged record ${i + 1}`);
      const tagged = ndjson(out)[i] as { mqerr: { code: string } };
      expect(tagged.mqerr.code).toBe(codes[i]);
    }
    cli.child.stdin.end();
    expect((await cli.exited).code).toBe(0);
    expect(ndjson(cli.stdout())).toHaveLength(3);
  });

  it('`mqerr tag big.log | head -1` exits 0 with nothing on stderr', async () => {
    const result = await sh('set -o pipefail; node "$CLI" tag "$BIG" | head -1');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(ndjson(result.stdout)).toHaveLength(1);
  });

  it('a summary into a closed pipe exits 0 quietly too', async () => {
    const result = await sh('set -o pipefail; node "$CLI" --format json --every 100ms "$BIG" | head -c 10');
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });

  it.runIf(existsSync('/dev/full'))('a full disk on stdout is one line on stderr, status 3, no stack trace', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'tag', big], { cwd: ROOT, env: ENV, stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'] });
      let stderr = '';
      child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^mqerr: cannot write output: ENOSPC[^\n]*\n$/);
  });

  it('a reader that stops reading stops mqerr reading; nothing is lost when it reads again', async () => {
    const cli = startCli(['tag']);
    cli.child.stdout.pause();
    const chunk = SAMPLE.repeat(20);
    let written = 0;
    let stalled = false;
    // Write until the input pipe stays full: mqerr has stopped reading because its output is not read.
    while (!stalled) {
      if (written > 64 * 1024 * 1024) throw new Error(`wrote ${written} bytes and mqerr kept reading although nobody read its output`);
      written += chunk.length;
      if (cli.child.stdin.write(chunk)) continue;
      stalled = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(true), 1000);
        cli.child.stdin.once('drain', () => {
          clearTimeout(timer);
          resolve(false);
        });
      });
    }
    // What the pipes and stream buffers hold (a few MB), not the input.
    expect(written).toBeLessThan(16 * 1024 * 1024);
    let lines = 0;
    let tail = '';
    cli.child.stdout.removeAllListeners('data');
    cli.child.stdout.on('data', (c: string) => {
      const text = tail + c;
      const parts = text.split('\n');
      tail = parts.pop()!;
      lines += parts.length;
    });
    cli.child.stdout.resume();
    cli.child.stdin.end();
    expect((await cli.exited).code).toBe(0);
    await waitUntil(() => cli.child.stdout.readableEnded, 'the end of output');
    // Every record of every chunk written comes out: 15 per copy of the sample.
    expect(lines).toBe((written / SAMPLE.length) * 15);
  });
});

/**
 * Writes `busyLine(n)` to mqerr's stdin every 10 ms (so the pipe as a whole
 * is never quiet) until one tagged record has come out, and returns it.
 */
async function firstTaggedWhileBusy(cli: RunningCli, busyLine: (n: number) => string): Promise<unknown> {
  let seen = false;
  let n = 0;
  const busy = setInterval(() => {
    if (!seen) cli.child.stdin.write(busyLine(n++));
  }, 10);
  try {
    return ndjson(await cli.waitForStdout((text) => ndjson(text).length === 1, 'the quiet stream’s error'))[0];
  } finally {
    seen = true;
    clearInterval(busy);
  }
}

describe('kubectl logs -f --prefix of a busy deployment', () => {
  it('a quiet pod’s error is tagged, with its pod, while another pod never stops writing', async () => {
    const cli = startCli(['tag', '--errors-only']);
    cli.child.stdin.write(
      '[pod/api-7d9f-quiet/app] 2026-11-22 09:45:02,311 ERROR mqtt: DeleteTopic failed\n' +
        '[pod/api-7d9f-quiet/app] TencentCloudSDKException: [TencentCloudSDKException]message:The instance is not ready. requestId:1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6\n' +
        '[pod/api-7d9f-quiet/app]     at TencentCloudClient.request (/srv/app/node_modules/tencentcloud-sdk-nodejs-common/client.js:10:11)\n',
    );
    const tagged = (await firstTaggedWhileBusy(cli, (n) => `[pod/api-7d9f-busy/app] 2026-11-22 09:45:03,${String(n % 1000).padStart(3, '0')} INFO request served\n`)) as {
      mqerr: Record<string, unknown>;
    };
    expect(tagged.mqerr).toMatchObject({ requestId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6', pod: 'api-7d9f-quiet', container: 'app', line: 1 });
    cli.child.stdin.end();
    expect((await cli.exited).code).toBe(0);
    expect(ndjson(cli.stdout())).toHaveLength(1);
  });
});

describe('tail -F of a Fluent Bit output file', () => {
  /** A Fluent Bit record (tail input, kubernetes filter, file output as JSON lines): one physical application line each. */
  const shipped = (pod: string, log: string, n: number): string =>
    `${JSON.stringify({
      time: `2026-11-22T09:45:0${n % 10}.${String(n).padStart(3, '0')}Z`,
      stream: 'stdout',
      _p: 'F',
      log,
      kubernetes: { pod_name: pod, namespace_name: 'iot', container_name: 'app', container_image: 'registry.cn-hangzhou.aliyuncs.com/fleet/app:1', host: 'node-1' },
    })}\n`;

  it('tags a pod’s multi-line error, shipped one line per record, while another pod keeps writing', async () => {
    const cli = startCli(['tag', '--errors-only']);
    cli.child.stdin.write(
      shipped('api-quiet', '2026-11-22T09:45:02.311Z ERROR [mqtt] DeleteTopic failed', 0) +
        shipped('api-quiet', 'TencentCloudSDKException: [TencentCloudSDKException]message:The instance is not ready. requestId:1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6', 1) +
        shipped('api-quiet', '    at TencentCloudClient.request (/srv/app/client.js:10:11)', 2),
    );
    const tagged = (await firstTaggedWhileBusy(cli, (n) => shipped('api-busy', `2026-11-22T09:45:03.${String(n % 1000).padStart(3, '0')}Z INFO request served`, n + 3))) as {
      msg: string;
      mqerr: Record<string, unknown>;
    };
    expect(tagged.msg.split('\n')).toHaveLength(3);
    expect(tagged.mqerr).toMatchObject({ vendor: 'tencent', requestId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6', pod: 'api-quiet', namespace: 'iot', container: 'app', host: 'node-1', line: 1 });
    cli.child.stdin.end();
    expect((await cli.exited).code).toBe(0);
    expect(ndjson(cli.stdout())).toHaveLength(1);
  });
});
