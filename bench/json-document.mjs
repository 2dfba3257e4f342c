/**
 * Throughput of reading one JSON document as entries: `npx tsc -p tsconfig.json && node bench/json-document.mjs
 * [--mb 100] [--runs 3]`. Generates, in memory (seed 7), an `aws logs filter-log-events` export pretty-printed, a
 * Loki query_range answer and Elasticsearch hits whose messages are stack traces (an escape every 50 bytes), cut
 * into 1 MiB chunks, and times mqerr's JsonDocumentReader on them beside @streamparser/json (when installed:
 * `npm i --no-save @streamparser/json`) and beside JSON.parse of the whole text (which does not stream: for scale,
 * not a contender). Figures only: nothing here is a test.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { JsonDocumentReader } from '../dist/records/json-document-reader.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const targetBytes = option('mb', 100) * 1e6;
const runs = option('runs', 3);
const CHUNK = 1 << 20;

/** A small deterministic generator, so every run reads the same document. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const CODES = ['Throttling.User', 'InvalidParameter.Topic', 'ResourceNotFound.Instance', 'AuthFailure.SignatureExpire'];
const WORDS = ['publish', 'subscribe', 'timeout', 'client', 'broker', 'topic', 'retry', 'connected', '消息', 'ü'];

function message(next) {
  const words = Array.from({ length: 8 + Math.floor(next() * 40) }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  if (next() < 0.2) {
    const code = CODES[Math.floor(next() * CODES.length)];
    return `2026-12-05 10:00:00,123 ERROR mq ${words} {"Response":{"Error":{"Code":"${code}","Message":"failed \\"quoted\\""},"RequestId":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a62"}}`;
  }
  return `2026-12-05 10:00:00,123 INFO mq ${words}`;
}

/** The document as chunks of CHUNK bytes, and how many entries it holds. */
function awsDocument(seed) {
  const next = random(seed);
  const parts = ['{\n    "events": [\n'];
  let bytes = parts[0].length;
  let entries = 0;
  while (bytes < targetBytes) {
    const event = {
      logStreamName: `mq-client/${Math.floor(next() * 1e6)}`,
      timestamp: 1764900000000 + entries,
      message: message(next),
      ingestionTime: 1764900000100 + entries,
      eventId: String(37590000000000000000000000000000000000000000000000000000n + BigInt(entries)),
    };
    const text = `${entries > 0 ? ',\n' : ''}${JSON.stringify(event, null, 4).replace(/^/gm, '        ')}`;
    parts.push(text);
    bytes += Buffer.byteLength(text);
    entries++;
  }
  parts.push('\n    ],\n    "searchedLogStreams": [\n        {\n            "logStreamName": "mq-client/1",\n            "searchedCompletely": true\n        }\n    ]\n}\n');
  return { chunks: chunk(Buffer.from(parts.join(''))), entries: entries + 1 };
}

function lokiDocument(seed) {
  const next = random(seed);
  const parts = ['{"status":"success","data":{"resultType":"streams","result":['];
  let bytes = parts[0].length;
  let entries = 0;
  for (let stream = 0; bytes < targetBytes; stream++) {
    const values = [];
    for (let i = 0; i < 1000; i++, entries++) values.push(JSON.stringify([String(1764900000000000000n + BigInt(entries)), message(next)]));
    const text = `${stream > 0 ? ',' : ''}{"stream":{"app":"mq-client","pod":"p-${stream}"},"values":[${values.join(',')}]}`;
    parts.push(text);
    bytes += Buffer.byteLength(text);
  }
  parts.push('],"stats":{}}}');
  return { chunks: chunk(Buffer.from(parts.join(''))), entries };
}

/** Elasticsearch hits whose messages are Java stack traces: a backslash escape every 50 bytes or so. */
function stackTraceDocument(seed) {
  const next = random(seed);
  const hits = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const frames = Array.from({ length: 20 + Math.floor(next() * 200) }, (_, i) => `\n\tat com.example.mq.Client.call${i}(Client.java:${i + 1})`).join('');
    const hit = JSON.stringify({ _index: 'logs', _id: String(hits.length), _source: { message: `com.aliyun.mqtt.ClientException: publish failed${frames}` } });
    hits.push(hit);
    bytes += hit.length + 2;
  }
  return { chunks: chunk(Buffer.from(`{"took":3,"hits":{"hits":[\n${hits.join(',\n')}\n]}}`)), entries: hits.length };
}

