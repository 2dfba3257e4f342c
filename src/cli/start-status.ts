import { RateMeter } from '../aggregation/rate-meter.js';
import { ExitError } from '../errors.js';
import { liveViewCounts, renderLiveView } from '../render/live-view.js';
import { renderProgressBar } from '../render/progress-bar.js';
import { TerminalStatus } from '../sinks/terminal-status.js';
import { parseDuration } from '../time/parse-duration.js';
import { chooseStatus } from './choose-status.js';
import type { PreparedRun } from './prepare-run.js';

/** The fastest redraw allowed: a few times a second is readable, more is flicker and CPU. */
const MIN_INTERVAL_MS = 200;

/** Parses `--interval` (default 500ms), refusing redraws faster than 200ms. */
export function parseInterval(text: string | undefined): number {
  const ms = parseDuration(text ?? '500ms', '--interval');
  if (ms < MIN_INTERVAL_MS) throw new ExitError(`--interval must be at least ${MIN_INTERVAL_MS}ms, got '${text}'`);
  return ms;
}

export interface StatusOptions {
  /** --progress; --no-progress turns every status drawing off. */
  enabled: boolean;
  intervalMs: number;
  /** The command writes records to stdout as it reads (`tag`). */
  writesRecords: boolean;
}

/**
 * Starts the live view (pipes, stdin) or the progress bar (files of known
 * size) on stderr when chooseStatus allows it; null otherwise.
 */
export function startStatus(options: StatusOptions, run: PreparedRun): TerminalStatus | null {
  const kind = chooseStatus({
    enabled: options.enabled,
    stderrIsTTY: process.stderr.isTTY === true,
    stdoutIsTTY: process.stdout.isTTY === true,
    term: process.env['TERM'],
    writesRecords: options.writesRecords,
    inputs: run.inputs,
  });
  if (kind === 'none') return null;
  const started = Date.now();
  let frame: (size: { columns: number; rows: number }) => string[];
  if (kind === 'live') {
    const meter = new RateMeter(60_000);
    frame = ({ columns, rows }) => {
      const summary = run.aggregator.toSummary();
      const now = Date.now();
      meter.sample(now, liveViewCounts(summary));
      return renderLiveView({ summary, elapsedMs: now - started, perMinute: (key) => meter.perMinute(key), columns, rows });
    };
  } else {
    const totalBytes = run.inputs.reduce((sum, i) => sum + (i.kind === 'file' ? (i.size ?? 0) : 0), 0);
    frame = ({ columns }) => {
      const summary = run.aggregator.toSummary();
      const doneBytes = summary.sources.reduce((sum, s) => sum + s.bytes, 0);
      return [renderProgressBar({ doneBytes, totalBytes, elapsedMs: Date.now() - started, errors: summary.totals.errors, columns })];
    };
  }
  const status = new TerminalStatus(process.stderr, frame, options.intervalMs);
  status.start();
  return status;
}
