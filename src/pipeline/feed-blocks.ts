import type { BlockConsumer } from '../lines/line-scanner.js';
import { classifyLines, type LineSink, type QuietLineOptions, type WrapperChecks } from '../lines/quiet-lines.js';
import type { RecognitionContext } from '../recognition/recognition-context.js';
import { alwaysStartsRecord } from '../records/continuation.js';
import { keysMayCarryEnvelope, mayCarryEnvelope } from '../records/may-carry-envelope.js';
import { mayBePrefixed, mayBeWrappedAfterTime, mayBeWrapped } from '../records/may-be-wrapped.js';
import type { LineProcessor } from './line-processor.js';
import { lineGate } from './line-gate.js';

/** The records layer's checks for wrappers and envelopes, as the lines layer asks them. */
export const WRAPPERS: WrapperChecks = { any: mayBeWrapped, afterTime: mayBeWrappedAfterTime, prefix: mayBePrefixed, envelope: mayCarryEnvelope, envelopeInKeys: keysMayCarryEnvelope };

/** How a source's lines are sorted: whether container wrappers are removed, and recognition's context. */
export interface FeedSettings {
  unwrap: boolean;
  ctx: RecognitionContext;
  /** False: the gate searches with its regular expression, not WebAssembly (the same lines; to compare the two). */
  wasm?: boolean;
}

/**
 * The fast path's middle: takes blocks of whole lines from a LineScanner and
 * feeds a source's LineProcessor — quiet lines as bytes, every other line
 * decoded exactly as the full path decodes it. The lines layer gets what it
 * needs of the records and recognition layers from here: whether a line may
 * carry a wrapper or an envelope, and recognition's gate.
 * @example const scanner = new LineScanner(maxLineBytes, feedBlocks(processor, { unwrap: true, ctx }));
 */
export function feedBlocks(processor: LineProcessor, settings: FeedSettings): BlockConsumer {
  const options: QuietLineOptions = { unwrap: settings.unwrap, wrappers: WRAPPERS, gate: lineGate(settings.ctx, settings.wasm ?? true), alwaysStartsRecord };
  const sink: LineSink = {
    quiet: (buf, start, end, json, time, ascii, wrapperTime = null, escapeFree = false) => processor.pushQuietLine({ buf, start, end, json, time, ascii, wrapperTime, escapeFree }),
    loud: (buf, start, end, plain) => processor.pushLine(buf.toString('utf8', start, end), plain),
  };
  return (buf, start, end) => classifyLines(buf, start, end, sink, options, processor.atSourceStart);
}
