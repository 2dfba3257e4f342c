import type { RecognitionContext } from './recognition-context.js';

/**
 * Cheap gate before any regular expression: a text without an anchor of a
 * shape that finds an event alone (`code`, `request` in any case,
 * `Exception`, `Error: `, `[SDK.`…, and a user shape's anchors; see
 * candidate-gate.ts) carries no API error or response. One search for them
 * all, with the gate of the context's table of shapes.
 * @example isCandidateText('GET /healthz 200', ctx) // false
 */
export function isCandidateText(text: string, ctx: RecognitionContext): boolean {
  return ctx.shapes.gates.candidateText.test(text);
}
