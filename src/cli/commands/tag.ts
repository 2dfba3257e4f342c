import { EXIT } from '../../errors.js';
import { runPipeline, type FlowControl } from '../../pipeline/run-pipeline.js';
import { prettifySafely } from '../../render/prettify-safely.js';
import { redactJsonText } from '../../render/redact-json-text.js';
import { redactSecrets } from '../../render/redact-secrets.js';
import { renderTagLine } from '../../render/render-tag.js';
import { installStdoutGuards, useColor, warn } from '../output.js';
import { parseByteSize, prepareRun, type InputArgs } from '../prepare-run.js';
import { parseInterval, startStatus } from '../start-status.js';
import { stopOnSignals } from '../stop-signals.js';
import { resolveTimeZone, resolveWindow, type TimeArgs } from '../time-options.js';

export interface TagArgs extends InputArgs, Pick<TimeArgs, 'since' | 'until' | 'tz'> {
  errorsOnly?: boolean;
  pretty?: boolean;
  progress?: boolean;
  interval?: string;
  /** Redact credentials in the records written, not only in the added fields. */
  redactInput?: boolean;
}

/**
 * `mqerr tag`: writes every record as NDJSON with an `mqerr` key, one write
 * per record so a pipe reader sees each at once; a slow reader slows reading.
 * With `--since`/`--until`, only records inside the window are written.
 */
export async function runTag(args: TagArgs): Promise<number> {
  installStdoutGuards();
  const controller = new AbortController();
  const release = stopOnSignals(controller);
  try {
    return await tagInputs(args, controller.signal);
  } finally {
    release();
  }
}

async function tagInputs(args: TagArgs, signal: AbortSignal): Promise<number> {
  const maxLineBytes = parseByteSize(args.maxLineBytes ?? 4 * 1024 * 1024, '--max-line-bytes');
  const window = resolveWindow(args, Date.now(), resolveTimeZone(args));
  const run = await prepareRun(args, { window, series: null });
  const pretty = args.pretty ? await loadPretty(useColor(process.stdout)) : null;
  const status = startStatus({ enabled: args.progress ?? true, intervalMs: parseInterval(args.interval), writesRecords: true }, run);
  const flow: { current: FlowControl | null } = { current: null };
  let waitingForDrain = false;
  const { failed } = await runPipeline(
    {
      inputs: run.inputs,
      ctx: run.ctx,
      aggregator: run.aggregator,
      sink: (record, recognition, event) => {
        if (args.errorsOnly && event.event !== 'error') return;
        const text = args.redactInput ? redactRecordText(record.text, recognition.json) : record.text;
        const line = renderTagLine(record, recognition, event, text);
        const ok = process.stdout.write(pretty ? pretty(line) : line + '\n');
        if (!ok && flow.current && !waitingForDrain) {
          // A slow reader holds the reading back; one wait per stall, however many records were in flight.
          const paused = flow.current;
          waitingForDrain = true;
          paused.pause();
          process.stdout.once('drain', () => {
            waitingForDrain = false;
            paused.resume();
          });
        }
      },
      maxLineBytes,
      idleFlushMs: 50,
      signal,
      onSourceError: (name, message) => (status ? status.around(() => warn(`${name}: ${message}`)) : warn(`${name}: ${message}`)),
      unwrap: args.unwrap ?? true,
      redact: args.redact ?? true,
    },
    flow,
  );
  status?.stop();
  return failed ? EXIT.unreadableInput : EXIT.ok;
}

/**
 * pino-pretty is loaded only when --pretty asks for it, to keep start-up
 * fast; what it prints from the logs is sanitized for the terminal first.
 */
async function loadPretty(colorize: boolean): Promise<(line: string) => string> {
  const { prettyFactory } = await import('pino-pretty');
  return prettifySafely(prettyFactory({ colorize, translateTime: 'UTC:yyyy-mm-dd HH:MM:ss.l', ignore: 'pid,hostname' }));
}

/** A record's text with credentials redacted; a JSON record stays valid JSON, as written otherwise. */
function redactRecordText(text: string, json: boolean): string {
  return json ? redactJsonText(text) : redactSecrets(text);
}
