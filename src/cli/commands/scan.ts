import type { Summary } from '../../aggregation/summary.js';
import { EXIT } from '../../errors.js';
import { runPipeline } from '../../pipeline/run-pipeline.js';
import type { Grouping } from '../../render/groupings.js';
import { renderCsv } from '../../render/render-csv.js';
import { renderMarkdown } from '../../render/render-markdown.js';
import { renderTable } from '../../render/render-table.js';
import { installStdoutGuards, useColor, warn, writeOut } from '../output.js';
import { parseByteSize, prepareRun, type InputArgs } from '../prepare-run.js';
import { stopOnSignals } from '../stop-signals.js';

export type SummaryFormat = 'table' | 'json' | 'csv' | 'markdown';

export interface ScanArgs extends InputArgs {
  format?: SummaryFormat;
  by?: Grouping[];
}

/** Renders a summary in the chosen format (shared by scan and merge). */
export function renderSummary(summary: Summary, format: SummaryFormat, by: readonly Grouping[]): string {
  switch (format) {
    case 'json':
      return JSON.stringify(summary, null, 2) + '\n';
    case 'csv':
      return renderCsv(summary, by);
    case 'markdown':
      return renderMarkdown(summary, by);
    case 'table':
      return renderTable(summary, by, { color: useColor(process.stdout) });
  }
}

/** The default format: a table for a person at a terminal, JSON for a program. */
export function defaultFormat(): SummaryFormat {
  return process.stdout.isTTY ? 'table' : 'json';
}

/** `mqerr scan`: reads every input and prints the summary. */
export async function runScan(args: ScanArgs): Promise<number> {
  installStdoutGuards();
  const maxLineBytes = parseByteSize(args.maxLineBytes ?? 4 * 1024 * 1024, '--max-line-bytes');
  const run = await prepareRun(args);
  const controller = new AbortController();
  const release = stopOnSignals(controller);
  const { failed } = await runPipeline({
    inputs: run.inputs,
    ctx: run.ctx,
    aggregator: run.aggregator,
    sink: null,
    maxLineBytes,
    idleFlushMs: 50,
    signal: controller.signal,
    onSourceError: (name, message) => warn(`${name}: ${message}`),
    unwrap: args.unwrap ?? true,
  });
  release();
  const summary = run.aggregator.toSummary();
  await writeOut(renderSummary(summary, args.format ?? defaultFormat(), args.by ?? ['category', 'code']));
  return failed ? EXIT.unreadableInput : EXIT.ok;
}
