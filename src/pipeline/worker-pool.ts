import { Worker } from 'node:worker_threads';
import type { ReadSurvey } from './range-sequencer.js';
import type { DeferredRecord, FromWorker, ReadOn, RepeatCheck, SegmentItem, SegmentResult, SegmentSettings, ToWorker } from './segment-messages.js';
import { segmentService } from './segment-service.js';

const YOUNG_GENERATION_MB = 4;

/** A worker thread failed: an internal error, not a problem with the input. */
export class WorkerFailure extends Error {}

/** Where results go, always in the order the segments were begun. */
export interface OrderedResults<Tag> {
  /**
   * Tagged lines to write, in order; `written` hands the buffer back to its
   * worker once written (a buffer's last piece, which may be empty, carries it).
   */
  output(bytes: Buffer, written: () => void): void;
  /** A record the main thread finishes, in its place in the output. */
  deferred(tag: Tag, item: DeferredRecord): void;
  /** An error whose repeat the main thread checks, in its place in the output. */
  repeat(tag: Tag, item: RepeatCheck): void;
  /** A segment's result; `readOn`, for a byte range that read on past its end. */
  result(tag: Tag, result: SegmentResult, readOn: ReadOn | null): void;
  /** A byte range's survey, as soon as its thread has read it (in any order). */
  surveyed(tag: Tag, id: number, survey: ReadSurvey): void;
  /** The end of a batch of the above: what they wrote may go out as one. */
  flush(): void;
}

type Progress = { items: SegmentItem[]; worker: PoolWorker };

interface SegmentState<Tag> {
  tag: Tag;
  worker: PoolWorker;
  /** What came back before the segment reached the head, in order. */
  pending: Progress[];
  result: SegmentResult | null;
  readOn: ReadOn | null;
  /** For a byte range: the bytes counted as sent to its worker until it is done or dropped. */
  planned: number;
}

/** A place in the order with no segment: its callback runs when it is reached (see `after`). */
interface Marker {
  marker: () => void;
}

interface PoolWorker {
  /** Hands a message to the worker; a thread takes `transfer`'s buffers instead of copies. */
  post(message: ToWorker, transfer?: ArrayBuffer[]): void;
  /** Bytes sent and not yet acknowledged. */
  queued: number;
}

/** How the pool shares out the work. */
export interface PoolLimits {
  /** Bytes sent to the threads and not yet processed, at most (`ready()` waits above it). */
  maxQueuedBytes: number;
  /** A segment is processed on the main thread itself when every worker thread has this many bytes to work on. */
  inlineAfterBytes: number;
}

/**
 * Processes segments on `jobs` threads: worker threads (segment-worker.ts)
 * and the main thread, which reads the input and takes a segment itself
 * whenever the workers have enough to do (one thread fewer to start and to
 * hold in memory). Results and tagged output come back in the order segments
 * began, whichever finishes first. The bytes in flight are bounded: `ready()`
 * waits while too many are.
 */
export class WorkerPool<Tag> {
  private readonly segments = new Map<number, SegmentState<Tag> | Marker>();
  private nextId = 0;
  /** The oldest segment not yet delivered. */
  private head = 0;
  private current: SegmentState<Tag> | null = null;
  private currentId = -1;
  /** Who waits for the bytes in flight to go down (see ready): the reading loop, and this thread's own range. */
  private readonly waiting: (() => void)[] = [];
  /** Who waits for a worker thread to have room (see whenRoom). */
  private readonly roomWaiters: (() => void)[] = [];
  private failure: Error | null = null;
  private settled: (() => void) | null = null;

  private readonly workers: PoolWorker[];
  /** The main thread's own share: it processes what it is sent at once. */
  private readonly inline: PoolWorker;

  private constructor(
    private readonly threads: Worker[],
    settings: SegmentSettings,
    private readonly limits: PoolLimits,
    private readonly sink: OrderedResults<Tag>,
  ) {
    this.workers = threads.map((thread) => {
      const worker: PoolWorker = { post: (message, transfer = []) => thread.postMessage(message, transfer), queued: 0 };
      thread.on('message', (message: FromWorker) => this.onMessage(worker, message));
      thread.on('error', (err) => this.fail(new WorkerFailure(`segment worker failed: ${err.stack ?? err.message}`)));
      return worker;
    });
    const serve = segmentService(settings, (message) => this.onMessage(this.inline, message));
    this.inline = { post: (message) => serve(message), queued: 0 };
  }