function chunk(buffer) {
  const chunks = [];
  for (let at = 0; at < buffer.length; at += CHUNK) chunks.push(buffer.subarray(at, at + CHUNK));
  return chunks;
}

function readWithMqerr(chunks) {
  let entries = 0;
  const reader = new JsonDocumentReader(() => entries++);
  for (const c of chunks) reader.write(c);
  reader.end();
  if (reader.error) throw new Error(`mqerr: ${reader.error.message}`);
  return entries;
}

async function streamparserReader(paths) {
  let JSONParser;
  try {
    ({ JSONParser } = await import('@streamparser/json'));
  } catch {
    return null;
  }
  return (chunks) => {
    let entries = 0;
    const parser = new JSONParser({ paths, keepStack: false });
    parser.onValue = () => entries++;
    for (const c of chunks) parser.write(c);
    // It ends by itself once the root value closes.
    if (!parser.isEnded) parser.end();
    return entries;
  };
}

function readWithJsonParse(chunks, pick) {
  return pick(JSON.parse(Buffer.concat(chunks).toString('utf8'))).length;
}

function time(name, read, chunks, expected) {
  const bytes = chunks.reduce((sum, c) => sum + c.length, 0);
  const figures = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const entries = read(chunks);
    const seconds = (performance.now() - start) / 1000;
    if (entries !== expected) throw new Error(`${name}: ${entries} entries, expected ${expected}`);
    figures.push(bytes / 1e6 / seconds);
  }
  const best = Math.max(...figures);
  const median = figures.sort((a, b) => a - b)[Math.floor(figures.length / 2)];
  console.log(`  ${name.padEnd(34)} median ${median.toFixed(0).padStart(4)} MB/s, best ${best.toFixed(0).padStart(4)} MB/s (${runs} runs)`);
}

console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const aws = awsDocument(7);
console.log(`aws logs filter-log-events, pretty-printed: ${(aws.chunks.length * CHUNK / 1e6).toFixed(0)} MB, ${aws.entries} entries`);
time('mqerr JsonDocumentReader', readWithMqerr, aws.chunks, aws.entries);
const awsStreamparser = await streamparserReader(['$.events.*', '$.searchedLogStreams.*']);
if (awsStreamparser) time("@streamparser/json paths events.*", awsStreamparser, aws.chunks, aws.entries);
else console.log('  @streamparser/json                 not installed');
time('JSON.parse of the whole (no stream)', (c) => readWithJsonParse(c, (d) => [...d.events, ...d.searchedLogStreams]), aws.chunks, aws.entries);

const loki = lokiDocument(7);
console.log(`Loki query_range streams, compact: ${(loki.chunks.length * CHUNK / 1e6).toFixed(0)} MB, ${loki.entries} entries`);
time('mqerr JsonDocumentReader', readWithMqerr, loki.chunks, loki.entries);
const lokiStreamparser = await streamparserReader(['$.data.result.*.values.*']);
if (lokiStreamparser) time('@streamparser/json paths values.*', lokiStreamparser, loki.chunks, loki.entries);
time('JSON.parse of the whole (no stream)', (c) => readWithJsonParse(c, (d) => d.data.result.flatMap((r) => r.values)), loki.chunks, loki.entries);
const traces = stackTraceDocument(7);
console.log(`Elasticsearch hits holding stack traces: ${(traces.chunks.length * CHUNK / 1e6).toFixed(0)} MB, ${traces.entries} entries`);
time('mqerr JsonDocumentReader', readWithMqerr, traces.chunks, traces.entries);
const tracesStreamparser = await streamparserReader(['$.hits.hits.*']);
if (tracesStreamparser) time('@streamparser/json paths hits.*', tracesStreamparser, traces.chunks, traces.entries);
time('JSON.parse of the whole (no stream)', (c) => readWithJsonParse(c, (d) => d.hits.hits), traces.chunks, traces.entries);
console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
