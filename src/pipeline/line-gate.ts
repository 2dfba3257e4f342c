import type { LineGate } from '../lines/quiet-lines.js';
import { EVENT_GATE, EVENT_GATE_LOWER_CASED } from '../recognition/candidate-gate.js';
import type { RecognitionContext } from '../recognition/recognition-context.js';
import { isEventKey, valueMayMatter } from '../recognition/walk-json.js';

const gates = new WeakMap<RecognitionContext, LineGate>();

/**
 * Recognition's gate as the byte-level fast path asks it (src/lines/quiet-lines.ts):
 * its words, and its answers for a JSON key or string value, for one context.
 * @example classifyLines(buf, 0, buf.length, sink, { unwrap: true, mayCarryEnvelope, gate: lineGate(ctx) }, true)
 */
export function lineGate(ctx: RecognitionContext): LineGate {
  let gate = gates.get(ctx);
  if (!gate) {
    gate = { lowerCased: EVENT_GATE_LOWER_CASED, anyCase: EVENT_GATE, isEventKey, valueMayMatter: (value) => valueMayMatter(value, ctx) };
    gates.set(ctx, gate);
  }
  return gate;
}
