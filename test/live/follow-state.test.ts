import { appendFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/aggregation/summary.js';
import { apiLineCounts, apiLines } from '../helpers/api-lines.js';
import { runCli } from '../helpers/run-cli.js';
import { ndjson, startCli, waitUntil, type RunningCli } from '../helpers/start-cli.js';

type Snapshot = Summary & { snapshot?: unknown };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mqerr-state-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A small deterministic generator, so a failing run can be repeated from its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function followWithState(paths: string[], state: string): RunningCli {
  return startCli(['--follow', '--state', state, '--state-interval', '100ms', '--format', 'json', '--every', '100ms', ...paths]);
}

/** Waits for a snapshot of `lines` lines, then stops the run with SIGTERM; its final summary without the snapshot key. */
async function finishAt(cli: RunningCli, lines: number): Promise<Summary> {
  await cli.waitForStdout((out) => ndjson(out).some((s) => (s as unknown as Summary).totals.lines === lines), `a snapshot of ${lines} lines`);
  cli.child.kill('SIGTERM');
  expect((await cli.exited).code, cli.stderr()).toBe(0);
  const { snapshot: _snapshot, ...summary } = ndjson(cli.stdout()).at(-1) as unknown as Snapshot;
  return summary;
}

async function singleRun(paths: string[]): Promise<Summary> {
  const result = await runCli(['--format', 'json', ...paths]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Summary;
}

describe('--follow --state', () => {
  it('killed with SIGKILL at random moments while the file grows, resumed each time: the summary of one uninterrupted run', async () => {
    const seed = Date.now() % 100_000;
    const next = random(seed);
    const file = join(dir, 'app.log');
    const state = join(dir, 'state.json');
    let written = 2000;
    writeFileSync(file, apiLines(0, written));
    const offsets: number[] = [];
    const sizes: number[] = [];
    for (let round = 0; round < 4; round++) {
      const cli = followWithState([file], state);
      await cli.waitForStdout((out) => out.includes('\n'), 'the first snapshot');
      // Lines keep arriving while it runs; it is killed somewhere in the middle.
      const killAt = Date.now() + 500 + next() * 1000;
      while (Date.now() < killAt) {
        const batch = 1 + Math.floor(next() * 200);
        appendFileSync(file, apiLines(written, batch));
        written += batch;
        await sleep(next() * 40);
      }
      cli.child.kill('SIGKILL');
      expect((await cli.exited).signal).toBe('SIGKILL');
      // What the checkpoint says it read is exactly what its summary counts.
      const saved = JSON.parse(readFileSync(state, 'utf8')) as { summary: Summary; files: { offset: number }[] };
      const offset = saved.files[0]?.offset ?? 0;
      const read = readFileSync(file).subarray(0, offset).toString('utf8');
      expect(saved.summary.totals.lines, `seed ${seed}`).toBe(read.split('\n').length - 1);
      expect(read === '' || read.endsWith('\n')).toBe(true);
      offsets.push(offset);
      sizes.push(readFileSync(file).length);
      // More is written while nothing reads.
      const gap = Math.floor(next() * 500);
      appendFileSync(file, apiLines(written, gap));
      written += gap;
    }
    // The runs resumed (no checkpoint goes back) and were killed with lines written but not checkpointed.
    expect(offsets.at(-1), `seed ${seed}`).toBeGreaterThan(0);
    for (let i = 1; i < offsets.length; i++) expect(offsets[i]!, `seed ${seed}`).toBeGreaterThanOrEqual(offsets[i - 1]!);
    expect(offsets.some((offset, i) => offset < sizes[i]!), `seed ${seed}`).toBe(true);
    const summary = await finishAt(followWithState([file], state), written);
    expect(summary.totals, `seed ${seed}`).toMatchObject({ lines: written, records: written, ...apiLineCounts(0, written) });
    expect(summary, `seed ${seed}`).toEqual(await singleRun([file]));
    // The state holds the same summary as the output: a further restart starts from the end.
    const saved = JSON.parse(readFileSync(state, 'utf8')) as { summary: Summary; files: { offset: number }[] };
    expect(saved.summary).toEqual(summary);
    expect(saved.files.map((f) => f.offset)).toEqual([readFileSync(file).length]);
  }, 120_000);

  it('metrics continue from the counts of the checkpoint after a SIGKILL', async () => {
    const file = join(dir, 'app.log');
    const state = join(dir, 'state.json');
    writeFileSync(file, apiLines(0, 300));
    const args = (): string[] => ['--follow', '--state', state, '--state-interval', '100ms', '--format', 'json', '--metrics-port', '0', file];
    const first = startCli(args());
    // A checkpoint after everything was read: the state's summary counts all 300 lines.
    await waitUntil(() => {
      try {
        return (JSON.parse(readFileSync(state, 'utf8')) as { summary: Summary }).summary.totals.lines === 300;
      } catch {
        return false;
      }
    }, 'a checkpoint of 300 lines');
    first.child.kill('SIGKILL');
    await first.exited;
    appendFileSync(file, apiLines(300, 90));
    const second = startCli(args());
    const url = /serving metrics at (\S+)/.exec(await second.waitForStderr((text) => text.includes('serving metrics at'), 'the metrics address'))![1]!;
    const sum = (text: string, name: string): number => [...text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+)$`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
    let text = '';
    await waitUntil(() => {
      void fetch(url).then(async (r) => (text = await r.text()), () => undefined);
      // Records are counted once closed (the last one on the quiet timer), with their errors.
      return sum(text, 'mqerr_records_total') === 390;
    }, 'metrics of 390 records');
    second.child.kill('SIGTERM');
    expect((await second.exited).code, second.stderr()).toBe(0);
    const summary = JSON.parse(second.stdout()) as Summary;
    expect(summary.totals).toMatchObject({ lines: 390, ...apiLineCounts(0, 390) });
    expect(sum(text, 'mqerr_errors_total')).toBe(summary.totals.errors);
    expect(sum(text, 'mqerr_successes_total')).toBe(summary.totals.successes);
  });

  it('after a stop (SIGTERM) an unterminated last line is left for the next run, not cut in two', async () => {
    const file = join(dir, 'app.log');
    const state = join(dir, 'state.json');
    const whole = apiLines(0, 10);
    const cut = whole.length - 40;
    writeFileSync(file, whole.slice(0, cut));
    const first = await finishAt(followWithState([file], state), 9);
    expect(first.totals.lines).toBe(9);
    appendFileSync(file, whole.slice(cut));
    const second = await finishAt(followWithState([file], state), 10);
    expect(second).toEqual(await singleRun([file]));
  });

  it('continues a file rotated while it was stopped under its new name, and reads the new file from its start', async () => {
    const file = join(dir, 'app.log');
    const state = join(dir, 'state.json');
    writeFileSync(file, apiLines(0, 100));
    const cli = followWithState([join(dir, 'app.log*')], state);
    await cli.waitForStdout((out) => ndjson(out).some((s) => (s as unknown as Summary).totals.lines === 100), '100 lines');
    cli.child.kill('SIGKILL');
    await cli.exited;
    appendFileSync(file, apiLines(100, 20));
    renameSync(file, `${file}.1`);
    writeFileSync(file, apiLines(120, 30));
    const summary = await finishAt(followWithState([join(dir, 'app.log*')], state), 150);
    const single = await singleRun([`${file}.1`, file]);
    expect(summary.totals).toEqual(single.totals);
    expect(summary.byCode).toEqual(single.byCode);
    expect(summary.sources.reduce((n, s) => n + s.lines, 0)).toBe(150);
  });

  it('never follows its own state file, nor its temporary files, in a followed directory, restarted or not', async () => {
    writeFileSync(join(dir, 'app.log'), apiLines(0, 10));
    const state = join(dir, 'state.json');
    const cli = followWithState([dir], state);
    await cli.waitForStdout((out) => ndjson(out).some((s) => (s as unknown as Summary).totals.lines === 10), '10 lines');
    appendFileSync(join(dir, 'app.log'), apiLines(10, 5));
    // Several checkpoints are written meanwhile (every 100 ms).
    expect((await finishAt(cli, 15)).sources.map((s) => s.name)).toEqual([join(dir, 'app.log')]);
    appendFileSync(join(dir, 'app.log'), apiLines(15, 5));
    const summary = await finishAt(followWithState([dir], state), 20);
    expect(summary).toEqual(await singleRun([join(dir, 'app.log')]));
  });

  it('refuses a state written for other paths, and --state without --follow', async () => {
    const file = join(dir, 'app.log');
    const state = join(dir, 'state.json');
    writeFileSync(file, apiLines(0, 5));
    await finishAt(followWithState([file], state), 5);
    const other = await runCli(['--follow', '--state', state, join(dir, '*.log')]);
    expect(other.code).toBe(2);
    expect(other.stderr).toBe(`mqerr: --state ${state}: written by a run with paths ${file}; give the same, or remove the file to start over\n`);
    const unfollowed = await runCli(['--state', state, file]);
    expect(unfollowed.code).toBe(2);
    expect(unfollowed.stderr).toMatch(/--state keeps the place of followed files: use it with --follow/);
    writeFileSync(state, '{"schema":"mqerr.summary/2"}');
    expect((await runCli(['--follow', '--state', state, file])).stderr).toMatch(/expected a mqerr\.state\/1 checkpoint/);
  });
});
