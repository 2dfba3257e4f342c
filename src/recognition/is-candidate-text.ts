import { CANDIDATE_FRAGMENTS } from './patterns.js';

/**
 * Cheap gate before any regular expression: a text without `code`,
 * `request…`, `error` or `exception` (in the cases logs write them) carries
 * no API error or response. Literal searches only.
 * @example isCandidateText('GET /healthz 200') // false
 */
export function isCandidateText(text: string): boolean {
  for (const fragment of CANDIDATE_FRAGMENTS) if (text.includes(fragment)) return true;
  return false;
}
