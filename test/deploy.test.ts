import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { Summary } from '../src/aggregation/summary.js';
import { apiLines } from './helpers/api-lines.js';
import { CLI, ROOT, runCli } from './helpers/run-cli.js';
import { startCli } from './helpers/start-cli.js';

/** A Kubernetes object as the manifests hold it. */
type K8sObject = { apiVersion: string; kind: string; metadata: { name: string }; spec?: Record<string, unknown> } & Record<string, unknown>;

/** The kubernetes-models class of each kind the manifests use: validate() checks an object against the API's OpenAPI schema. */
const MODELS: Record<string, string> = {
  'v1/Namespace': 'kubernetes-models/v1/Namespace',
  'apps/v1/DaemonSet': 'kubernetes-models/apps/v1/DaemonSet',
  'batch/v1/CronJob': 'kubernetes-models/batch/v1/CronJob',
  'batch/v1/Job': 'kubernetes-models/batch/v1/Job',
};

const DEPLOY = join(ROOT, 'deploy');
const manifests = readdirSync(DEPLOY)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((file) =>
    parseAllDocuments(readFileSync(join(DEPLOY, file), 'utf8')).map((doc) => {
      expect(doc.errors, file).toEqual([]);
      return { file, object: doc.toJS() as K8sObject };
    }),
  );
const find = (kind: string, name: string): K8sObject => manifests.find((m) => m.object.kind === kind && m.object.metadata.name === name)!.object;

const podSpec = (o: K8sObject): any => (o.kind === 'CronJob' ? (o.spec as any).jobTemplate.spec.template.spec : (o.spec as any).template.spec);

describe('deploy/ manifests', () => {
  it('each validates against the Kubernetes API schema of its kind', async () => {
    expect(manifests.map((m) => `${m.file}: ${m.object.kind}/${m.object.metadata.name}`)).toEqual([
      'daemonset.yaml: Namespace/mqerr',
      'daemonset.yaml: DaemonSet/mqerr',
      'nightly-job.yaml: CronJob/mqerr-nightly-scan',
      'nightly-job.yaml: CronJob/mqerr-nightly-merge',
    ]);
    for (const { file, object } of manifests) {
      const module = MODELS[`${object.apiVersion}/${object.kind}`];
      expect(module, `${file}: a model for ${object.apiVersion} ${object.kind}`).toBeDefined();
      const Model = ((await import(module!)) as Record<string, new (o: unknown) => { validate(): void }>)[object.kind]!;
      expect(() => new Model(object).validate(), `${file}: ${object.kind}/${object.metadata.name}`).not.toThrow();
    }
  });

  it('the DaemonSet reads the logs read-only, runs as non-root with limits, and is scraped where mqerr serves', () => {
    const ds = find('DaemonSet', 'mqerr');
    const pod = podSpec(ds);
    const [container] = pod.containers;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65532 });
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(Object.keys(container.resources.limits).sort()).toEqual(['cpu', 'memory']);
    const hostPaths = pod.volumes.filter((v: any) => v.hostPath);
    expect(hostPaths.map((v: any) => v.hostPath.path)).toEqual(['/var/log/pods']);
    for (const v of hostPaths) expect(container.volumeMounts.find((m: any) => m.name === v.name)).toMatchObject({ readOnly: true, mountPath: v.hostPath.path });
    const annotations = (ds.spec as any).template.metadata.annotations;
    expect(annotations).toEqual({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9464', 'prometheus.io/path': '/metrics' });
    expect(container.args).toContain('--metrics-port=9464');
    expect(container.args).toContain('--metrics-host=0.0.0.0');
    expect(container.ports).toEqual([{ name: 'metrics', containerPort: 9464, protocol: 'TCP' }]);
    // The state lives on the volume mounted writable, not on the read-only root.
    const state = container.args.find((a: string) => a.startsWith('--state='))!.slice('--state='.length);
    expect(container.volumeMounts.find((m: any) => state.startsWith(m.mountPath + '/'))?.readOnly).toBeFalsy();
  });

  it('the nightly scan is an Indexed Job of as many shards as it says, and the merge step runs mqerr merge', () => {
    const scan = find('CronJob', 'mqerr-nightly-scan');
    const job = (scan.spec as any).jobTemplate.spec;
    expect(job.completionMode).toBe('Indexed');
    const [container] = podSpec(scan).containers;
    expect(container.env).toContainEqual({ name: 'SHARDS', value: String(job.completions) });
    expect(podSpec(find('CronJob', 'mqerr-nightly-merge')).containers[0].args[0]).toMatch(/mqerr merge --report/);
    for (const o of [scan, find('CronJob', 'mqerr-nightly-merge')]) {
      expect(podSpec(o).securityContext.runAsNonRoot).toBe(true);
      expect(Object.keys(podSpec(o).containers[0].resources.limits).sort()).toEqual(['cpu', 'memory']);
    }
  });
});

