import { forbidsCuts } from './cut-rules.js';

/** What a byte range of a file holds that the ranges after it depend on (see RangeSequencer). */
export interface RangeSurvey {
  /** Newlines in the range: the next range's first line is this many lines on. */
  newlines: number;
  /** Whether a line of the range forbids cuts from there on (see forbidsCuts): the range then reads on to the end of its file. */
  wrapped: boolean;
}

/**
 * Surveys a range of whole lines (its last may lack its newline at the end
 * of a file): its newlines, and whether any line carries a container
 * wrapper that names streams, checked as the Segmenter checks each line
 * after a source's first ones (those the range planner sampled).
 * @example surveyRange(Buffer.from('a\n2026-11-22T09:44:34.085Z stdout F b\n'), true) // { newlines: 2, wrapped: true }
 */
export function surveyRange(buf: Buffer, unwrap: boolean): RangeSurvey {
  let newlines = 0;
  let wrapped = false;
  for (let at = 0; at < buf.length; ) {
    const nl = buf.indexOf(0x0a, at);
    if (unwrap && !wrapped && forbidsCuts(buf, at, nl < 0 ? buf.length : nl, false)) wrapped = true;
    if (nl < 0) break;
    newlines++;
    at = nl + 1;
  }
  return { newlines, wrapped };
}
