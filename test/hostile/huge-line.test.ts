import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/aggregation/summary.js';
import { startCli } from '../helpers/cli-process.js';
import { ALIBABA_ID, ALIBABA_LINE, TENCENT_BODY } from './sample-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'mqerr-huge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1024 * 1024;
const LINE_BYTES = 100 * MB;
/**
 * mqerr's peak RSS with the default --max-line-bytes (4 MB) on a 100 MB line.
 * Holding the line would take at least 100 MB of bytes plus 100-200 MB as a
 * string; Node itself, the catalog and the stream buffers take about 70 MB.
 */
const PEAK_RSS_LIMIT_KIB = 160 * 1024;

/**
 * Streams one line of `total` bytes (no newline) into the child's stdin,
 * 1 MiB at a time as the child takes them, then `tail`; nothing is held.
 */
function streamOneLine(stdin: NodeJS.WritableStream, total: number, tail: string): Promise<void> {
  async function* bytes(): AsyncGenerator<Buffer> {
    // The line opens like a log line that names an error code, so recognition works on its head.
    const head = Buffer.from('2026-11-22 09:45:00 ERROR request failed, code=');
    yield head;
    const piece = Buffer.alloc(MB, 'x');
    for (let written = head.length; written < total; written += piece.length) {
      yield total - written >= piece.length ? piece : piece.subarray(0, total - written);
    }
    if (tail) yield Buffer.from(tail);
  }
  return pipeline(Readable.from(bytes()), stdin);
}

describe('a single 100 MB line', () => {
  it('holds bounded memory, is counted as truncated, and the run goes on to the next line and source', async () => {
    const after = join(dir, 'after.log');
    writeFileSync(after, `${ALIBABA_LINE}\n`);
    const cli = startCli(['scan', '--format', 'json', '-', after], { measureRss: true });
    // The same stream goes on after the long line: the next line is read whole.
    await streamOneLine(cli.child.stdin, LINE_BYTES, `\n${TENCENT_BODY}\nlast, unterminated`);
    const run = await cli.done;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as Summary;
    expect(summary.totals).toEqual({ lines: 4, records: 4, errors: 2, successes: 0, truncated: 1, undecodable: 0, otherProducts: 0, otherCloud: 0, repeatsAcrossInputs: 0 });
    expect(summary.sources.map((s) => [s.name, s.lines, s.bytes])).toEqual([
      ['-', 3, LINE_BYTES + 1 + TENCENT_BODY.length + 1 + 'last, unterminated'.length],
      [after, 1, ALIBABA_LINE.length + 1],
    ]);
    expect(summary.byCode.map((c) => c.code).sort()).toEqual(['ApplyTokenOverFlow', 'ResourceNotFound.Topic']);
    expect(summary.byCode.find((c) => c.code === 'ApplyTokenOverFlow')?.requestIds).toEqual([ALIBABA_ID]);
    expect(run.peakRssKiB).not.toBeNull();
    expect(run.peakRssKiB!).toBeLessThan(PEAK_RSS_LIMIT_KIB);
  });

  it('with no newline at all, ending the input: one truncated line, exit 0', async () => {
    const cli = startCli(['scan', '--format', 'json', '--max-line-bytes', '1MB'], { measureRss: true });
    await streamOneLine(cli.child.stdin, 20 * MB, '');
    const run = await cli.done;
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as Summary;
    expect(summary.totals).toEqual({ lines: 1, records: 1, errors: 0, successes: 0, truncated: 1, undecodable: 0, otherProducts: 0, otherCloud: 0, repeatsAcrossInputs: 0 });
    expect(run.peakRssKiB!).toBeLessThan(PEAK_RSS_LIMIT_KIB);
  });
});