  /** Starts the worker threads for `jobs` threads in all (the main thread is one), and resolves once each has loaded. */
  static async start<Tag>(jobs: number, settings: SegmentSettings, limits: PoolLimits, sink: OrderedResults<Tag>): Promise<WorkerPool<Tag>> {
    const url = new URL('./segment-worker.js', import.meta.url);
    // A small young generation keeps each worker's heap, and so the process's memory, small;
    // the old generation keeps V8's default limit, so a huge record still fits.
    const threads = Array.from({ length: Math.max(1, jobs - 1) }, () => new Worker(url, { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }));
    await Promise.all(
      threads.map(
        (thread) =>
          new Promise<void>((resolve, reject) => {
            thread.once('message', () => resolve());
            thread.once('error', reject);
          }),
      ),
    );
    return new WorkerPool(threads, settings, limits, sink);
  }

  /**
   * Begins a segment whose bytes follow (data, end): on the least busy
   * worker thread, or on this one when every worker has enough to do, or
   * when it takes a place reserved for it (see reserve()).
   */
  begin(tag: Tag, source: string, firstLine: number, place?: number): void {
    const thread = this.leastBusy();
    const worker = place !== undefined || thread.queued >= this.limits.inlineAfterBytes ? this.inline : thread;
    const id = place ?? this.nextId++;
    this.current = { tag, worker, pending: [], result: null, readOn: null, planned: 0 };
    this.currentId = id;
    this.segments.set(id, this.current);
    this.post(worker, { type: 'begin', id, source, firstLine });
    // A reserved place may be the one delivery waits for.
    if (place !== undefined) this.deliver();
  }

  /** Takes the next place in the order for a segment this thread will begin there later (or skip). */
  reserve(): number {
    return this.nextId++;
  }

  /** Leaves a reserved place empty. */
  skip(place: number): void {
    this.segments.set(place, { marker: () => undefined });
    this.deliver();
  }

  /** Whether a worker thread has less than enough to do (see PoolLimits.inlineAfterBytes). */
  hasRoom(): boolean {
    return this.leastBusy().queued < this.limits.inlineAfterBytes;
  }

