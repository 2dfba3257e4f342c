import { copyFileSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunRepeats } from '../../src/aggregation/run-repeats.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const SAMPLE = 'fixtures/sample/app.log';
const dir = mkdtempSync(join(tmpdir(), 'mqerr-once-'));

interface Scanned {
  totals: { errors: number; repeatsAcrossInputs: number; lines: number };
  sources: { name: string; errors: number; id: string | null; alsoGivenAs?: string[] }[];
}

async function scan(paths: string[]): Promise<{ summary: Scanned; stderr: string }> {
  const result = await runCli(['--format', 'json', ...paths]);
  expect(result.code).toBe(0);
  return { summary: JSON.parse(result.stdout) as Scanned, stderr: result.stderr };
}

describe('the same file given twice', () => {
  it('is read once, under its first name, with a note in sources and on stderr', async () => {
    const link = join(dir, 'link.log');
    symlinkSync(join(ROOT, SAMPLE), link);
    const { summary, stderr } = await scan([SAMPLE, `./${SAMPLE}`, link]);
    expect(summary.totals.lines).toBe(30);
    expect(summary.sources.map((s) => s.name)).toEqual([SAMPLE]);
    expect(summary.sources[0]!.alsoGivenAs).toEqual([`./${SAMPLE}`, link]);
    expect(stderr).toBe(`mqerr: ./${SAMPLE} is the same file as ${SAMPLE}: read once\nmqerr: ${link} is the same file as ${SAMPLE}: read once\n`);
  });
});

describe('the same RequestId in several inputs of one run', () => {
  it('is one API error, counted from the first input, and the summary says how many were folded', async () => {
    const copy = join(dir, 'copy.log');
    copyFileSync(join(ROOT, SAMPLE), copy);
    const [{ summary: once }, { summary: twice }] = await Promise.all([scan([SAMPLE]), scan([SAMPLE, copy])]);
    // The sample has 8 errors, 7 with a RequestId: only the one without an id is counted again.
    expect(twice.totals.errors).toBe(once.totals.errors + 1);
    expect(twice.totals.repeatsAcrossInputs).toBe(7);
    expect(once.totals.repeatsAcrossInputs).toBe(0);
  });

  it('remembers a bounded number of ids, the oldest forgotten first', () => {
    const repeats = new RunRepeats(2);
    expect(repeats.countedElsewhere('a', null, 'x.log')).toBe(false);
    expect(repeats.countedElsewhere('a', null, 'x.log')).toBe(false); // the same input's repeats are the pipeline's to mark
    expect(repeats.countedElsewhere('a', null, 'y.log')).toBe(true);
    repeats.countedElsewhere('b', null, 'x.log');
    repeats.countedElsewhere('c', null, 'x.log');
    expect(repeats.countedElsewhere('a', null, 'y.log')).toBe(false);
  });
});

describe('merge refuses to count an input twice', () => {
  it('when the same summary is given twice, or two summaries read the same file', async () => {
    const write = async (name: string, paths: string[]): Promise<string> => {
      const result = await runCli(['--format', 'json', ...paths]);
      const file = join(dir, name);
      (await import('node:fs')).writeFileSync(file, result.stdout);
      return file;
    };
    const [a, ab, b] = await Promise.all([write('a.json', [SAMPLE]), write('ab.json', ['fixtures/gaps/app.log', SAMPLE]), write('b.json', ['fixtures/gaps/app.log'])]);
    const twice = await runCli(['merge', a, a]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe(`mqerr: merge ${a}: the same file as ${a}, given twice; its counts would be added twice\n`);
    const overlap = await runCli(['merge', a, ab]);
    expect(overlap.code).toBe(2);
    expect(overlap.stderr).toBe(
      `mqerr: merge ${ab}: it and ${a} both read ${SAMPLE}; merge summaries of different inputs only (the same summary twice, or shards that overlap, would count it twice)\n`,
    );
    const apart = await runCli(['merge', '--format', 'json', a, b]);
    expect(apart.code).toBe(0);
  });
});
