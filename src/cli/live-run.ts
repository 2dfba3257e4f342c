import type { Summary } from '../aggregation/summary.js';
import { EXIT, ExitError } from '../errors.js';
import type { RecordSink } from '../pipeline/line-processor.js';
import type { Grouping } from '../render/groupings.js';
import { renderSnapshot } from '../render/render-snapshot.js';
import type { RunMetrics } from '../sinks/create-metrics.js';
import { checkTextfilePath, writeTextfile } from '../sinks/write-textfile.js';
import { parseDuration } from '../time/parse-duration.js';
import { parseInterval, startStatus } from './start-status.js';
import { checkThresholds, parseFailOn } from './fail-on.js';
import { warn as warnLine } from './output.js';
import type { PreparedRun } from './prepare-run.js';

/** The flags of src/cli/live-options.ts; every one is optional. */
export interface LiveArgs {
  progress?: boolean;
  interval?: string;
  every?: string;
  failOn?: string[];
  metricsPort?: number;
  metricsHost?: string;
  textfile?: string;
}

/** How the command prints its summary. */
export interface LiveOutput {
  format: 'table' | 'json' | 'csv' | 'markdown';
  by: readonly Grouping[];
  /** Renders a summary as the command normally does. */
  render: (summary: Summary) => string;
  /** The command writes records to stdout as it reads (`tag`). */
  writesRecords: boolean;
}

/** The live parts of a run, started before reading and finished after. */
export interface LiveRun {
  /** Feeds the metrics; null when no metrics are asked for. */
  sink: RecordSink | null;
  /** The metrics, when asked for (a checkpoint keeps their counts). */
  metrics: RunMetrics | null;
  /** A one-line warning, printed without the live view drawing over it. */
  warn(message: string): void;
  /** Stops timers, servers and the status line; the final summary, its output and the exit status. */
  finish(): Promise<{ summary: Summary; output: string; exitCode: number }>;
}

const MIN_EVERY_MS = 100;

/**
 * Starts what runs beside the reading: the live view or progress bar on a
 * terminal's stderr, `--every` snapshots, the metrics server. Bad flags, a
 * busy port or an unwritable textfile directory fail here, before any input
 * is read.
 */
export async function startLive(args: LiveArgs, run: PreparedRun, out: LiveOutput): Promise<LiveRun> {
  const intervalMs = parseInterval(args.interval);
  const everyMs = args.every === undefined ? null : parseDuration(args.every, '--every');
  if (everyMs !== null && everyMs < MIN_EVERY_MS) throw new ExitError(`--every must be at least ${MIN_EVERY_MS}ms, got '${args.every}'`);
  const thresholds = args.failOn && args.failOn.length > 0 ? parseFailOn(args.failOn, run.catalog, warnLine) : null;
  if (args.textfile !== undefined) checkTextfilePath(args.textfile);
  const port = args.metricsPort;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new ExitError(`--metrics-port expects a port from 0 to 65535, got ${String(port)}`);
  }
  // prom-client and the HTTP server load only when metrics are asked for: they cost every other run its start-up.
  const metrics = port !== undefined || args.textfile !== undefined ? (await import('../sinks/create-metrics.js')).createMetrics(run.catalog, run.aggregator) : null;
  const server = metrics && port !== undefined ? await (await import('../sinks/serve-metrics.js')).serveMetrics(metrics, args.metricsHost ?? '127.0.0.1', port) : null;
  if (server && port === 0) warnLine(`serving metrics at ${server.url}`);

  const status = startStatus({ enabled: args.progress ?? true, intervalMs, writesRecords: out.writesRecords }, run);
  const warn = (message: string): void => (status ? status.around(() => warnLine(message)) : warnLine(message));
  const withThresholds = (summary: Summary): Summary => (thresholds ? { ...summary, thresholds: checkThresholds(thresholds, summary) } : summary);

  let first = true;
  let textfileFailing = false;
  const snapshot = (summary: Summary, final: boolean): string => {
    const text = renderSnapshot(summary, out.format, out.by, { time: new Date().toISOString(), final, first }, out.render);
    first = false;
    return text;
  };
  const every =
    everyMs === null
      ? null
      : setInterval(() => {
          // A consumer that stopped reading gets no pile of snapshots: skip until it drains.
          if (process.stdout.writableNeedDrain) return;
          const text = snapshot(withThresholds(run.aggregator.toSummary()), false);
          const print = (): void => void process.stdout.write(text);
          if (status) status.around(print);
          else print();
          if (metrics && args.textfile !== undefined) {
            refreshTextfile(metrics, args.textfile).then(
              () => (textfileFailing = false),
              (err: Error) => {
                // Said once per failing spell, not at every snapshot; the end of the run tries again.
                if (!textfileFailing) warn(err.message);
                textfileFailing = true;
              },
            );
          }
        }, everyMs);

  return {
    sink: metrics ? (_record, _recognition, event) => metrics.observe(event) : null,
    metrics,
    warn,
    async finish() {
      if (every) clearInterval(every);
      status?.stop();
      let exitCode: number = EXIT.ok;
      if (metrics && args.textfile !== undefined) {
        try {
          await refreshTextfile(metrics, args.textfile);
        } catch (err) {
          // The summary is still printed: nothing read is lost for a failed write.
          warnLine(err instanceof Error ? err.message : String(err));
          exitCode = EXIT.unreadableInput;
        }
      }
      await server?.close();
      const summary = withThresholds(run.aggregator.toSummary());
      const fired = summary.thresholds?.filter((t) => t.fired) ?? [];
      for (const t of fired) warnLine(`--fail-on ${t.expr} crossed (value ${t.value}${t.expr.trimEnd().endsWith('%') ? '%' : ''})`);
      if (exitCode === EXIT.ok && fired.length > 0) exitCode = EXIT.thresholdCrossed;
      return { summary, output: everyMs === null ? out.render(summary) : snapshot(summary, true), exitCode };
    },
  };
}

async function refreshTextfile(metrics: RunMetrics, path: string): Promise<void> {
  writeTextfile(path, await metrics.text());
}
