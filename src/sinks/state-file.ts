import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Summary } from '../aggregation/summary.js';
import { EXIT, ExitError } from '../errors.js';
import type { ProcessorCarry } from '../pipeline/line-processor.js';
import type { FilePosition } from '../sources/follow-files.js';
import type { MetricCounts } from './create-metrics.js';

export const STATE_SCHEMA = 'mqerr.state/1';

/**
 * A checkpoint of `--follow --state`: where each followed file was read up
 * to, what each source's processor carries to its next record, and the
 * summary of exactly the lines before those offsets.
 */
export interface StateFile {
  schema: typeof STATE_SCHEMA;
  /** The paths followed, as given: a state belongs to one set of paths. */
  paths: string[];
  written: string;
  files: FilePosition[];
  sources: { name: string; carry: ProcessorCarry }[];
  summary: Summary;
  /** The metrics' error and success counters, when the run served metrics (`--metrics-port`, `--textfile`). */
  metrics?: MetricCounts;
}

/**
 * Reads a state file; null when there is none yet (a first run). A file
 * that is not a state is a usage error naming it.
 * @example readState('/var/lib/mqerr/state.json') // { schema: 'mqerr.state/1', files: [...], summary: {...} } or null
 */
export function readState(path: string): StateFile | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new ExitError(`--state ${path}: cannot read it (${code ?? String(err)})`);
  }
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch (err) {
    throw new ExitError(`--state ${path}: not valid JSON (${err instanceof Error ? err.message : String(err)}); remove it to start over`);
  }
  const s = state as Partial<StateFile> | null;
  if (s === null || typeof s !== 'object' || s.schema !== STATE_SCHEMA || !Array.isArray(s.files) || !Array.isArray(s.sources) || !Array.isArray(s.paths) || typeof s.summary !== 'object') {
    throw new ExitError(`--state ${path}: expected a ${STATE_SCHEMA} checkpoint, got something else; remove it to start over`);
  }
  return s as StateFile;
}

/**
 * Writes a state file atomically and durably: a temporary file in the same
 * directory, flushed to the disk, renamed over the old one. A run killed at
 * any moment leaves the previous checkpoint or this one, never half of one.
 */
export function writeState(path: string, state: StateFile): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, JSON.stringify(state));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    syncDirectory(dirname(path));
  } catch (err) {
    rmSync(temp, { force: true });
    const e = err as NodeJS.ErrnoException;
    throw new ExitError(`--state ${path}: cannot write it (${e.code ?? e.message})`, EXIT.unreadableInput);
  }
}

/** Makes the rename itself durable; some file systems cannot open a directory, which only costs durability. */
function syncDirectory(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Not supported here: the rename is still atomic.
  } finally {
    closeSync(fd);
  }
}
