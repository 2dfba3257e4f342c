import type { LineGate } from '../lines/quiet-lines.js';
import type { RecognitionContext } from '../recognition/recognition-context.js';
import { isEventKey, valueMayMatter } from '../recognition/walk-json.js';

const gates = new WeakMap<RecognitionContext, LineGate>();

/**
 * Recognition's gate as the byte-level fast path asks it (src/lines/quiet-lines.ts):
 * its words (those of the context's table of shapes, a user catalog's
 * shapes included), and its answers for a JSON key or string value, for one context.
 * @example classifyLines(buf, 0, buf.length, sink, { unwrap: true, mayCarryEnvelope, gate: lineGate(ctx) }, true)
 */
export function lineGate(ctx: RecognitionContext): LineGate {
  let gate = gates.get(ctx);
  if (!gate) {
    gate = { anyCase: ctx.shapes.gates.eventGate, isEventKey, valueMayMatter: (value) => valueMayMatter(value, ctx) };
    gates.set(ctx, gate);
  }
  return gate;
}
