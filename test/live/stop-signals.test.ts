import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';
import { ndjson, startCli, waitUntil, type RunningCli } from '../helpers/start-cli.js';

/** fixtures/sample/app.log: 30 lines, 15 records, 8 errors, 1 success. */
const SAMPLE = readFileSync(join(ROOT, 'fixtures/sample/app.log'), 'utf8');
const SAMPLE_LINES = SAMPLE.split('\n').slice(0, -1);

interface SnapshotLine {
  totals: { lines: number; records: number; errors: number; successes: number };
  byCategory: Record<string, number>;
  snapshot: { final: boolean };
}

/** Waits until an --every snapshot shows that mqerr has read and assembled what was written. */
async function waitForRead(cli: RunningCli, lines: number, records: number): Promise<void> {
  await cli.waitForStdout(
    (out) => ndjson(out).some((s) => {
      const t = (s as unknown as SnapshotLine).totals;
      return t.lines === lines && t.records === records;
    }),
    `a snapshot with ${lines} lines and ${records} records`,
  );
}

function finalSummary(cli: RunningCli): SnapshotLine {
  const lines = ndjson(cli.stdout()) as unknown as SnapshotLine[];
  const last = lines[lines.length - 1]!;
  expect(last.snapshot.final).toBe(true);
  expect(lines.filter((l) => l.snapshot.final)).toHaveLength(1);
  return last;
}

const SAMPLE_CATEGORIES = { 'not-found': 2, throttling: 2, auth: 1, conflict: 1, 'failed-operation': 1, server: 1 };

describe('a stream stopped by a signal still gets its final summary', () => {
  it('SIGINT mid-stream (stdin still open) prints the summary of exactly what was written', async () => {
    const cli = startCli(['--format', 'json', '--every', '200ms']);
    cli.child.stdin.write(SAMPLE);
    await waitForRead(cli, 30, 15);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    const summary = finalSummary(cli);
    expect(summary.totals).toMatchObject({ lines: 30, records: 15, errors: 8, successes: 1 });
    expect(summary.byCategory).toEqual(SAMPLE_CATEGORIES);
    expect(cli.stderr()).toBe('');
  });

  it('SIGTERM after two separate writes counts both', async () => {
    const cli = startCli(['--format', 'json', '--every', '200ms']);
    // 7 lines, 7 records: the last one is closed by the quiet period, not by a next line.
    cli.child.stdin.write(SAMPLE_LINES.slice(0, 7).join('\n') + '\n');
    await waitForRead(cli, 7, 7);
    cli.child.stdin.write(SAMPLE_LINES.slice(7).join('\n') + '\n');
    await waitForRead(cli, 30, 15);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    const summary = finalSummary(cli);
    expect(summary.totals).toMatchObject({ lines: 30, records: 15, errors: 8, successes: 1 });
    expect(summary.byCategory).toEqual(SAMPLE_CATEGORIES);
  });

  it('SIGTERM before the first byte arrives prints an empty summary instead of hanging', async () => {
    const cli = startCli(['--format', 'json', '--every', '200ms']);
    await cli.waitForStdout((out) => ndjson(out).length > 0, 'the first snapshot');
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(finalSummary(cli).totals).toMatchObject({ lines: 0, records: 0, errors: 0 });
  });

  it('a second Ctrl-C exits at once, even while output is stuck behind a reader that stopped reading', async () => {
    const cli = startCli(['tag']);
    cli.child.stdout.pause();
    // Far more than the pipes and buffers between us hold, so mqerr's stdout blocks.
    cli.child.stdin.write(SAMPLE.repeat(500));
    await waitUntil(() => cli.child.stdout.readableLength > 0, 'the first tagged records');
    cli.child.kill('SIGINT');
    // The first stop waits to write what was already read; the reader is not reading, so it cannot finish.
    const early = await Promise.race([cli.exited, new Promise((resolve) => setTimeout(() => resolve('running'), 500))]);
    expect(early).toBe('running');
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 130, signal: null });
  });
});
