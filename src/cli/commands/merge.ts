import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Aggregator } from '../../aggregation/aggregator.js';
import { ProductSelection, type CountedProducts } from '../../aggregation/product-selection.js';
import { SUMMARY_SCHEMA, SUMMARY_SCHEMA_V1, type Summary } from '../../aggregation/summary.js';
import { upgradeSummary, type StoredSummary } from '../../aggregation/upgrade-summary.js';
import { timeSettingsConflict, timeSettingsOf } from '../../aggregation/time-settings.js';
import { loadCatalog } from '../../catalog/load-catalog.js';
import { EXIT, ExitError } from '../../errors.js';
import type { Grouping } from '../../render/groupings.js';
import { renderReport } from '../../render/report/render-report.js';
import { summaryJsonChunks } from '../../render/summary-json-chunks.js';
import { describeCommandLine } from '../command-line.js';
import { installStdoutGuards, warn, writeOut } from '../output.js';
import { parseMaxKeys, userCatalogFiles } from '../prepare-run.js';
import { checkReportPath, writeReport } from '../report-option.js';
import { refuseOutputsAmongFiles } from '../output-path.js';
import { resolveTimeZone } from '../time-options.js';
import { validateSummary } from '../../aggregation/validate-summary.js';
import { MAX_COUNT, summaryInvariantProblem } from '../../aggregation/summary-invariants.js';
import { expandInputs } from '../../sources/expand-inputs.js';
import { redactSummary } from '../../render/redact-summary.js';
import { renderSummary, type SummaryFormat } from './scan.js';
import { sameDimensions, type Dimension } from '../../aggregation/cross-tabs.js';
import { crossTabsOf } from '../by-option.js';
import { identifyInputs } from '../../sources/identify-inputs.js';

export interface MergeArgs {
  files: string[];
  /** Redact credentials in the merged summary (default true; `--no-redact`). */
  redact?: boolean;
  format?: SummaryFormat;
  by?: Grouping[];
  tz?: string;
  report?: string;
  catalog?: string[];
  wide?: boolean;
  maxKeys?: number;
}

