import { BufferPool } from '../sources/buffer-pool.js';
import { EmbeddedCompressionWatch } from '../sources/embedded-compression.js';
import { nextTurn, PIECE, rangeBuffers, readAndSurvey, readPiece } from './range-reading.js';
import type { FromWorker, ReadOn, SegmentItem, SegmentSettings, ToWorker } from './segment-messages.js';
import { SegmentRunner } from './segment-runner.js';

/** A range read and surveyed, waiting for its `go`. */
interface ReadRange {
  source: string;
  fd: number;
  start: number;
  /** The bytes the main thread counted as sent (see WorkerPool's `queued`). */
  planned: number;
  bytes: Buffer;
}

/**
 * Processes segments from the messages of the worker pool, one after
 * another, and answers with their output as it is made and their results at
 * their end: the body of a worker thread (segment-worker.ts), and of the
 * main thread's own share of the work (see WorkerPool). `send` lists the
 * buffers a thread can transfer rather than copy.
 *
 * A segment comes either as bytes (begin, data, end) or as a byte range of
 * an open file, which the thread reads itself: it reads and surveys a range
 * as soon as it is sent (see surveyRange), even while it processes another,
 * and processes it once the main thread says where its lines start (`go`).
 * A range is processed a piece at a time, so that the surveys of ranges
 * sent meanwhile are not held up; messages that come meanwhile wait their
 * turn, and a `go` that comes while a segment sent as bytes is open waits
 * for its end (a file's last ranges may settle while the next file, read
 * as a stream, is being sent).
 * @example port.on('message', segmentService(settings, (m, transfer) => port.postMessage(m, transfer)));
 */
export function segmentService(settings: SegmentSettings, send: (message: FromWorker, transfer: ArrayBuffer[]) => void): (message: ToWorker) => void {
  const pool = new BufferPool();
  const runner = new SegmentRunner(settings, pool.allocate);
  const ranges = new Map<number, ReadRange>();
  const buffers = rangeBuffers();
  /** Messages for the runner that came while a range was being processed, in order; null when none is. */
  let waiting: ToWorker[] | null = null;
  /** Whether a segment sent as bytes is open (begun, not ended): a range's `go` waits for its end. */
  let streamOpen = false;
  /** The `go`s that came while a segment sent as bytes was open (the last file's ranges settle while the next file streams). */
  const afterStream: ToWorker[] = [];

  const sendItems = (id: number, items: SegmentItem[]): void => {
    if (items.length === 0) return;
    const buffers = new Set(items.flatMap((item) => ('bytes' in item ? [item.bytes] : [])));
    send({ type: 'items', id, items }, [...buffers]);
  };
  const failed = (id: number, err: unknown): void =>
    send({ type: 'failed', id, message: err instanceof Error ? (err.stack ?? err.message) : String(err) }, []);

  /** Processes a range surveyed, piece by piece, reading on to the end of its file if asked; then runs what waited. */
  const processRange = async (id: number, range: ReadRange, firstLine: number, toEnd: boolean): Promise<void> => {
    runner.begin(range.source, firstLine);
    for (let at = 0; at < range.bytes.length; at += PIECE) {
      const piece = range.bytes.subarray(at, at + PIECE);
      sendItems(id, runner.data(piece));
      // Acknowledged as processed, as a segment's data are: the main thread sends more as the bytes in flight go down.
      send({ type: 'ack', id, bytes: piece.length }, []);
      await nextTurn();
    }
    let readOn: ReadOn | undefined;
    if (toEnd) {
      readOn = { bytes: 0, error: null, embedded: null };
      const end = range.start + range.bytes.length;
      const embedded = new EmbeddedCompressionWatch();
      for (let position = end; ; ) {
        const { piece, error } = readPiece(range.fd, position);
        readOn.error = error;
        if (piece.length === 0) break;
        position += piece.length;
        readOn.bytes += piece.length;
        embedded.feed(piece);
        sendItems(id, runner.data(piece));
        await nextTurn();
      }
      readOn.embedded = embedded.found && { ...embedded.found, offset: end + embedded.found.offset };
    }
    const { items, result } = runner.end();
    buffers.recycle(range.bytes.buffer as ArrayBuffer);
    sendItems(id, items);
    // What the file did not hold of the range (it shrank) is acknowledged too.
    if (range.planned > range.bytes.length) send({ type: 'ack', id, bytes: range.planned - range.bytes.length }, []);
    send({ type: 'done', id, result, ...(readOn ? { readOn } : {}) }, []);
  };

  /** Handles a message for the runner now. */
  const run = (message: ToWorker): void => {
    switch (message.type) {
      case 'begin':
        runner.begin(message.source, message.firstLine);
        streamOpen = true;
        break;
      case 'data': {
        const bytes = Buffer.from(message.bytes, message.offset ?? 0, message.length);
        sendItems(message.id, runner.data(bytes));
        send({ type: 'ack', id: message.id, bytes: bytes.length }, []);
        break;
      }
      case 'end': {
        streamOpen = false;
        const { items, result } = runner.end();
        sendItems(message.id, items);
        send({ type: 'done', id: message.id, result }, []);
        for (const go of afterStream.splice(0)) handle(go);
        break;
      }
      case 'go': {
        const range = ranges.get(message.id)!;
        ranges.delete(message.id);
        waiting = [];
        processRange(message.id, range, message.firstLine, message.toEnd).then(
          () => {
            const queued = waiting!;
            waiting = null;
            for (const next of queued) handle(next);
          },
          (err: unknown) => failed(message.id, err),
        );
        break;
      }
    }
  };

  const handle = (message: ToWorker): void => {
    try {
      switch (message.type) {
        case 'range': {
          const { id, source, fd, start, length } = message;
          const { bytes, survey } = readAndSurvey(fd, start, length, settings.unwrap, buffers);
          ranges.set(id, { source, fd, start, planned: length, bytes });
          send({ type: 'surveyed', id, survey }, []);
          return;
        }
        case 'drop': {
          const dropped = ranges.get(message.id);
          ranges.delete(message.id);
          if (dropped) buffers.recycle(dropped.bytes.buffer as ArrayBuffer);
          return;
        }
        case 'recycle':
          pool.recycle(message.bytes);
          return;
      }
      if (waiting) waiting.push(message);
      else if (message.type === 'go' && streamOpen) afterStream.push(message);
      else run(message);
    } catch (err) {
      failed('id' in message ? message.id : -1, err);
    }
  };
  return handle;
}
