import { parentPort, workerData } from 'node:worker_threads';
import { boundHeapGrowth } from './bound-heap-growth.js';
import type { FromWorker, SegmentSettings, ToWorker } from './segment-messages.js';
import { segmentService } from './segment-service.js';

// This thread's start set V8's flags back to the command line's, for every thread.
boundHeapGrowth();

/**
 * A worker thread of the parallel runner: processes the segments the main
 * thread sends it (see segmentService), output and buffers transferred, not
 * copied.
 */
const port = parentPort!;
const serve = segmentService(workerData as SegmentSettings, (message: FromWorker, transfer) => port.postMessage(message, transfer));
port.on('message', (message: ToWorker) => serve(message));
port.postMessage({ type: 'ready' } satisfies FromWorker);
