import { setFlagsFromString } from 'node:v8';

/**
 * Keeps the young generation at the size it starts with. Over a long run V8
 * doubles the main thread's young generation step by step up to 32 MB (two
 * 16 MB semi-spaces) whenever many young objects survive a collection, which
 * mqerr's per-line objects rarely need: on the 100 MB benchmark corpus,
 * `tag --jobs 1` peaks at about 115 MB instead of 160 MB, for about 0.2 s
 * more collecting on one thread (605 small collections instead of 64, some
 * 4% of the run). V8 reads the growth factor each time it would grow the space, so
 * setting it while running takes effect (the semi-space maximum is read only
 * at start). Starting a worker thread sets V8's flags back to the command
 * line's, so each worker calls this again as it starts (segment-worker.ts).
 * Node 20's V8 has the flag, and later V8 sources still define it; some
 * raise it to at least 2, where this changes nothing.
 */
export function holdYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
