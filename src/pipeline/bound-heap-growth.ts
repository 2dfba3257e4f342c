import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 lets the old generation grow past what the last full
 * collection kept alive before it collects again. V8's own factor grows up
 * to 4x for a thread that allocates fast, as every thread of mqerr does
 * (short-lived strings per block and per record): on the 300 MB benchmark
 * corpus the main thread's heap kept 18-21 MB alive but grew to 71 MB
 * between its three full collections, and the default scan peaked at
 * 141-160 MB. At 30% it collects 14 times instead of 8, in the same time
 * (6.3-6.6 s either way), and peaks at 119 MB (102 MB on the 30 MB corpus);
 * `--jobs 1` at 104 MB instead of 155 MB, `tag` at 144 MB instead of 148 MB.
 */
const HEAP_GROWING_PERCENT = 30;

/**
 * Bounds how far V8 lets a thread's heap grow between collections, so that
 * memory follows what mqerr keeps, not the garbage it makes:
 * - the young generation stays at the size it starts with. Over a long run
 *   V8 doubles the main thread's young generation step by step up to 32 MB
 *   (two 16 MB semi-spaces) whenever many young objects survive a
 *   collection, which mqerr's per-line objects rarely need: on the 100 MB
 *   benchmark corpus, `tag --jobs 1` peaks at about 115 MB instead of
 *   160 MB, for about 0.2 s more collecting on one thread;
 * - the old generation grows by HEAP_GROWING_PERCENT past what the last full
 *   collection kept.
 * V8 reads both flags each time it sizes a space, so setting them while
 * running takes effect (the semi-space maximum is read only at start).
 * Starting a worker thread sets V8's flags back to the command line's, so
 * each worker calls this again as it starts (segment-worker.ts). Node 20's V8
 * has both flags, and later V8 sources still define them.
 */
export function boundHeapGrowth(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
