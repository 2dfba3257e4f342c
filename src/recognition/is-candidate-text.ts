import { CANDIDATE_TEXT } from './candidate-gate.js';

/**
 * Cheap gate before any regular expression: a text without an anchor of a
 * shape that finds an event alone (`code`, `request` in any case,
 * `Exception`, `Error: `, `[SDK.`…; see candidate-gate.ts) carries no API
 * error or response. One search for them all.
 * @example isCandidateText('GET /healthz 200') // false
 */
export function isCandidateText(text: string): boolean {
  return CANDIDATE_TEXT.test(text);
}
