import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyCount, Summary } from '../../src/aggregation/summary.js';
import { requestId } from '../helpers/api-lines.js';
import { ROOT } from '../helpers/run-cli.js';
import { PATIENCE_MS, startCli, type RunningCli } from '../helpers/start-cli.js';

/**
 * A real Prometheus (Debian's `prometheus` package; .ci/run installs it)
 * scraping two mqerr, each following the log of one pod of a node.
 */
const PROMETHEUS = ['/usr/bin/prometheus', '/usr/local/bin/prometheus'].find((p) => existsSync(p)) ?? null;
const PROMTOOL = ['/usr/bin/promtool', '/usr/local/bin/promtool'].find((p) => existsSync(p)) ?? null;
if (!PROMETHEUS) console.warn("prometheus.test: skipped: Debian's prometheus package is not installed and could not be (.ci/run installs it as root with apt-get)");

const DOCS = readFileSync(join(ROOT, 'docs/live.md'), 'utf8');
const CODES = ['RequestLimitExceeded', 'RequestLimitExceeded', 'ResourceNotFound.Instance', 'AuthFailure.SignatureExpire'];
const ACTIONS = ['DescribeInstance', 'CreateTopic'];

/** Lines `from`… of a pod's log: errors (throttling the most common), every third line a success, with an action each. */
function podLines(from: number, count: number): string {
  let out = '';
  for (let n = from; n < from + count; n++) {
    const body = n % 3 === 2 ? `{"RequestId":"${requestId(n)}"}` : `{"Error":{"Code":"${CODES[n % CODES.length]!}","Message":"m"},"RequestId":"${requestId(n)}"}`;
    out += `{"level":"info","action":"${ACTIONS[n % 2]!}","Response":${body}}\n`;
  }
  return out;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

let dir: string;
let prometheus: ChildProcess | null = null;
let promUrl = '';
const mqerr: RunningCli[] = [];
const files: string[] = [];
/** What one mqerr serves at /metrics, once everything was read. */
let metricsText = '';

async function query(promql: string): Promise<Sample[]> {
  const response = await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(promql)}`);
  const body = (await response.json()) as { status: string; error?: string; data: { resultType: string; result: Sample[] } };
  if (body.status !== 'success') throw new Error(`${promql}: ${body.error ?? body.status}`);
  return body.data.result;
}

/** Waits until the latest scrape of both mqerr shows `lines` records (one per line) counted between them: the last one closes on the quiet timer. */
async function waitForScrapedLines(lines: number): Promise<void> {
  let seen = 'nothing';
  const deadline = Date.now() + PATIENCE_MS * 3;
  for (;;) {
    const result = await query('sum(mqerr_records_total)').catch(() => []);
    seen = result[0]?.value[1] ?? 'nothing';
    if (seen === String(lines)) return;
    if (Date.now() > deadline) throw new Error(`Prometheus never scraped ${lines} lines; last saw ${seen}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function fencedBlocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

describe.skipIf(!PROMETHEUS)('Prometheus scraping two mqerr', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mqerr-prometheus-'));
    const pods = ['shop_api-a_0a1b2c3d-1111-4222-8333-444455556666', 'shop_api-b_9f8e7d6c-5555-4666-8777-888899990000'];
    const ports: number[] = [];
    for (const [i, pod] of pods.entries()) {
      mkdirSync(join(dir, 'pods', pod, 'app'), { recursive: true });
      const file = join(dir, 'pods', pod, 'app', '0.log');
      writeFileSync(file, podLines(i * 100_000, i === 0 ? 300 : 200));
      files.push(file);
      const port = await freePort();
      ports.push(port);
      mqerr.push(startCli(['--follow', '--format', 'json', '--metrics-port', String(port), file]));
    }
    // The rule file is the one docs/live.md shows.
    const rules = fencedBlocks(DOCS, 'yaml').find((block) => block.includes('alert: MqttApiThrottling'));
    expect(rules, 'the throttling rule in docs/live.md').toBeDefined();
    writeFileSync(join(dir, 'rules.yml'), rules!);
    writeFileSync(
      join(dir, 'prometheus.yml'),
      [
        'global: { scrape_interval: 1s, evaluation_interval: 1s }',
        'rule_files: [rules.yml]',
        'scrape_configs:',
        '  - job_name: mqerr',
        `    static_configs: [{ targets: [${ports.map((p) => `"127.0.0.1:${p}"`).join(', ')}] }]`,
        '',
      ].join('\n'),
    );
    const promPort = await freePort();
    promUrl = `http://127.0.0.1:${promPort}`;
    prometheus = spawn(
      PROMETHEUS!,
      [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${promPort}`, '--log.level=warn'],
      { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let log = '';
    prometheus.stderr!.setEncoding('utf8').on('data', (c: string) => (log += c.slice(0, 4000)));
    const deadline = Date.now() + PATIENCE_MS * 3;
    for (;;) {
      const ready = await fetch(`${promUrl}/-/ready`).then((r) => r.ok, () => false);
      if (ready) break;
      if (prometheus.exitCode !== null || Date.now() > deadline) throw new Error(`Prometheus did not start: ${log}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await waitForScrapedLines(500);
    // A second wave, so the counters move between scrapes and rate() has something to say.
    appendFileSync(files[0]!, podLines(300, 900));
    appendFileSync(files[1]!, podLines(100_200, 600));
    await waitForScrapedLines(2000);
    metricsText = await (await fetch(`http://127.0.0.1:${ports[0]!}/metrics`)).text();
  }, 120_000);

  afterAll(async () => {
    for (const cli of mqerr) if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus!.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  /** Stops both mqerr and reads their final summaries (once). */
  let summaries: Promise<Summary[]> | null = null;
  function stopped(): Promise<Summary[]> {
    summaries ??= Promise.all(
      mqerr.map(async (cli) => {
        cli.child.kill('SIGTERM');
        expect((await cli.exited).code, cli.stderr()).toBe(0);
        return JSON.parse(cli.stdout()) as Summary;
      }),
    );
    return summaries;
  }

  it('sum by (code) over both equals the two JSON summaries added code by code', async () => {
    const byCode = await query('sum by (code) (mqerr_errors_total)');
    const fromPrometheus = Object.fromEntries(byCode.map((s) => [s.metric['code'], Number(s.value[1])]));
    // Its doc companion, per category, is answered too.
    expect((await query(fencedBlocks(DOCS, 'promql')[0]!)).map((s) => s.metric['category']).sort()).toEqual(['auth', 'not-found', 'throttling']);
    const [a, b] = await stopped();
    const expected: Record<string, number> = {};
    for (const summary of [a!, b!]) for (const c of summary.byCode) expected[c.code!] = (expected[c.code!] ?? 0) + c.count;
    expect(fromPrometheus).toEqual(expected);
    expect(a!.totals.errors + b!.totals.errors).toBe(Object.values(expected).reduce((x, y) => x + y, 0));
  });

  it("answers the docs' top codes and error rates: per pod over time, per action exactly as the summaries", async () => {
    const [top, perPod, perAction] = fencedBlocks(DOCS, 'promql').slice(1);
    const codes = (await query(top!)).sort((x, y) => Number(y.value[1]) - Number(x.value[1]));
    expect(codes[0]!.metric).toEqual({ vendor: 'tencent', code: 'RequestLimitExceeded' });
    const rates = await query(perPod!);
    expect(rates.map((s) => s.metric['pod']).sort()).toEqual(['api-a', 'api-b']);
    for (const s of rates) expect(Number(s.value[1])).toBeGreaterThan(0.5);
    for (const s of rates) expect(Number(s.value[1])).toBeLessThan(1);
    const actions = await query(perAction!);
    const [a, b] = await stopped();
    const count = (lists: KeyCount[][], key: string): number => lists.flat().filter((k) => k.key === key).reduce((n, k) => n + k.count, 0);
    for (const action of ACTIONS) {
      const errors = count([a!.byAction, b!.byAction], action);
      const successes = count([a!.successesByAction, b!.successesByAction], action);
      expect(Number(actions.find((s) => s.metric['action'] === action)!.value[1])).toBeCloseTo(errors / (errors + successes), 12);
    }
  });

  it("loads the docs' throttling rule, which goes pending for the throttled pods", async () => {
    const rules = (await (await fetch(`${promUrl}/api/v1/rules`)).json()) as { data: { groups: { rules: { name: string; health: string }[] }[] } };
    expect(rules.data.groups[0]!.rules[0]).toMatchObject({ name: 'MqttApiThrottling', health: 'ok' });
    let alerts: { labels: Record<string, string>; state: string }[] = [];
    const poll = async (): Promise<void> => {
      const deadline = Date.now() + PATIENCE_MS;
      while (Date.now() < deadline) {
        const body = (await (await fetch(`${promUrl}/api/v1/alerts`)).json()) as { data: { alerts: typeof alerts } };
        alerts = body.data.alerts;
        if (alerts.length === 2) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    await poll();
    expect(alerts.map((a) => [a.labels['alertname'], a.labels['pod'], a.labels['vendor'], a.state]).sort()).toEqual([
      ['MqttApiThrottling', 'api-a', 'tencent', 'pending'],
      ['MqttApiThrottling', 'api-b', 'tencent', 'pending'],
    ]);
  });

  it.skipIf(!PROMTOOL)('serves metrics that promtool finds conventional, successes labelled as errors, no RequestId', () => {
    const check = spawnSync(PROMTOOL!, ['check', 'metrics'], { input: metricsText, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout + check.stderr).toBe('');
    expect(metricsText).toMatch(/^mqerr_successes_total\{vendor="tencent",product="",action="DescribeInstance",pod="api-a"\} \d+$/m);
    expect(metricsText).toMatch(/^mqerr_errors_total\{vendor="tencent",product="",action="CreateTopic",pod="api-a",code="RequestLimitExceeded",category="throttling"\} \d+$/m);
    expect(metricsText.toLowerCase()).not.toContain('requestid');
  });

  it.skipIf(!PROMTOOL)("promtool accepts the docs' rule file", () => {
    const rules = spawnSync(PROMTOOL!, ['check', 'rules', join(dir, 'rules.yml')], { encoding: 'utf8' });
    expect(rules.status, rules.stdout + rules.stderr).toBe(0);
  });
});
