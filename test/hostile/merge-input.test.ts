import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, readdirSync, readlinkSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/aggregation/summary.js';
import { summaryInvariantProblem } from '../../src/aggregation/summary-invariants.js';
import { startCli } from '../helpers/cli-process.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { splitMessages } from '../helpers/scan-json.js';

const dir = mkdtempSync(join(tmpdir(), 'mqerr-merge-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let base: Summary;
const real: Summary[] = [];
beforeAll(async () => {
  const runs = [
    ['fixtures/sample/app.log'],
    ['fixtures/gaps/app.log', '--bucket', '1h'],
    ['fixtures/archive', '--by', 'pod'],
    ['fixtures/sample/app.log', '--since', '2026-11-22T09:44:40Z'],
    ['fixtures/catalog-coverage'],
  ];
  for (const args of runs) real.push(JSON.parse((await runCli(['--format', 'json', ...args], { cwd: ROOT })).stdout) as Summary);
  base = real[0]!;
});

function forged(name: string, change: (s: Summary) => void): string {
  const summary = structuredClone(base);
  change(summary);
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(summary));
  return path;
}

describe('merge refuses summaries whose numbers do not add up', () => {
  it('summaries mqerr writes always add up (no false alarm)', () => {
    for (const summary of real) expect(summaryInvariantProblem(summary)).toBeNull();
  });

  it.each([
    ['byCategory does not sum to totals.errors', (s: Summary) => (s.byCategory['server'] = (s.byCategory['server'] ?? 0) + 1), /byCategory sums to \d+, but totals\.errors is \d+/],
    ['byCode does not sum to totals.errors', (s: Summary) => (s.byCode[0]!.count += 5), /byCode sums to/],
    ['a byCode row listed twice', (s: Summary) => {
      const row = s.byCode[0]!;
      s.byCode.push({ ...row, count: 0 });
    }, /byCode lists .* twice/],
    ['sources not summing to the totals', (s: Summary) => (s.sources[0]!.lines += 1), /sources' lines sums to/],
    ['a count of 1e30', (s: Summary) => {
      s.totals.lines = 1e30;
      s.sources[0]!.lines = 1e30;
    }, /totals\.lines is 1e\+30, more than any run counts/],
    ['a count of 1e308', (s: Summary) => {
      s.totals.errors = 1e308;
    }, /more than any run counts/],
    ['firstSeen after lastSeen', (s: Summary) => {
      const row = s.byCode.find((c) => c.firstSeen !== null)!;
      row.firstSeen = '2099-01-01T00:00:00.000Z';
    }, /firstSeen 2099-01-01T00:00:00\.000Z after lastSeen/],
    ['a pod listed twice', (s: Summary) => {
      s.byPod = [{ key: 'a', count: s.totals.errors }, { key: 'a', count: 0 }];
    }, /byPod lists "a" twice/],
    ['more RequestIds than samples', (s: Summary) => {
      s.samples = 0;
    }, /more than samples \(0\)/],
  ])('%s', async (_name, change, reason) => {
    const path = forged(_name.replace(/\W+/g, '-'), change);
    const ok = join(dir, 'ok.json');
    writeFileSync(ok, JSON.stringify(base));
    const result = await runCli(['merge', '--format', 'json', ok, path]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const messages = splitMessages(result.stderr);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.startsWith(`mqerr: merge ${path}: its numbers do not add up (edited or forged?): `)).toBe(true);
    expect(messages[0]).toMatch(reason);
  });
});

describe('merge paths', () => {
  it('expands a quoted glob as scan does, to the same result as the files named', async () => {
    const shards = join(dir, 'shards');
    mkdirSync(shards);
    real.slice(0, 1).concat(real.slice(2, 3)).forEach((s, i) => writeFileSync(join(shards, `shard-${i}.json`), JSON.stringify(s)));
    const named = await runCli(['merge', '--format', 'json', ...readdirSync(shards).sort().map((f) => join(shards, f))]);
    const globbed = await runCli(['merge', '--format', 'json', join(shards, '*.json')]);
    expect(globbed.code).toBe(0);
    expect(globbed.stdout).toBe(named.stdout);
    const none = await runCli(['merge', '--format', 'json', join(shards, '*.nothing')]);
    expect(none.code).toBe(2);
    expect(splitMessages(none.stderr)).toEqual([`mqerr: merge ${join(shards, '*.nothing')}: no file matches this pattern`]);
  });

  it('SIGTERM while merging: one line on stderr, no stack trace, nothing on stdout, ended by the signal', async () => {
    const fifo = join(dir, 'slow.json');
    execFileSync('mkfifo', [fifo]);
    // Held open for writing (read-write, so opening does not wait), with half a summary in it: merge waits for the rest.
    const writer = openSync(fifo, constants.O_RDWR);
    writeSync(writer, '{"schema":');
    const run = startCli(['merge', '--format', 'json', fifo]);
    try {
      await waitUntilOpen(run.child.pid!, fifo);
      run.child.kill('SIGTERM');
      const result = await run.done;
      expect(result.signal).toBe('SIGTERM');
      expect(result.stdout).toBe('');
      expect(splitMessages(result.stderr)).toEqual(['mqerr: merge stopped by SIGTERM before it finished']);
    } finally {
      closeSync(writer);
    }
  });
});

/** Waits until process `pid` has `path` open. */
async function waitUntilOpen(pid: number, path: string): Promise<void> {
  for (let tries = 0; tries < 1000; tries++) {
    for (const fd of readdirSafe(`/proc/${pid}/fd`)) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === path) return;
      } catch {
        // closed meanwhile
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`process ${pid} never opened ${path}`);
}

function readdirSafe(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
