import { availableParallelism } from 'node:os';
import { isSea } from 'node:sea';
import type { Argv } from 'yargs';
import { ExitError } from '../errors.js';

/**
 * `--jobs N`: how many threads process files (default: one per core); 1
 * processes everything on the main thread. Standard input is always read on
 * the main thread, as it arrives.
 */
export function withJobsOption<T>(y: Argv<T>) {
  return y.option('jobs', { type: 'number', describe: 'threads for processing files (default: one per core; 1: no worker threads)' });
}

/** The number of jobs to run, from --jobs or the machine's cores. */
export function resolveJobs(jobs: number | undefined): number {
  // The single executable has no worker script on disk to start threads from (npm run sea).
  if (isSea()) return 1;
  if (jobs === undefined) return availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) throw new ExitError(`--jobs expects a whole number ≥ 1, got ${String(jobs)}`);
  return jobs;
}
