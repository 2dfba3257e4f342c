import { readFileSync } from 'node:fs';
import { Aggregator } from '../../aggregation/aggregator.js';
import { ProductSelection, type CountedProducts } from '../../aggregation/product-selection.js';
import { SUMMARY_SCHEMA, SUMMARY_SCHEMA_V1, type Summary } from '../../aggregation/summary.js';
import { upgradeSummary, type StoredSummary } from '../../aggregation/upgrade-summary.js';
import { timeSettingsConflict, timeSettingsOf } from '../../aggregation/time-settings.js';
import { loadCatalog } from '../../catalog/load-catalog.js';
import { EXIT, ExitError } from '../../errors.js';
import type { Grouping } from '../../render/groupings.js';
import { renderReport } from '../../render/report/render-report.js';
import { describeCommandLine } from '../command-line.js';
import { installStdoutGuards, warn, writeOut } from '../output.js';
import { userCatalogFiles } from '../prepare-run.js';
import { checkReportPath, writeReport } from '../report-option.js';
import { resolveTimeZone } from '../time-options.js';
import { validateSummary } from '../../aggregation/validate-summary.js';
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
}

/** Reads one shard's JSON summary, refusing anything that is not one; `what` names the flag in messages. */
export function readSummary(file: string, what = 'merge'): Summary {
  return readStoredSummary(file, what).summary;
}

/** readSummary, and whether the file is a summary of the earlier schema (read as this one's). */
function readStoredSummary(file: string, what: string): { summary: Summary; v1: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new ExitError(`${what} ${file}: ${e.code ? `cannot read it (${e.code})` : `not valid JSON: ${e.message}`}`);
  }
  const schema = (parsed as { schema?: unknown } | null)?.schema;
  if (schema !== SUMMARY_SCHEMA && schema !== SUMMARY_SCHEMA_V1) {
    throw new ExitError(
      `${what} ${file}: expected a ${SUMMARY_SCHEMA} or ${SUMMARY_SCHEMA_V1} summary (mqerr scan --format json), got schema ${JSON.stringify(schema ?? null)}`,
    );
  }
  const problem = validateSummary(parsed);
  if (problem) throw new ExitError(`${what} ${file}: not a valid summary: ${problem}`);
  return { summary: upgradeSummary(parsed as StoredSummary), v1: schema === SUMMARY_SCHEMA_V1 };
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
  options: { redact?: boolean; crossTabs?: readonly (readonly Dimension[])[] } = {},
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
  const aggregator = new Aggregator(first.summary.catalog, first.summary.samples, timeSettingsOf(first.summary), new ProductSelection(reference), kept);
  for (const { summary } of summaries) aggregator.absorb(options.redact === false ? summary : redactSummary(summary));
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
  const zone = resolveTimeZone(args);
  if (args.report !== undefined) await checkReportPath(args.report);
  await refuseRepeatedFiles(args.files);
  const summaries = args.files.map((file) => ({ file, ...readStoredSummary(file, 'merge') }));
  const by = args.by ?? ['category', 'code'];
  const merged = mergeSummaries(summaries, { redact: args.redact ?? true, crossTabs: crossTabsOf(by) });
  // The report describes codes from the catalog; it must be the one the shards used.
  const catalog = args.report === undefined ? null : loadCatalog(userCatalogFiles(args.catalog));
  if (catalog && catalog.version !== merged.catalog.version) {
    throw new ExitError(
      `--report: the summaries were made with catalog ${merged.catalog.version}, but this catalog is ${catalog.version}; pass the shards' --catalog files`,
    );
  }
  const series = merged.timeSeries ?? null;
  const format = args.format ?? (process.stdout.isTTY ? 'table' : 'json');
  await writeOut(renderSummary(merged, format, by, { zone, series, wide: args.wide }));
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
