import type { Summary, TimeSeries } from '../../aggregation/summary.js';
import { EXIT } from '../../errors.js';
import type { Grouping } from '../../render/groupings.js';
import { renderCsv } from '../../render/render-csv.js';
import { summaryJsonChunks } from '../../render/summary-json-chunks.js';
import { renderMarkdown } from '../../render/render-markdown.js';
import { renderTable } from '../../render/render-table.js';
import { renderReport } from '../../render/report/render-report.js';
import type { TimeZone } from '../../time/time-zone.js';
import { describeCommandLine } from '../command-line.js';
import { startLive, type LiveArgs } from '../live-run.js';
import { installStdoutGuards, useColor, warn, writeOut } from '../output.js';
import { parseMaxLineBytes, prepareRun, type InputArgs } from '../prepare-run.js';
import { readInputs } from '../read-inputs.js';
import { crossTabsOf } from '../by-option.js';
import { checkReportPath, writeReport } from '../report-option.js';
import { checkOutputPath, refuseOutputsAmongInputs, type OutputPath } from '../output-path.js';
import { stopOnSignals } from '../stop-signals.js';
import { resolveFollow } from '../follow-option.js';
import { openCheckpoints } from '../state-option.js';
import { applyLogTimeZone, applyLogDates, resolveSeries, resolveTimeZone, resolveWindow, type TimeArgs } from '../time-options.js';

export type SummaryFormat = 'table' | 'json' | 'csv' | 'markdown';

export interface ScanArgs extends InputArgs, TimeArgs, LiveArgs {
  follow?: boolean;
  state?: string;
  stateInterval?: string;
  format?: SummaryFormat;
  by?: Grouping[];
  report?: string;
  wide?: boolean;
}

/** What a human-facing format shows beside the summary: times in a zone, trends from a series. */
export interface DisplayContext {
  zone: TimeZone;
  series: TimeSeries | null;
  /** `--wide`: tables show every column in full, however wide the terminal. */
  wide?: boolean;
}

/** Renders a summary in the chosen format (shared by scan and merge). */
export function renderSummary(summary: Summary, format: SummaryFormat, by: readonly Grouping[], display?: DisplayContext): string {
  switch (format) {
    case 'json':
      return [...summaryJsonChunks(summary)].join('');
    case 'csv':
      return renderCsv(summary, by);
    case 'markdown':
      return renderMarkdown(summary, by);
    case 'table':
      return renderTable(summary, by, {
        color: useColor(process.stdout),
        zone: display?.zone,
        series: display?.series ?? null,
        width: display?.wide === true || !process.stdout.isTTY ? undefined : process.stdout.columns || undefined,
        wide: display?.wide === true,
      });
  }
}

/** The default format: a table for a person at a terminal, JSON for a program. */
export function defaultFormat(): SummaryFormat {
  return process.stdout.isTTY ? 'table' : 'json';
}

/**
 * `mqerr scan`: reads every input and prints the summary (and writes the
 * report, when asked), at EOF or at the first Ctrl-C or SIGTERM, counting
 * everything read until then.
 */
export async function runScan(args: ScanArgs): Promise<number> {
  installStdoutGuards();
  // Signals are caught before the catalog loads, so a stop at any moment still prints a summary.
  const controller = new AbortController();
  const release = stopOnSignals(controller);
  try {
    const maxLineBytes = parseMaxLineBytes(args.maxLineBytes ?? 4 * 1024 * 1024);
    const follow = resolveFollow(args);
    const format = args.format ?? defaultFormat();
    const by = args.by ?? ['category', 'code'];
    applyLogTimeZone(args);
    const now = Date.now();
    applyLogDates(args, now);
    const zone = resolveTimeZone(args);
    const window = resolveWindow(args, now, zone);
    const series = resolveSeries(args, format === 'table' || args.report !== undefined);
    if (args.report !== undefined) await checkReportPath(args.report);
    const outputs: OutputPath[] = [];
    if (args.report !== undefined) outputs.push({ flag: '--report', path: args.report });
    if (args.textfile !== undefined) outputs.push({ flag: '--textfile', path: args.textfile });
    for (const output of outputs) await checkOutputPath(output);
    // The state may sit in a followed directory: the follower leaves it alone (see Checkpoints.isOwnFile).
    if (args.state !== undefined) await checkOutputPath({ flag: '--state', path: args.state });
    const run = await prepareRun(args, { window, series }, crossTabsOf(by));
    await refuseOutputsAmongInputs(outputs, run.inputs);
    for (const note of run.notes) warn(note);
    const checkpoints = openCheckpoints(args, run, follow, warn);
    const display = (): DisplayContext => ({ zone, series: run.aggregator.timeSeries(), wide: args.wide });
    // A JSON summary is written in chunks after the run, never made into one string.
    const streamJson = format === 'json' && args.every === undefined;
    const render = (s: Summary): string => (streamJson ? '' : renderSummary(s, format, by, display()));
    const live = await startLive(args, run, { format, by, render, writesRecords: false });
    checkpoints?.attachMetrics(live.metrics);
    const onSourceError = (name: string, message: string): void => live.warn(`${name}: ${message}`);
    // Metrics observe every record as it is read, so they keep the run on the main thread.
    const { failed } = await readInputs(run, {
      maxLineBytes,
      unwrap: args.unwrap ?? true,
      redact: args.redact ?? true,
      parallel: live.sink === null && follow === null,
      tag: null,
      sink: live.sink,
      signal: controller.signal,
      onSourceError,
      follow: follow ? { ...follow, checkpoints } : undefined,
    });
    // The last checkpoint: every source has ended, so the summary below is exactly the state's.
    checkpoints?.checkpoint();
    const { output, summary, exitCode } = await live.finish();
    if (streamJson) for (const chunk of summaryJsonChunks(summary)) await writeOut(chunk);
    else await writeOut(output);
    let reportFailed = false;
    if (args.report !== undefined) {
      const html = renderReport({
        summary,
        series: display().series,
        catalog: run.catalog,
        zone,
        commandLine: describeCommandLine(process.argv.slice(2)),
        generatedAt: Date.now(),
      });
      const error = await writeReport(args.report, html);
      if (error) warn(error);
      reportFailed = error !== null;
    }
    return failed || reportFailed || checkpoints?.failed ? EXIT.unreadableInput : exitCode;
  } finally {
    release();
  }
}
