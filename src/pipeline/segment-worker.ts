import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, SegmentItem, SegmentSettings, ToWorker } from './segment-messages.js';
import { SegmentRunner } from './segment-runner.js';

/**
 * A worker thread of the parallel runner: processes the segments the main
 * thread sends it, one after another, and sends back their output as it is
 * made and their results at their end.
 */
const port = parentPort!;
/** Output buffers the main thread has written and handed back. */
const spare: ArrayBuffer[] = [];
const MAX_SPARE = 8;
/** New output buffers are sized up to a multiple of this, so that they fit the next outputs too. */
const OUTPUT_ROUNDING = 64 << 10;
const runner = new SegmentRunner(workerData as SegmentSettings, (length) => {
  const at = spare.findIndex((b) => b.byteLength >= length);
  const bytes = at >= 0 ? spare.splice(at, 1)[0]! : new ArrayBuffer(Math.ceil(Math.max(length, 1) / OUTPUT_ROUNDING) * OUTPUT_ROUNDING);
  return Buffer.from(bytes, 0, length);
});

function send(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

function sendItems(id: number, items: SegmentItem[]): void {
  if (items.length === 0) return;
  const buffers = items.flatMap((item) => ('bytes' in item ? [item.bytes] : []));
  send({ type: 'items', id, items }, buffers);
}

port.on('message', (message: ToWorker) => {
  try {
    switch (message.type) {
      case 'begin':
        runner.begin(message.source, message.firstLine);
        break;
      case 'data':
        sendItems(message.id, runner.data(Buffer.from(message.bytes)));
        send({ type: 'ack', id: message.id, bytes: message.bytes.byteLength });
        break;
      case 'recycle':
        if (spare.length < MAX_SPARE) spare.push(message.bytes);
        break;
      case 'end': {
        const { items, result } = runner.end();
        sendItems(message.id, items);
        send({ type: 'done', id: message.id, result });
        break;
      }
    }
  } catch (err) {
    const id = 'id' in message ? message.id : -1;
    send({ type: 'failed', id, message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
send({ type: 'ready' });