  /** Resolves when a worker thread has room (at once if one has), or a worker failed. */
  whenRoom(): Promise<void> {
    if (this.failure || this.hasRoom()) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /**
   * Sends a byte range of an open file to the least busy worker thread, which
   * reads and surveys it at once (answering through `surveyed`) and processes
   * it on `go`. Returns its place in the order.
   */
  range(tag: Tag, source: string, fd: number, start: number, length: number): number {
    const worker = this.leastBusy();
    const id = this.nextId++;
    this.segments.set(id, { tag, worker, pending: [], result: null, readOn: null, planned: length });
    worker.queued += length;
    this.post(worker, { type: 'range', id, source, fd, start, length });
    return id;
  }

  /** Has a range surveyed processed, its first line being `firstLine`; `toEnd`: reading on to the end of its file. */
  go(id: number, firstLine: number, toEnd: boolean): void {
    this.post((this.segments.get(id) as SegmentState<Tag>).worker, { type: 'go', id, firstLine, toEnd });
  }

  /** Forgets a range surveyed: its place in the order is left empty. */
  drop(id: number): void {
    const state = this.segments.get(id) as SegmentState<Tag>;
    this.post(state.worker, { type: 'drop', id });
    state.worker.queued -= state.planned;
    this.skip(id);
    this.wake();
  }

  private leastBusy(): PoolWorker {
    return this.workers.reduce((a, b) => (b.queued < a.queued ? b : a));
  }

  /** Sends a copy of `bytes` to the open segment's worker. */
  data(bytes: Buffer): void {
    const copy = Buffer.allocUnsafeSlow(bytes.length);
    bytes.copy(copy);
    const worker = this.current!.worker;
    worker.queued += copy.length;
    this.post(worker, { type: 'data', id: this.currentId, bytes: copy.buffer as ArrayBuffer }, [copy.buffer as ArrayBuffer]);
  }

  /**
   * data() for bytes the caller leaves unchanged until it has called end():
   * the main thread's own runner takes them as they are (its line scanner
   * may keep a view of a line they end with until the next bytes come), a
   * worker thread a copy. The main thread's runner handles each message as
   * it is posted (it is never sent a range: see range()), so once end()
   * returns it holds none of them.
   */
  dataUntilEnd(bytes: Buffer): void {
    const worker = this.current!.worker;
    if (worker !== this.inline) return this.data(bytes);
    worker.queued += bytes.length;
    this.post(worker, { type: 'data', id: this.currentId, bytes: bytes.buffer as ArrayBuffer, offset: bytes.byteOffset, length: bytes.length });
  }

  end(): void {
    this.post(this.current!.worker, { type: 'end', id: this.currentId });
    this.current = null;
  }

  /** Runs `callback` once every segment begun so far has been delivered, in order with what follows. */
  after(callback: () => void): void {
    this.segments.set(this.nextId++, { marker: callback });
    this.deliver();
  }

  /** Resolves when the workers can take more bytes; rejects if a worker failed. */
  async ready(): Promise<void> {
    while (!this.failure && this.workers.reduce((n, w) => n + w.queued, 0) > this.limits.maxQueuedBytes) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    if (this.failure) throw this.failure;
  }

  /** Resolves once every segment begun has been delivered. */
  async finish(): Promise<void> {
    while (!this.failure && this.head < this.nextId) await new Promise<void>((resolve) => (this.settled = resolve));
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }

  private post(worker: PoolWorker, message: ToWorker, transfer: ArrayBuffer[] = []): void {
    worker.post(message, transfer);
  }

  private onMessage(worker: PoolWorker, message: FromWorker): void {
    switch (message.type) {
      case 'ack':
        worker.queued -= message.bytes;
        this.wake();
        return;
      case 'items':
        this.progress(message.id, { items: message.items, worker });
        return;
      case 'done': {
        const state = this.segments.get(message.id) as SegmentState<Tag>;
        state.result = message.result;
        state.readOn = message.readOn ?? null;
        this.deliver();
        return;
      }
      case 'surveyed':
        this.sink.surveyed((this.segments.get(message.id) as SegmentState<Tag>).tag, message.id, message.survey);
        return;
      case 'failed':
        this.fail(new WorkerFailure(`segment worker failed: ${message.message}`));
        return;
      case 'ready':
        return;
    }
  }

  private progress(id: number, progress: Progress): void {
    const state = this.segments.get(id) as SegmentState<Tag>;
    if (id !== this.head) {
      state.pending.push(progress);
      return;
    }
    this.hand(state, progress);
    this.sink.flush();
  }

  private hand(state: SegmentState<Tag>, { items, worker }: Progress): void {
    for (const item of items) {
      if ('repeat' in item) {
        this.sink.repeat(state.tag, item);
        continue;
      }
      if (!('bytes' in item)) {
        this.sink.deferred(state.tag, item);
        continue;
      }
      const recycle = (): void => this.post(worker, { type: 'recycle', bytes: item.bytes }, [item.bytes]);
      // The last piece goes out even when empty: the buffer goes back only after every piece of it is written.
      if (item.end > item.start || item.last) this.sink.output(Buffer.from(item.bytes, item.start, item.end - item.start), item.last ? recycle : () => undefined);
    }
  }

  /** Hands over, in order, every finished segment at the head, and what the next one has sent so far. */
  private deliver(): void {
    for (let state = this.segments.get(this.head); state && ('marker' in state || state.result); state = this.segments.get(this.head)) {
      this.segments.delete(this.head);
      if ('marker' in state) state.marker();
      else this.sink.result(state.tag, state.result!, state.readOn);
      this.head++;
      const next = this.segments.get(this.head);
      if (next && !('marker' in next)) {
        for (const progress of next.pending) this.hand(next, progress);
        next.pending = [];
      }
    }
    this.sink.flush();
    if (this.head === this.nextId) {
      const settled = this.settled;
      this.settled = null;
      settled?.();
    }
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.wake();
    const settled = this.settled;
    this.settled = null;
    settled?.();
  }

  private wake(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
    if (this.roomWaiters.length > 0 && (this.failure || this.hasRoom())) for (const resolve of this.roomWaiters.splice(0)) resolve();
  }
}
