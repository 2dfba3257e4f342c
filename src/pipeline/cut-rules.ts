import { mayBeWrapped, startsSegment, timestampOnlyEnd } from '../lines/line-start.js';
import { alwaysStartsRecord } from '../records/continuation.js';
import { mayBeWrapped as mayBeWrappedText } from '../records/may-be-wrapped.js';
import { unwrapLine } from '../records/unwrap-line.js';

/**
 * Where a source may be cut into segments that are processed apart and
 * merged exactly, line by line, on the line's bytes: the rules the
 * Segmenter (a source read as a stream) and the range planner (a file read
 * by byte ranges, see plan-ranges.ts and survey-range.ts) both follow.
 */

/**
 * A source's first lines say whether a shipper or a relay wrote it: one
 * whose early lines may carry envelopes or wrappers (syslog, compose) is
 * never cut (its streams keep records open across lines), as one with
 * container wrappers.
 */
export const ENVELOPE_SAMPLE_LINES = 64;

/**
 * Whether the line `buf[lineStart, lineEnd)` (its newline at `lineEnd`, or
 * the line's first bytes only) shows that its source must not be cut from
 * here on: a container wrapper that names streams (CRI, Docker's JSON,
 * kubectl's prefix), or, among the source's first lines (`sample`), an
 * envelope or a wrapper the unwrapper removes (after the time, for a line
 * led by a time alone). Only with unwrapping on: otherwise every line is
 * its own text.
 */
export function forbidsCuts(buf: Buffer, lineStart: number, lineEnd: number, sample: boolean): boolean {
  const text = timestampOnlyEnd(buf, lineStart, lineEnd);
  if (text < 0 && mayBeWrapped(buf, lineStart, lineEnd)) return true;
  return sample && carriesWrapper(buf, text < 0 ? lineStart : text, lineEnd);
}

/**
 * Whether a segment can begin with the line at `lineStart` (its end at
 * `lineEnd`; `complete` when its newline was seen): it starts a record
 * whatever came before (see startsSegment), or, led by a time alone, its
 * text does. The line before must not leave a cause open (see mayLeaveCauseOpen).
 */
export function beginsSegment(buf: Buffer, lineStart: number, lineEnd: number, complete: boolean, unwrap: boolean): boolean {
  const text = unwrap ? timestampOnlyEnd(buf, lineStart, lineEnd) : -1;
  return text < 0 ? startsSegment(buf, lineStart, lineEnd) : complete && startsRecordAfterTime(buf, text, lineEnd);
}

/**
 * Whether the line carries a wrapper or an envelope: the byte-level check
 * first, then the unwrapper itself, since an application's own line may end
 * in a JSON body (`failed: body={…}`) as Fluentd's `<time>\t<tag>\t{…}` does.
 */
function carriesWrapper(buf: Buffer, lineStart: number, lineEnd: number): boolean {
  if (!mayBeWrappedText(buf.toString('latin1', lineStart, lineEnd))) return false;
  const end = lineEnd > lineStart && buf[lineEnd - 1] === 0x0d ? lineEnd - 1 : lineEnd;
  return unwrapLine(buf.toString('utf8', lineStart, end)) !== null;
}

/**
 * Whether the text after a `kubectl logs --timestamps` time (see
 * timestampOnlyEnd), `buf[text, lineEnd)`, starts a record whatever came
 * before, as the assembler decides it for the unwrapped line.
 */
function startsRecordAfterTime(buf: Buffer, text: number, lineEnd: number): boolean {
  const end = lineEnd > text && buf[lineEnd - 1] === 0x0d ? lineEnd - 1 : lineEnd;
  return alwaysStartsRecord(buf.toString('utf8', text, end));
}
