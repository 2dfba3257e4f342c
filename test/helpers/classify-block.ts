import { classifyLines, type LineSink, type QuietLineOptions } from '../../src/lines/quiet-lines.js';
import { WRAPPERS } from '../../src/pipeline/feed-blocks.js';
import { lineGate } from '../../src/pipeline/line-gate.js';
import { alwaysStartsRecord } from '../../src/records/continuation.js';
import { builtInContext } from './context.js';

/** The lines layer's options as the pipeline sets them (see feed-blocks.ts), unwrapping on. */
export function quietLineOptions(wasm: boolean): QuietLineOptions {
  return {
    unwrap: true,
    wrappers: WRAPPERS,
    gate: lineGate(builtInContext(), wasm),
    alwaysStartsRecord,
  };
}

/** Classifies all of `buf` as one block (its last newline left out, as the scanner hands whole lines). */
export function classifyBlock(buf: Buffer, sink: LineSink, wasm: boolean): void {
  const end = buf.length > 0 && buf[buf.length - 1] === 0x0a ? buf.length - 1 : buf.length;
  classifyLines(buf, 0, end, sink, quietLineOptions(wasm), true);
}
