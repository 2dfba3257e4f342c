import { LineSearch } from '../lines/line-search.js';
import type { LineGate } from '../lines/quiet-lines.js';
import type { RecognitionContext } from '../recognition/recognition-context.js';
import { isEventKey, valueMayMatter } from '../recognition/walk-json.js';
import { ENVELOPE_KEY_CLASSES } from '../records/may-carry-envelope.js';

const gates = new WeakMap<RecognitionContext, LineGate>();
const regexGates = new WeakMap<RecognitionContext, LineGate>();

/**
 * Recognition's gate as the byte-level fast path asks it (src/lines/quiet-lines.ts):
 * its words (those of the context's table of shapes, a user catalog's
 * shapes included), searched in WebAssembly where it serves (`wasm` false:
 * with the regular expression only), and its answers for a JSON key or
 * string value, for one context.
 * @example classifyLines(buf, 0, buf.length, sink, { unwrap: true, mayCarryEnvelope, gate: lineGate(ctx) }, true)
 */
export function lineGate(ctx: RecognitionContext, wasm = true): LineGate {
  const made = wasm ? gates : regexGates;
  let gate = made.get(ctx);
  if (!gate) {
    const { eventGate, eventWords } = ctx.shapes.gates;
    gate = { anyCase: eventGate, search: wasm ? LineSearch.of(eventWords, ENVELOPE_KEY_CLASSES) : null, isEventKey, valueMayMatter: (value) => valueMayMatter(value, ctx) };
    made.set(ctx, gate);
  }
  return gate;
}
