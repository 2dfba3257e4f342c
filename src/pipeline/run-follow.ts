import { FileFollower, type FilePosition } from '../sources/follow-files.js';
import type { OpenedInput } from '../sources/open-input.js';
import { runOpenedSource, type FlowControl, type PipelineOptions } from './run-pipeline.js';

export interface FollowPipelineOptions extends Omit<PipelineOptions, 'inputs'> {
  /** Files, directories and globs to follow. */
  paths: readonly string[];
  signal: AbortSignal;
  pollMs?: number;
  positions?: readonly FilePosition[];
  /** Leave an unterminated last line for the next run (see FollowOptions.keepPartialLines). */
  keepPartialLines?: boolean;
  /** Files not to follow (see FollowOptions.ignore). */
  ignore?: (path: string) => boolean;
  /** Runs between two polls (see FollowOptions.betweenPolls). */
  betweenPolls?: () => Promise<void>;
  /** Hands over the follower, for checkpoints of where each file was read up to. */
  onFollower?: (follower: FileFollower) => void;
}

/**
 * Follows files (see FileFollower) until the signal stops the run, each
 * followed path a live source of its own: its records close on the quiet
 * timer as a pipe's do. Resolves with whether any path failed.
 */
export async function runFollow(options: FollowPipelineOptions, flow?: { current: FlowControl | null }): Promise<{ failed: boolean }> {
  let failed = false;
  const runs = new Set<Promise<void>>();
  // A slow sink holds every followed file back, not only the last one started.
  const flows = new Set<{ current: FlowControl | null }>();
  if (flow) {
    flow.current = {
      pause: () => flows.forEach((f) => f.current?.pause()),
      resume: () => flows.forEach((f) => f.current?.resume()),
    };
  }
  const fail = (name: string, message: string): void => {
    options.aggregator.source(name).error = message;
    options.onSourceError(name, message);
    failed = true;
  };
  const read = (name: string, opened: OpenedInput): void => {
    const own: { current: FlowControl | null } = { current: null };
    flows.add(own);
    const running = runOpenedSource(name, opened, true, options, own).then(
      (error) => {
        if (error) fail(name, error);
      },
      (err: unknown) => fail(name, err instanceof Error ? err.message : String(err)),
    );
    const tracked = running.finally(() => {
      flows.delete(own);
      runs.delete(tracked);
    });
    runs.add(tracked);
  };
  const follower = new FileFollower(options.paths, {
    pollMs: options.pollMs,
    signal: options.signal,
    positions: options.positions,
    keepPartialLines: options.keepPartialLines,
    betweenPolls: options.betweenPolls,
    ignore: options.ignore,
    onFile: read,
    onError: fail,
  });
  options.onFollower?.(follower);
  await follower.run();
  while (runs.size > 0) await Promise.all(runs);
  if (flow) flow.current = null;
  return { failed };
}
