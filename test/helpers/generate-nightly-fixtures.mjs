#!/usr/bin/env node
// Writes fixtures/nightly/: six hours of a night (2026-11-21 00:00-06:00 UTC)
// from three sources in three shapes, with a throttling burst at 03:00-03:10.
// Deterministic (seeded), so the committed files can be regenerated exactly:
//   node test/helpers/generate-nightly-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../../fixtures/nightly/', import.meta.url));
const START = Date.UTC(2026, 10, 21, 0, 0, 0);
const HOUR = 3_600_000;
const BURST = START + 3 * HOUR;

let seed = 20261121;
function random() {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
}
function pick(list) {
  return list[Math.floor(random() * list.length)];
}
function uuid(upper) {
  const hex = () => Math.floor(random() * 16).toString(16);
  const id = [8, 4, 4, 4, 12].map((n) => Array.from({ length: n }, hex).join('')).join('-');
  return upper ? id.toUpperCase() : id;
}
/** Times spread over [from, to), sorted. */
function times(count, from, to) {
  return Array.from({ length: count }, () => from + Math.floor(random() * (to - from))).sort((a, b) => a - b);
}
const iso = (ms) => new Date(ms).toISOString();
const python = (ms) => iso(ms).replace('T', ' ').replace('Z', '').replace('.', ',');
const golog = (ms) => iso(ms).slice(0, 19).replace('T', ' ').replace(/-/g, '/');

// api-7d9f-0: a Node service on Kubernetes, `kubectl logs --prefix --timestamps`, pino JSON, Tencent SDK.
function apiPod() {
  const events = [];
  for (const t of times(60, START, START + 6 * HOUR)) events.push([t, 'info']);
  for (const t of times(12, START, START + 6 * HOUR)) events.push([t, 'notFound']);
  for (const t of times(30, BURST, BURST + 10 * 60_000)) events.push([t, 'limit']);
  for (const t of times(4, START, START + 6 * HOUR)) events.push([t, 'success']);
  events.sort((a, b) => a[0] - b[0]);
  return events.map(([t, kind]) => {
    const prefix = `[pod/api-7d9f-0/app] ${iso(t)} `;
    const base = `"level":%L,"time":${t},"pid":4182,"hostname":"api-7d9f-0"`;
    if (kind === 'info') return prefix + `{${base.replace('%L', '30')},"msg":"GET /healthz 200"}`;
    if (kind === 'success') return prefix + `{"Response":{"TopicList":[],"TotalCount":0,"RequestId":"${uuid(false)}"}}`;
    const [code, message, action] =
      kind === 'limit'
        ? ['RequestLimitExceeded', 'The number of requests exceeds the frequency limit.', 'PublishMessage']
        : ['ResourceNotFound.Topic', 'The topic does not exist.', 'DescribeTopic'];
    return (
      prefix +
      `{${base.replace('%L', '50')},"err":{"type":"TencentCloudSDKException","message":"${message}","requestId":"${uuid(false)}","code":"${code}"},"action":"${action}","msg":"${action} failed"}`
    );
  });
}

// admin: a Python admin job, plain logging lines, Alibaba OnsMqtt bodies.
function admin() {
  const lines = [];
  const events = [];
  for (const t of times(40, START, START + 6 * HOUR)) events.push([t, 'info']);
  for (const t of times(6, START, START + 6 * HOUR)) events.push([t, 'group']);
  for (const t of times(16, BURST, BURST + 10 * 60_000)) events.push([t, 'token']);
  events.sort((a, b) => a[0] - b[0]);
  for (const [t, kind] of events) {
    if (kind === 'info') {
      lines.push(`${python(t)} INFO mqtt.admin: ${pick(['syncing topics', 'heartbeat ok', 'token cache refreshed'])}`);
      continue;
    }
    const id = uuid(true);
    const [code, message] =
      kind === 'token'
        ? ['ApplyTokenOverFlow', 'You have applied for tokens too many times. Please try again later.']
        : ['GroupIdAlreadyExsited', 'The specified GroupId already exists.'];
    lines.push(
      `${python(t)} ERROR mqtt.admin: call failed: body={"RequestId":"${id}","HostId":"onsmqtt.cn-hangzhou.aliyuncs.com","Code":"${code}","Message":"${message}"}`,
    );
  }
  return lines;
}

// worker: a Go worker, log package timestamps, Tencent SDK error strings.
function worker() {
  const events = [];
  for (const t of times(30, START, START + 6 * HOUR)) events.push([t, 'info']);
  for (const t of times(5, START, START + 6 * HOUR)) events.push([t, 'auth']);
  for (const t of times(3, START + 4 * HOUR, START + 5 * HOUR)) events.push([t, 'server']);
  events.sort((a, b) => a[0] - b[0]);
  return events.map(([t, kind]) => {
    if (kind === 'info') return `${golog(t)} worker: batch done`;
    const [code, message] =
      kind === 'auth'
        ? ['AuthFailure.SignatureExpire', 'Signature expired.']
        : ['InternalError', 'An internal error occurred.'];
    return `${golog(t)} [TencentCloudSDKError] Code=${code}, Message=${message}, RequestId=${uuid(false)}`;
  });
}

mkdirSync(OUT, { recursive: true });
const text = (lines) => lines.join('\n') + '\n';
writeFileSync(`${OUT}api-7d9f-0.log.gz`, gzipSync(text(apiPod()), { level: 9 }));
writeFileSync(`${OUT}admin.log`, text(admin()));
writeFileSync(`${OUT}worker.log.gz`, gzipSync(text(worker()), { level: 9 }));
