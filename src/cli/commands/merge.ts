import { readFileSync } from 'node:fs';
import { Aggregator } from '../../aggregation/aggregator.js';
import { SUMMARY_SCHEMA, type Summary } from '../../aggregation/summary.js';
import { EXIT, ExitError } from '../../errors.js';
import type { Grouping } from '../../render/groupings.js';
import { installStdoutGuards, writeOut } from '../output.js';
import { renderSummary, type SummaryFormat } from './scan.js';

export interface MergeArgs {
  files: string[];
  format?: SummaryFormat;
  by?: Grouping[];
}

/** Reads one shard's JSON summary, refusing anything that is not one; `what` names the flag in messages. */
export function readSummary(file: string, what = 'merge'): Summary {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new ExitError(`${what} ${file}: ${e.code ? `cannot read it (${e.code})` : `not valid JSON: ${e.message}`}`);
  }
  const schema = (parsed as { schema?: unknown } | null)?.schema;
  if (schema !== SUMMARY_SCHEMA) {
    throw new ExitError(`${what} ${file}: expected a ${SUMMARY_SCHEMA} summary (mqerr scan --format json), got schema ${JSON.stringify(schema ?? null)}`);
  }
  return parsed as Summary;
}

/**
 * Merges shard summaries into exactly the summary one run over all their
 * inputs gives. Summaries made with other catalogs or sample sizes are refused.
 */
export function mergeSummaries(summaries: { file: string; summary: Summary }[]): Summary {
  const first = summaries[0]!;
  for (const { file, summary } of summaries) {
    if (summary.catalog.version !== first.summary.catalog.version) {
      throw new ExitError(
        `merge ${file}: made with catalog ${summary.catalog.version}, but ${first.file} with ${first.summary.catalog.version}; rescan with one catalog`,
      );
    }
    if (summary.samples !== first.summary.samples) {
      throw new ExitError(`merge ${file}: made with --samples ${summary.samples}, but ${first.file} with ${first.summary.samples}`);
    }
  }
  const aggregator = new Aggregator(first.summary.catalog, first.summary.samples);
  for (const { summary } of summaries) aggregator.absorb(summary);
  return aggregator.toSummary();
}

/** `mqerr merge a.json b.json …`. */
export async function runMerge(args: MergeArgs): Promise<number> {
  installStdoutGuards();
  const summaries = args.files.map((file) => ({ file, summary: readSummary(file) }));
  const merged = mergeSummaries(summaries);
  await writeOut(renderSummary(merged, args.format ?? (process.stdout.isTTY ? 'table' : 'json'), args.by ?? ['category', 'code']));
  return EXIT.ok;
}
