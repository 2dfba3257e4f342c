import type { BlockConsumer } from '../lines/line-scanner.js';
import { classifyLines, type LineSink, type QuietLineOptions } from '../lines/quiet-lines.js';
import { mayBeWrapped } from '../records/may-be-wrapped.js';
import type { LineProcessor } from './line-processor.js';

/**
 * The fast path's middle: takes blocks of whole lines from a LineScanner and
 * feeds a source's LineProcessor — quiet lines as bytes, every other line
 * decoded exactly as the full path decodes it.
 * @example const scanner = new LineScanner(maxLineBytes, feedBlocks(processor, { unwrap: true }));
 */
export function feedBlocks(processor: LineProcessor, settings: Omit<QuietLineOptions, 'mayBeWrapped'>): BlockConsumer {
  const options: QuietLineOptions = { ...settings, mayBeWrapped };
  const sink: LineSink = {
    quiet: (buf, start, end, json, time) => processor.pushQuietLine({ buf, start, end, json, time }),
    loud: (buf, start, end) => processor.pushLine(buf.toString('utf8', start, end)),
  };
  return (buf, start, end) => classifyLines(buf, start, end, sink, options, processor.atSourceStart);
}
