import type { FlowControl } from '../pipeline/run-pipeline.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import type { QuietRecordSink, RecordSink } from '../pipeline/line-processor.js';
import { runFollow } from '../pipeline/run-follow.js';
import type { Checkpoints } from '../pipeline/checkpoints.js';
import { runParallel, worthRunningInParallel, type ParallelOptions } from '../pipeline/run-parallel.js';
import type { PreparedRun } from './prepare-run.js';

/** How a command reads its inputs: what it does with records, and whether worker threads may do it. */
export interface ReadPlan {
  maxLineBytes: number;
  unwrap: boolean;
  redact: boolean;
  /** Worker threads may process files (no sink that must see every record on the main thread). */
  parallel: boolean;
  /** For worker threads: what `tag` writes, and where (null for `scan`). */
  tag: ParallelOptions['tag'];
  /** For the main thread: each record, and each quiet record as its bytes. */
  sink: RecordSink | null;
  quietSink?: QuietRecordSink;
  onBatchEnd?: () => void;
  signal: AbortSignal;
  onSourceError: (name: string, message: string) => void;
  /** `--follow`: the paths are followed until the signal stops the run (see runFollow). */
  follow?: { paths: string[]; checkpoints?: Checkpoints | null };
}

/** A pipe's open record is closed after this many quiet milliseconds. */
const IDLE_FLUSH_MS = 50;

/**
 * Reads every input of a prepared run: on worker threads when the plan
 * allows it and the inputs are worth it (see worthRunningInParallel), else
 * through the sequential pipeline. Both give the same results.
 */
export function readInputs(run: PreparedRun, plan: ReadPlan, flow?: { current: FlowControl | null }): Promise<{ failed: boolean }> {
  const { maxLineBytes, unwrap, redact, signal, onSourceError } = plan;
  if (plan.follow) {
    const { ctx, aggregator, fastPath } = run;
    const { sink, quietSink, onBatchEnd } = plan;
    const { paths, checkpoints } = plan.follow;
    const common = { paths, ctx, aggregator, sink, quietSink, onBatchEnd, maxLineBytes, idleFlushMs: IDLE_FLUSH_MS, signal, onSourceError, unwrap, redact, fastPath };
    if (!checkpoints) return runFollow(common, flow);
    return runFollow(
      {
        ...common,
        positions: checkpoints.positions,
        keepPartialLines: true,
        betweenPolls: () => checkpoints.betweenPolls(),
        ignore: (path) => checkpoints.isOwnFile(path),
        onFollower: (follower) => checkpoints.attach(follower),
        watchSource: (name, watch) => checkpoints.watchSource(name, watch),
        carryFor: (name) => checkpoints.carryFor(name),
      },
      flow,
    );
  }
  if (plan.parallel && run.fastPath && worthRunningInParallel(run.inputs, run.jobs)) {
    const { inputs, catalog, aggregator, samples, jobs } = run;
    return runParallel({ inputs, catalog, aggregator, samples, maxLineBytes, unwrap, redact, jobs, tag: plan.tag, signal, onSourceError });
  }
  return runPipeline(
    {
      inputs: run.inputs,
      ctx: run.ctx,
      aggregator: run.aggregator,
      sink: plan.sink,
      quietSink: plan.quietSink,
      onBatchEnd: plan.onBatchEnd,
      maxLineBytes,
      idleFlushMs: IDLE_FLUSH_MS,
      signal,
      onSourceError,
      unwrap,
      redact,
      fastPath: run.fastPath,
    },
    flow,
  );
}