/** Reads one shard's JSON summary, refusing anything that is not one; `what` names the flag in messages. */
export function readSummary(file: string, what = 'merge'): Summary {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ExitError(`${what} ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseSummary(file, text, what);
}

/** A summary's text, checked: JSON, the schema, the shape, then that its numbers add up. */
export function parseSummary(file: string, text: string, what = 'merge'): Summary {
  return parseStoredSummary(file, text, what).summary;
}

/** parseSummary, and whether the text is a summary of the earlier schema (read as this one's). */
function parseStoredSummary(file: string, text: string, what: string): { summary: Summary; v1: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ExitError(`${what} ${file}: not valid JSON: ${(err as Error).message}`);
  }
  const schema = (parsed as { schema?: unknown } | null)?.schema;
  if (schema !== SUMMARY_SCHEMA && schema !== SUMMARY_SCHEMA_V1) {
    throw new ExitError(
      `${what} ${file}: expected a ${SUMMARY_SCHEMA} or ${SUMMARY_SCHEMA_V1} summary (mqerr scan --format json), got schema ${JSON.stringify(schema ?? null)}`,
    );
  }
  const problem = validateSummary(parsed);
  if (problem) throw new ExitError(`${what} ${file}: not a valid summary: ${problem}`);
  const summary = upgradeSummary(parsed as StoredSummary);
  const mismatch = summaryInvariantProblem(summary);
  if (mismatch) throw new ExitError(`${what} ${file}: its numbers do not add up (edited or forged?): ${mismatch}`);
  return { summary, v1: schema === SUMMARY_SCHEMA_V1 };
}

/**
 * Why a summary cannot merge with the others because of the products its
 * main counts hold, or null. A summary written before products were told
 * apart (/1, read as counting every product) merges with any whose main
 * counts hold the errors without a product.
 */
function productSelectionConflict(reference: CountedProducts, summary: Summary, v1: boolean): string | null {
  if (v1) return reference === 'all' || reference.includes(null) ? null : `it is a ${SUMMARY_SCHEMA_V1} summary, whose counts hold every product, but the others count only --product ${reference.join(',')}`;
  if (JSON.stringify(summary.countedProducts) === JSON.stringify(reference)) return null;
  const show = (c: CountedProducts): string => (c === 'all' ? 'all' : c.map((p) => p ?? '(none)').join(','));
  return `made with --product ${show(summary.countedProducts)}, but the others with --product ${show(reference)}; scan every shard with the same --product`;
}

/**
 * The summary files named: a glob the shell did not expand (quoted, or
 * matching nothing there) is expanded as scan expands it, in sorted order.
 */
export async function expandSummaryFiles(files: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of await expandInputs(files)) {
    if (input.kind === 'failed') throw new ExitError(`merge ${input.name}: ${input.error}`);
    if (input.kind === 'stdin') throw new ExitError('merge reads summary files; standard input (-) is not one');
    out.push(input.path);
  }
  return out;
}

/**
 * Why summaries cannot be shards of one run because two of them read the
 * same input (the same summary given twice, or shards whose inputs
 * overlap), or null. Inputs are told by the ids summaries carry for their
 * files (see identifyInputs); standard input and summaries written before
 * ids existed have none.
 */
function overlappingSources(summaries: readonly { file: string; summary: Summary }[]): string | null {
  const readBy = new Map<string, { file: string; name: string }>();
  for (const { file, summary } of summaries) {
    for (const source of summary.sources) {
      if (!source.id) continue;
      const earlier = readBy.get(source.id);
      if (earlier && earlier.file !== file) {
        const what = earlier.name === source.name ? source.name : `${earlier.name} (as ${source.name})`;
        return `merge ${file}: it and ${earlier.file} both read ${what}; merge summaries of different inputs only (the same summary twice, or shards that overlap, would count it twice)`;
      }
      readBy.set(source.id, { file, name: source.name });
    }
  }
  return null;
}

/**
 * Merges shard summaries into exactly the summary one run over all their
 * inputs gives. Summaries made with other catalogs, sample sizes, time
 * windows or buckets are refused.
 */
export function mergeSummaries(
  summaries: { file: string; summary: Summary; v1?: boolean }[],
  /** `crossTabs`: those `--by` asks for, which every summary must hold. */
  options: { redact?: boolean; maxKeys?: number; crossTabs?: readonly (readonly Dimension[])[] } = {},
): Summary {
  const first = summaries[0]!;
  const reference = summaries.find((s) => !s.v1)?.summary.countedProducts ?? 'all';
  for (const { file, summary, v1 } of summaries) {
    const productConflict = productSelectionConflict(reference, summary, v1 ?? false);
    if (productConflict) throw new ExitError(`merge ${file}: ${productConflict}`);
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
    for (const dimensions of options.crossTabs ?? []) {
      if (!summary.groups?.some((g) => sameDimensions(g.dimensions, dimensions))) {
        throw new ExitError(`merge ${file}: --by ${dimensions.join(',')} needs that cross-tab in every summary; scan the shards with --by ${dimensions.join(',')}`);
      }
    }
  }
  const overlap = overlappingSources(summaries);
  if (overlap) throw new ExitError(overlap);
  // Cross-tabs every summary holds are merged too, so a merge of merges keeps them.
  const kept = (first.summary.groups ?? [])
    .map((g) => g.dimensions)
    .filter((dimensions) => summaries.every(({ summary }) => summary.groups?.some((g) => sameDimensions(g.dimensions, dimensions))));
  const aggregator = new Aggregator(
    first.summary.catalog,
    first.summary.samples,
    timeSettingsOf(first.summary),
    new ProductSelection(reference),
    parseMaxKeys(options.maxKeys),
    kept,
  );
  for (const { file, summary } of summaries) {
    aggregator.absorb(options.redact === false ? summary : redactSummary(summary));
    if (aggregator.totals.lines > MAX_COUNT) throw new ExitError(`merge ${file}: the merged line count passes ${MAX_COUNT}, past which counts are not exact`);
  }
  return aggregator.toSummary();
}

/** The same summary file given twice (under one name or two) is refused before anything is read. */
async function refuseRepeatedFiles(files: readonly string[]): Promise<void> {
  const { repeats } = await identifyInputs(files.map((file) => ({ kind: 'file', name: file, path: file, size: null })));
  const repeat = repeats[0];
  if (repeat) throw new ExitError(`merge ${repeat.name}: the same file as ${repeat.sameAs}, given twice; its counts would be added twice`);
}

/** `mqerr merge a.json b.json …`. */
export async function runMerge(args: MergeArgs): Promise<number> {
  installStdoutGuards();
  // Nothing is written before the merge is whole, so a stop only has to say so. The signal is then
  // raised again with its default action: exiting normally would wait for a read blocked on a FIFO.
  const onSignal = (signal: NodeJS.Signals): void => {
    process.stderr.write(`mqerr: merge stopped by ${signal} before it finished\n`, () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.kill(process.pid, signal);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const zone = resolveTimeZone(args);
  const files = await expandSummaryFiles(args.files);
  await refuseRepeatedFiles(files);
  if (args.report !== undefined) {
    await checkReportPath(args.report);
    await refuseOutputsAmongFiles([{ flag: '--report', path: args.report }], files);
  }
  const summaries: { file: string; summary: Summary; v1: boolean }[] = [];
  for (const file of files) {
    // Read without blocking, so a signal is answered between files.
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      throw new ExitError(`merge ${file}: cannot read it (${err.code ?? err.message})`);
    });
    summaries.push({ file, ...parseStoredSummary(file, text, 'merge') });
  }
  const by = args.by ?? ['category', 'code'];
  const merged = mergeSummaries(summaries, { redact: args.redact ?? true, maxKeys: args.maxKeys, crossTabs: crossTabsOf(by) });
  // The report describes codes from the catalog; it must be the one the shards used.
  const catalog = args.report === undefined ? null : loadCatalog(userCatalogFiles(args.catalog));
  if (catalog && catalog.version !== merged.catalog.version) {
    throw new ExitError(
      `--report: the summaries were made with catalog ${merged.catalog.version}, but this catalog is ${catalog.version}; pass the shards' --catalog files`,
    );
  }
  const series = merged.timeSeries ?? null;
  const format = args.format ?? (process.stdout.isTTY ? 'table' : 'json');
  if (format === 'json') for (const chunk of summaryJsonChunks(merged)) await writeOut(chunk);
  else await writeOut(renderSummary(merged, format, by, { zone, series, wide: args.wide }));
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
