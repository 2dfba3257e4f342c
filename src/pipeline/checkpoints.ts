import { resolve } from 'node:path';
import type { Aggregator } from '../aggregation/aggregator.js';
import type { FileFollower, FilePosition } from '../sources/follow-files.js';
import type { MetricCounts, RunMetrics } from '../sinks/create-metrics.js';
import type { StateFile } from '../sinks/state-file.js';
import { STATE_SCHEMA } from '../sinks/state-file.js';
import type { ProcessorCarry } from './line-processor.js';
import type { SourceWatch } from './run-pipeline.js';

/** How long a checkpoint waits for the records being read to close before it gives up until the next one. */
const SETTLE_PATIENCE_MS = 2000;
const SETTLE_STEP_MS = 10;

/**
 * Takes the checkpoints of a followed run: between two polls, once every
 * line passed on has been made into records and every record closed (the
 * quiet timer closes them, as it would anyway before the next poll), the
 * files' positions, the processors' carries and the summary describe exactly
 * the same lines, and are written together.
 */
export class Checkpoints {
  private follower: FileFollower | null = null;
  private readonly watches = new Map<string, SourceWatch>();
  /** Carries of sources that ended (stopped), and those restored and not yet taken up. */
  private readonly carries = new Map<string, ProcessorCarry>();
  private readonly restored = new Map<string, ProcessorCarry>();
  private lastWrite = Date.now();
  private readonly file: string | null;
  /** A checkpoint could not be written (said once, on stderr). */
  failed = false;

  constructor(
    private readonly paths: string[],
    private readonly aggregator: Aggregator,
    private readonly intervalMs: number,
    /** Writes a checkpoint; throws to report that it could not. */
    private readonly write: (state: StateFile) => void,
    private readonly warn: (message: string) => void,
    previous: StateFile | null,
    /** The state file's path. */
    file: string | null = null,
  ) {
    this.file = file === null ? null : resolve(file);
    for (const { name, carry } of previous?.sources ?? []) this.restored.set(name, carry);
    this.positions = previous?.files ?? [];
    this.previousMetrics = previous?.metrics;
  }

  /** Where the previous run left the files. */
  readonly positions: readonly FilePosition[];
  private metrics: RunMetrics | null = null;
  private readonly previousMetrics: MetricCounts | undefined;

  /** The run's metrics continue from the previous run's counts, and are kept in each checkpoint. */
  attachMetrics(metrics: RunMetrics | null): void {
    if (!metrics) return;
    if (this.previousMetrics) metrics.restore(this.previousMetrics);
    this.metrics = metrics;
  }

  /** Whether `path` is the state file or one of its temporary files, which a followed directory may hold. */
  isOwnFile(path: string): boolean {
    return this.file !== null && resolve(path).startsWith(this.file);
  }

  attach(follower: FileFollower): void {
    this.follower = follower;
  }

  /** A source's processor starts: it takes up what the previous run left it (once: a file recreated later starts afresh). */
  carryFor(name: string): ProcessorCarry | undefined {
    const carry = this.restored.get(name);
    this.restored.delete(name);
    return carry;
  }

  watchSource(name: string, watch: SourceWatch): () => void {
    this.watches.set(name, watch);
    this.carries.delete(name);
    return () => {
      this.carries.set(name, watch.carry());
      if (this.watches.get(name) === watch) this.watches.delete(name);
    };
  }

  /** Between two polls: a checkpoint when one is due and the records settle. */
  async betweenPolls(): Promise<void> {
    if (Date.now() - this.lastWrite < this.intervalMs) return;
    const deadline = Date.now() + SETTLE_PATIENCE_MS;
    while (!this.settled()) {
      if (Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, SETTLE_STEP_MS));
    }
    this.checkpoint();
  }

  /**
   * Writes the state as it stands: at the start, between polls once
   * settled, and at the end of the run, when every source has ended. A
   * failure is said once and the run goes on (exit 3 at its end).
   */
  checkpoint(): void {
    this.lastWrite = Date.now();
    try {
      this.write(this.snapshot());
    } catch (err) {
      if (!this.failed) this.warn(err instanceof Error ? err.message : String(err));
      this.failed = true;
    }
  }

  private settled(): boolean {
    if (!this.follower) return false;
    for (const stream of this.follower.streams()) {
      if (stream.waiting) return false;
      // Bytes were passed on, but the source has not started making records of them.
      if (stream.passedOn > 0 && !this.watches.has(stream.path)) return false;
    }
    for (const watch of this.watches.values()) if (!watch.settled()) return false;
    return true;
  }

  /** The state as it stands. */
  snapshot(): StateFile {
    const files = this.follower?.positions() ?? [...this.positions];
    const sources: StateFile['sources'] = [];
    for (const path of new Set(files.map((f) => f.path))) {
      const carry = this.watches.get(path)?.carry() ?? this.carries.get(path) ?? this.restored.get(path);
      if (carry) sources.push({ name: path, carry });
    }
    const state: StateFile = { schema: STATE_SCHEMA, paths: this.paths, written: new Date().toISOString(), files, sources, summary: this.aggregator.toSummary() };
    // Counts not yet restored into this run's metrics (none were asked for yet) are kept as they were.
    const metrics = this.metrics?.counts() ?? this.previousMetrics;
    if (metrics) state.metrics = metrics;
    return state;
  }
}
