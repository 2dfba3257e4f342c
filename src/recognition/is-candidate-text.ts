import { CANDIDATE_TEXT } from './patterns.js';

/**
 * Cheap gate before any regular expression: a text without `code`,
 * `request…`, `error` or `exception` (in the cases logs write them) carries
 * no API error or response. One search of literal fragments.
 * @example isCandidateText('GET /healthz 200') // false
 */
export function isCandidateText(text: string): boolean {
  return CANDIDATE_TEXT.test(text);
}
