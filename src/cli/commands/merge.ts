import { readFileSync } from 'node:fs';
import { Aggregator } from '../../aggregation/aggregator.js';
import { SUMMARY_SCHEMA, type Summary } from '../../aggregation/summary.js';
import { timeSettingsConflict, timeSettingsOf } from '../../aggregation/time-settings.js';
import { loadCatalog } from '../../catalog/load-catalog.js';
import { EXIT, ExitError } from '../../errors.js';
import type { Grouping } from '../../render/groupings.js';
import { renderReport } from '../../render/report/render-report.js';
import { describeCommandLine } from '../command-line.js';
import { installStdoutGuards, warn, writeOut } from '../output.js';
import { userCatalogFiles } from '../prepare-run.js';
import { checkReportPath, writeReport } from '../report-option.js';
import { refuseOutputsAmongFiles } from '../output-path.js';
import { resolveTimeZone } from '../time-options.js';
import { validateSummary } from '../../aggregation/validate-summary.js';
import { redactSummary } from '../../render/redact-summary.js';
import { renderSummary, type SummaryFormat } from './scan.js';

export interface MergeArgs {
  files: string[];
  /** Redact credentials in the merged summary (default true; `--no-redact`). */
  redact?: boolean;
  format?: SummaryFormat;
  by?: Grouping[];
  tz?: string;
  report?: string;
  catalog?: string[];
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
  const problem = validateSummary(parsed);
  if (problem) throw new ExitError(`${what} ${file}: not a valid summary: ${problem}`);
  return parsed as Summary;
}

/**
 * Merges shard summaries into exactly the summary one run over all their
 * inputs gives. Summaries made with other catalogs, sample sizes, time
 * windows or buckets are refused.
 */
export function mergeSummaries(summaries: { file: string; summary: Summary }[], options: { redact?: boolean } = {}): Summary {
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
    const conflict = timeSettingsConflict(first.summary, summary);
    if (conflict) throw new ExitError(`merge ${file}: ${conflict.replace('the first summary', first.file)}`);
  }
  const aggregator = new Aggregator(first.summary.catalog, first.summary.samples, timeSettingsOf(first.summary));
  for (const { summary } of summaries) aggregator.absorb(options.redact === false ? summary : redactSummary(summary));
  return aggregator.toSummary();
}

/** `mqerr merge a.json b.json …`. */
export async function runMerge(args: MergeArgs): Promise<number> {
  installStdoutGuards();
  const zone = resolveTimeZone(args);
  if (args.report !== undefined) {
    await checkReportPath(args.report);
    await refuseOutputsAmongFiles([{ flag: '--report', path: args.report }], args.files);
  }
  const summaries = args.files.map((file) => ({ file, summary: readSummary(file) }));
  const merged = mergeSummaries(summaries, { redact: args.redact ?? true });
  // The report describes codes from the catalog; it must be the one the shards used.
  const catalog = args.report === undefined ? null : loadCatalog(userCatalogFiles(args.catalog));
  if (catalog && catalog.version !== merged.catalog.version) {
    throw new ExitError(
      `--report: the summaries were made with catalog ${merged.catalog.version}, but this catalog is ${catalog.version}; pass the shards' --catalog files`,
    );
  }
  const series = merged.timeSeries ?? null;
  const format = args.format ?? (process.stdout.isTTY ? 'table' : 'json');
  await writeOut(renderSummary(merged, format, args.by ?? ['category', 'code'], { zone, series }));
  if (catalog && args.report !== undefined) {
    const html = renderReport({ summary: merged, series, catalog, zone, commandLine: describeCommandLine(process.argv.slice(2)), generatedAt: Date.now() });
    const error = await writeReport(args.report, html);
    if (error) {
      warn(error);
      return EXIT.unreadableInput;
    }
  }
  return EXIT.ok;
}