describe("the manifests' commands, run here", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mqerr-deploy-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the Indexed Job's shards, merged as the merge step does, equal one scan of the night", async () => {
    const day = '2026-11-22';
    const archive = join(dir, 'archive', day);
    mkdirSync(archive, { recursive: true });
    // Eleven files over eight shards: some shards take two, and times fall on both sides of the day.
    for (let i = 0; i < 11; i++) writeFileSync(join(archive, `app-${i}.log.gz`), gzipSync(apiLines(i * 2000 - 40_000, 2000)));
    // `mqerr` and a `date` that says the night was 2026-11-22, as the image's would on the 23rd.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'mqerr'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    writeFileSync(join(bin, 'date'), `#!/bin/sh\ncase "$*" in *yesterday*) echo ${day};; *) echo 2026-11-23;; esac\n`);
    chmodSync(join(bin, 'mqerr'), 0o755);
    chmodSync(join(bin, 'date'), 0o755);
    const local = (script: string): string => script.replaceAll('/archive', join(dir, 'archive')).replaceAll('/shards', join(dir, 'shards'));
    const scan = find('CronJob', 'mqerr-nightly-scan');
    const container = podSpec(scan).containers[0];
    const shards = (scan.spec as any).jobTemplate.spec.completions as number;
    const env = { ...process.env, PATH: `${bin}:${process.env['PATH']}`, TZ: 'UTC', MQERR_CATALOG: '', SHARDS: String(shards) };
    for (let index = 0; index < shards; index++) {
      const run = spawnSync(container.command[0], [container.command[1], local(container.args[0])], { env: { ...env, JOB_COMPLETION_INDEX: String(index) }, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
    }
    expect(readdirSync(join(dir, 'shards', day)).length).toBe(shards);
    const merge = podSpec(find('CronJob', 'mqerr-nightly-merge')).containers[0];
    const merged = spawnSync(merge.command[0], [merge.command[1], local(merge.args[0])], { env, encoding: 'utf8' });
    expect(merged.status, merged.stderr).toBe(0);
    expect(existsSync(join(dir, 'shards', `${day}.html`))).toBe(true);
    const all = readdirSync(archive)
      .sort()
      .map((f) => join(archive, f));
    const single = await runCli(['scan', '--format', 'json', '--bucket', '5m', '--since', day, '--until', '2026-11-23', ...all]);
    const summary = JSON.parse(readFileSync(join(dir, 'shards', `${day}.json`), 'utf8')) as Summary;
    expect(summary).toEqual(JSON.parse(single.stdout));
    expect(summary.window).toMatchObject({ before: 40_000 - 9 * 3600, after: 0 });
  }, 120_000);

  it("the DaemonSet's arguments run mqerr on a node's pod logs, serving metrics and keeping its state", async () => {
    const pod = podSpec(find('DaemonSet', 'mqerr'));
    const root = join(dir, 'node');
    const logs = join(root, 'var/log/pods/shop_api-a_0a1b2c3d-1111-4222-8333-444455556666/app');
    mkdirSync(logs, { recursive: true });
    mkdirSync(join(root, 'var/lib/mqerr'), { recursive: true });
    writeFileSync(join(logs, '0.log'), `2026-11-22T09:00:00.000000000Z stdout F ${apiLines(0, 1).trim()}\n`);
    const args = (pod.containers[0].args as string[]).map((a) => a.replace('/var/', `${root}/var/`).replace('--metrics-port=9464', '--metrics-port=0'));
    const cli = startCli(args.map((a) => (a === '--metrics-host=0.0.0.0' ? '--metrics-host=127.0.0.1' : a)));
    const stderr = await cli.waitForStderr((text) => text.includes('serving metrics at'), 'the metrics address');
    const url = /serving metrics at (\S+)/.exec(stderr)![1]!;
    let text = '';
    for (let i = 0; i < 100 && !text.includes('pod="api-a"'); i++) {
      text = await (await fetch(url)).text();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(text).toMatch(/^mqerr_errors_total\{[^}]*pod="api-a"[^}]*code="RequestLimitExceeded"[^}]*\} 1$/m);
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code, cli.stderr()).toBe(0);
    expect(JSON.parse(readFileSync(join(root, 'var/lib/mqerr/state.json'), 'utf8')).summary.totals.errors).toBe(1);
  });
});
