import type { Summary } from '../../src/aggregation/summary.js';
import { runCli, type CliResult } from './run-cli.js';

/** A `scan --format json` run: its exit, stderr lines and the parsed summary. */
export interface ScanRun extends CliResult {
  summary: Summary;
  /** stderr split into lines (without the final empty one). */
  messages: string[];
}

/**
 * Runs `mqerr scan --format json …` on the built binary and parses the
 * summary; fails the test with stderr when stdout is not one.
 */
export async function scanJson(args: string[], options: Parameters<typeof runCli>[1] = {}): Promise<ScanRun> {
  const result = await runCli(['scan', '--format', 'json', ...args], options);
  let summary: Summary;
  try {
    summary = JSON.parse(result.stdout) as Summary;
  } catch {
    throw new Error(`no JSON summary on stdout (exit ${String(result.code)}); stderr: ${result.stderr}`);
  }
  return { ...result, summary, messages: splitMessages(result.stderr) };
}

/** stderr as lines, the trailing newline dropped. */
export function splitMessages(stderr: string): string[] {
  return stderr.length === 0 ? [] : stderr.replace(/\n$/, '').split('\n');
}

/**
 * The line count the totals must show for these bytes: newline-terminated
 * lines plus a final unterminated one.
 */
export function expectedLines(bytes: Buffer | string): number {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  let count = 0;
  for (let i = buf.indexOf(0x0a); i >= 0; i = buf.indexOf(0x0a, i + 1)) count++;
  return count + (buf.length > 0 && buf[buf.length - 1] !== 0x0a ? 1 : 0);
}

/**
 * Every way the totals must add up, as a list of what does not (empty when
 * all hold): per-source counts sum to the totals, the error breakdowns sum
 * to the errors, the products' to the errors counted and set apart, and
 * nothing counts more than the lines it came from.
 */
export function totalsProblems(summary: Summary): string[] {
  const t = summary.totals;
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
  check(sum(summary.sources.map((s) => s.lines)) === t.lines, 'sources.lines sum to totals.lines');
  check(sum(summary.sources.map((s) => s.records)) === t.records, 'sources.records sum to totals.records');
  check(sum(summary.sources.map((s) => s.errors)) === t.errors, 'sources.errors sum to totals.errors');
  check(sum(summary.sources.map((s) => s.successes)) === t.successes, 'sources.successes sum to totals.successes');
  check(sum(Object.values(summary.byCategory)) === t.errors, 'byCategory sums to totals.errors');
  check(sum(summary.byCode.map((c) => c.count)) === t.errors, 'byCode sums to totals.errors');
  check(sum(summary.byVendor.map((c) => c.count)) === t.errors, 'byVendor sums to totals.errors');
  check(sum(summary.successesByVendor.map((c) => c.count)) === t.successes, 'successesByVendor sums to totals.successes');
  check(t.records <= t.lines, 'records ≤ lines');
  // A record may hold several API errors (one event per RequestId), but one success at most, and is set aside whole.
  check(t.successes + t.otherCloud <= t.records, 'successes + otherCloud ≤ records');
  check(sum(summary.byProduct.map((p) => p.count)) === t.errors + t.otherProducts, 'byProduct sums to totals.errors + totals.otherProducts');
  check(sum(summary.otherClouds.map((c) => c.count)) === t.otherCloud, 'otherClouds sum to totals.otherCloud');
  check(t.truncated <= t.lines, 'truncated ≤ lines');
  check(t.undecodable <= t.lines, 'undecodable ≤ lines');
  return problems;
}
