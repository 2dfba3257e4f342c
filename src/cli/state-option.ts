import type { Argv } from 'yargs';
import { ExitError } from '../errors.js';
import { Checkpoints } from '../pipeline/checkpoints.js';
import { readState, writeState } from '../sinks/state-file.js';
import { parseDuration } from '../time/parse-duration.js';
import type { PreparedRun } from './prepare-run.js';

/** `--state FILE` and `--state-interval DUR` (scan --follow). */
export function stateOptions<T>(y: Argv<T>) {
  return y
    .option('state', {
      type: 'string',
      describe: 'with --follow: keep where each file was read up to and the summary so far in FILE; a restart continues from it',
    })
    .option('state-interval', { type: 'string', default: '10s', describe: 'how often --state is written (also at exit)' });
}

const MIN_INTERVAL_MS = 100;

/**
 * Opens the checkpoints of `--state`: a previous run's state is checked
 * against this run (the same paths, catalog, samples and series), its
 * summary taken into the run's aggregator, and a first checkpoint written at
 * once, so an unwritable state file fails before anything is read.
 */
export function openCheckpoints(
  args: { state?: string; stateInterval?: string; bucket?: string },
  run: PreparedRun,
  follow: { paths: string[] } | null,
  warn: (message: string) => void,
): Checkpoints | null {
  const path = args.state;
  if (path === undefined) return null;
  if (!follow) throw new ExitError('--state keeps the place of followed files: use it with --follow');
  const intervalMs = parseDuration(args.stateInterval ?? '10s', '--state-interval');
  if (intervalMs < MIN_INTERVAL_MS) throw new ExitError(`--state-interval must be at least ${MIN_INTERVAL_MS}ms, got '${args.stateInterval}'`);
  const previous = readState(path);
  if (previous) {
    const was = previous.summary;
    const mismatch =
      JSON.stringify(previous.paths) !== JSON.stringify(follow.paths)
        ? `paths ${previous.paths.join(' ')}`
        : was.catalog.version !== run.catalog.version
          ? `catalog ${was.catalog.version}`
          : was.samples !== run.samples
            ? `--samples ${was.samples}`
            : (was.timeSeries?.bucket ?? null) !== (args.bucket ?? null)
              ? `--bucket ${was.timeSeries?.bucket ?? '(none)'}`
              : null;
    if (mismatch) throw new ExitError(`--state ${path}: written by a run with ${mismatch}; give the same, or remove the file to start over`);
    run.aggregator.absorb(was);
  }
  const checkpoints = new Checkpoints(follow.paths, run.aggregator, intervalMs, (state) => writeState(path, state), warn, previous, path);
  try {
    writeState(path, checkpoints.snapshot());
  } catch (err) {
    throw new ExitError(`${(err as Error).message}; nothing was read`);
  }
  return checkpoints;
}
