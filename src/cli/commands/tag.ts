import { tagMessage } from '../../render/pretty-message.js';
import { parsePrettyOptions } from '../pretty-options.js';
import { EXIT, ExitError } from '../../errors.js';
import type { FlowControl } from '../../pipeline/run-pipeline.js';
import { prettifySafely } from '../../render/prettify-safely.js';
import { BufferPool } from '../../sources/buffer-pool.js';
import { TagWriter } from '../../tagging/tag-writer.js';
import { installStdoutGuards, useColor, warn, writeOut } from '../output.js';
import { parseMaxLineBytes, prepareRun, type InputArgs } from '../prepare-run.js';
import { readInputs } from '../read-inputs.js';
import { parseInterval, startStatus } from '../start-status.js';
import { stopOnSignals } from '../stop-signals.js';
import { resolveFollow } from '../follow-option.js';
import { applyLogTimeZone, applyLogDates, resolveTimeZone, resolveWindow, type TimeArgs } from '../time-options.js';

export interface TagArgs extends InputArgs, Pick<TimeArgs, 'since' | 'until' | 'tz' | 'logTz' | 'logYear' | 'logDate'> {
  errorsOnly?: boolean;
  pretty?: boolean;
  progress?: boolean;
  interval?: string;
  /** Redact credentials in the records written, not only in the added fields. */
  redactInput?: boolean;
  /** `--pretty-option KEY=VALUE`: pino-pretty options. */
  prettyOption?: string[];
  follow?: boolean;
}

/**
 * `mqerr tag`: writes every record as NDJSON with an `mqerr` key, in one
 * write per batch of input (a chunk read, an idle flush), so a pipe reader
 * sees each record as soon as its batch is done; a slow reader slows reading.
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
  const maxLineBytes = parseMaxLineBytes(args.maxLineBytes ?? 4 * 1024 * 1024);
  applyLogTimeZone(args);
  const now = Date.now();
  applyLogDates(args, now);
  const prettyOverrides = parsePrettyOptions(args.prettyOption ?? []);
  if (!args.pretty && (args.prettyOption ?? []).length > 0) throw new ExitError('--pretty-option sets how --pretty renders records; add --pretty');
  const follow = resolveFollow(args);
  const window = resolveWindow(args, now, resolveTimeZone(args));
  const run = await prepareRun(args, { window, series: null });
  for (const note of run.notes) warn(note);
  const pretty = args.pretty ? await loadPretty(useColor(process.stdout), prettyOverrides) : null;
  const status = startStatus({ enabled: args.progress ?? true, intervalMs: parseInterval(args.interval), writesRecords: true }, run);
  const flow: { current: FlowControl | null } = { current: null };
  const errorsOnly = args.errorsOnly ?? false;
  const redactInput = args.redactInput ?? false;
  const writer = new TagWriter({ errorsOnly, pretty, redactInput });
  const buffers = new BufferPool();
  let waitingForDrain = false;
  // Records are written a batch at a time (a chunk read, an idle flush): one write, not one per record.
  const writeBatch = (): void => {
    if (writer.out.length === 0) return;
    const bytes = writer.out.take(buffers.allocate);
    const ok = process.stdout.write(bytes, () => buffers.recycle(bytes.buffer as ArrayBuffer));
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
  };
  const onSourceError = (name: string, message: string): void => (status ? status.around(() => warn(`${name}: ${message}`)) : warn(`${name}: ${message}`));
  const { failed } = await readInputs(
    run,
    {
      maxLineBytes,
      unwrap: args.unwrap ?? true,
      redact: args.redact ?? true,
      // A pretty-printed line is made on the main thread.
      parallel: !pretty && follow === null,
      tag: { errorsOnly, redactInput, writer, write: writeOut },
      sink: (record, recognition, event, further) => writer.record(record, recognition, event, further),
      quietSink: (line, recognition, event) => writer.quiet(line, recognition, event),
      onBatchEnd: writeBatch,
      signal,
      onSourceError,
      follow: follow ?? undefined,
    },
    flow,
  );
  status?.stop();
  return failed ? EXIT.unreadableInput : EXIT.ok;
}

/**
 * pino-pretty is loaded only when --pretty asks for it, to keep start-up
 * fast; what it prints from the logs is sanitized for the terminal first.
 * A record is one line, its API error's essentials before its message (see
 * tagMessage); `--pretty-option` overrides any of these settings.
 */
async function loadPretty(colorize: boolean, overrides: Record<string, string | boolean>): Promise<(line: string) => string> {
  const { prettyFactory } = await import('pino-pretty');
  return prettifySafely(
    prettyFactory({
      colorize,
      translateTime: 'UTC:yyyy-mm-dd HH:MM:ss.l',
      ignore: 'pid,hostname,mqerr',
      singleLine: true,
      // An error object is printed as one line of JSON like any other, not as a block with its stack.
      errorLikeObjectKeys: [],
      messageFormat: (log: Record<string, unknown>, messageKey: string) => tagMessage(log, messageKey),
      ...overrides,
    }),
  );
}
