import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import parsePrometheus, { type ParsedFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { PATIENCE_MS, startCli, waitUntil } from '../helpers/start-cli.js';

const SAMPLE = readFileSync(join(ROOT, 'fixtures/sample/app.log'), 'utf8');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mqerr-metrics-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Parses the text format strictly enough: every line parses, every value is a number, every family typed. */
function parseMetrics(text: string): Map<string, ParsedFamily> {
  const families = parsePrometheus(text);
  for (const f of families) {
    expect(['COUNTER', 'GAUGE'], `${f.name} has a TYPE`).toContain(f.type);
    for (const m of f.metrics) expect(Number.isFinite(Number(m.value)), `${f.name} value ${m.value}`).toBe(true);
  }
  return new Map(families.map((f) => [f.name, f]));
}

/** A sample's value by its labels; 0 when the series is absent. */
function value(families: Map<string, ParsedFamily>, name: string, labels: Record<string, string> = {}): number {
  const family = families.get(name);
  const sample = family?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return sample ? Number(sample.value) : 0;
}

/** The counts of fixtures/sample/app.log as Prometheus series. */
function expectSampleCounts(families: Map<string, ParsedFamily>): void {
  expect(value(families, 'mqerr_lines_total')).toBe(30);
  expect(value(families, 'mqerr_records_total')).toBe(15);
  expect(value(families, 'mqerr_read_bytes_total')).toBe(Buffer.byteLength(SAMPLE));
  expect(value(families, 'mqerr_successes_total', { vendor: 'tencent' })).toBe(1);
  const errors = families.get('mqerr_errors_total')!.metrics;
  expect(errors.reduce((sum, m) => sum + Number(m.value), 0)).toBe(8);
  expect(value(families, 'mqerr_errors_total', { vendor: 'alibaba', code: 'ApplyTokenOverFlow', category: 'throttling', pod: '' })).toBe(1);
  expect(value(families, 'mqerr_errors_total', { vendor: 'tencent', code: 'ResourceNotFound.Topic', category: 'not-found' })).toBe(1);
  expect(value(families, 'mqerr_errors_total', { vendor: '', code: 'InternalError', category: 'server' })).toBe(1);
}

describe('Prometheus metrics', () => {
  it('serves /metrics on loopback while reading a stream, with the counts read so far', async () => {
    const cli = startCli(['--format', 'json', '--metrics-port', '0']);
    const stderr = await cli.waitForStderr((text) => /serving metrics at \S+\n/.test(text), 'the metrics address');
    const url = /serving metrics at (\S+)\n/.exec(stderr)![1]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    cli.child.stdin.write(SAMPLE);
    // Scraped until the stream has been read (the last record closes after a quiet moment); each scrape is bounded in time.
    let families = new Map<string, ParsedFamily>();
    const deadline = Date.now() + PATIENCE_MS;
    while (value(families, 'mqerr_records_total') !== 15 && Date.now() < deadline) {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await response.text();
      expect(text.endsWith('\n')).toBe(true);
      families = parseMetrics(text);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expectSampleCounts(families);
    expect((await fetch(url.replace('/metrics', '/other'), { signal: AbortSignal.timeout(5000) })).status).toBe(404);
    cli.child.stdin.end();
    expect((await cli.exited).code).toBe(0);
  });

  it('refuses a port that is in use, before reading', async () => {
    const first = startCli(['--metrics-port', '0']);
    const url = /serving metrics at (\S+)\n/.exec(await first.waitForStderr((t) => t.includes('serving metrics'), 'the address'))![1]!;
    const port = new URL(url).port;
    const second = await runCli(['--metrics-port', port], { stdin: SAMPLE });
    expect(second.code).toBe(2);
    expect(second.stderr).toBe(`mqerr: --metrics-port ${port}: cannot listen on 127.0.0.1:${port}: address already in use\n`);
    expect(second.stdout).toBe('');
    first.child.stdin.end();
    await first.exited;
  });

  it('--textfile holds the metrics of the whole run, written by rename with no temporary file left', async () => {
    const path = join(dir, 'run.prom');
    const result = await runCli(['--format', 'json', '--textfile', path, 'fixtures/sample/app.log']);
    expect(result.code).toBe(0);
    expectSampleCounts(parseMetrics(readFileSync(path, 'utf8')));
    expect(readdirSync(dir).filter((f) => f.startsWith('run.prom'))).toEqual(['run.prom']);
  });

  it('--textfile is never seen half-written while --every rewrites it', async () => {
    const path = join(dir, 'live.prom');
    const cli = startCli(['--format', 'json', '--every', '100ms', '--textfile', path]);
    await waitUntil(() => existsSync(path), 'the first textfile');
    const reads: string[] = [];
    // Keep the file changing: a bigger stream each time, read back as often as possible.
    for (let round = 0; round < 8; round++) {
      cli.child.stdin.write(SAMPLE.repeat(50));
      const until = Date.now() + 150;
      while (Date.now() < until) {
        try {
          reads.push(readFileSync(path, 'utf8'));
        } catch {
          // not written yet
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    cli.child.stdin.end();
    expect((await cli.exited).code).toBe(0);
    const distinct = [...new Set(reads)];
    expect(distinct.length).toBeGreaterThan(1);
    for (const text of distinct) {
      // The last family is the catalog's; a cut file would lack it or its line's end.
      expect(text).toMatch(/\nmqerr_catalog_info\{version="[^"]+"\} 1\n$/);
      parseMetrics(text);
    }
    expect(value(parseMetrics(readFileSync(path, 'utf8')), 'mqerr_lines_total')).toBe(8 * 50 * 30);
  });
});
