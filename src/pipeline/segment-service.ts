import { BufferPool } from '../render/buffer-pool.js';
import type { FromWorker, SegmentItem, SegmentSettings, ToWorker } from './segment-messages.js';
import { SegmentRunner } from './segment-runner.js';

/**
 * Processes segments from the messages of the worker pool, one after
 * another, and answers with their output as it is made and their results at
 * their end: the body of a worker thread (segment-worker.ts), and of the
 * main thread's own share of the work (see WorkerPool). `send` lists the
 * buffers a thread can transfer rather than copy.
 * @example port.on('message', segmentService(settings, (m, transfer) => port.postMessage(m, transfer)));
 */
export function segmentService(settings: SegmentSettings, send: (message: FromWorker, transfer: ArrayBuffer[]) => void): (message: ToWorker) => void {
  const pool = new BufferPool();
  const runner = new SegmentRunner(settings, pool.allocate);

  const sendItems = (id: number, items: SegmentItem[]): void => {
    if (items.length === 0) return;
    const buffers = new Set(items.flatMap((item) => ('bytes' in item ? [item.bytes] : [])));
    send({ type: 'items', id, items }, [...buffers]);
  };

  return (message) => {
    try {
      switch (message.type) {
        case 'begin':
          runner.begin(message.source, message.firstLine);
          break;
        case 'data':
          sendItems(message.id, runner.data(Buffer.from(message.bytes)));
          send({ type: 'ack', id: message.id, bytes: message.bytes.byteLength }, []);
          break;
        case 'recycle':
          pool.recycle(message.bytes);
          break;
        case 'end': {
          const { items, result } = runner.end();
          sendItems(message.id, items);
          send({ type: 'done', id: message.id, result }, []);
          break;
        }
      }
    } catch (err) {
      const id = 'id' in message ? message.id : -1;
      send({ type: 'failed', id, message: err instanceof Error ? (err.stack ?? err.message) : String(err) }, []);
    }
  };
}
