import { mayLeaveCauseOpen } from '../lines/line-start.js';
import { beginsSegment } from './cut-rules.js';

/** Reads up to `length` bytes of a file at `position` (fewer at its end). */
export type ReadAt = (position: number, length: number) => Promise<Buffer>;

/** Bytes read at a time while looking for a cut. */
const WINDOW = 64 << 10;
/** Bytes of the line before a candidate kept in view: its end settles whether it leaves a cause open. */
const CONTEXT = 256;

/**
 * The first place at or after `from` (at least 1) where a file may be cut
 * into segments, by the rules the Segmenter follows (cut-rules.ts): the
 * start of a line that begins a segment, after a line that leaves no cause
 * open; null when there is none before the end of the file. Reads only
 * the bytes it needs, a window at a time, so a file's cuts are planned
 * without reading it through.
 * @example await nextCut(readAt, 2 << 20, true) // 2097291: the first line start past 2 MiB where a record surely starts
 */
export async function nextCut(readAt: ReadAt, from: number, unwrap: boolean): Promise<number | null> {
  // The window starts before `from`: a line starting at `from` is seen to start there, and the end of the line before it.
  let position = Math.max(0, from - 1 - CONTEXT);
  let buf = await readAt(position, WINDOW);
  let newline = buf.indexOf(0x0a, from - 1 - position);
  for (;;) {
    if (newline < 0) {
      // No line starts in this window: on to the next, the end of this one kept in view (a newline
      // first in the next would otherwise have no line end before it to settle its cause).
      if (buf.length < WINDOW) return null;
      position += buf.length - CONTEXT;
      buf = await readAt(position, WINDOW);
      newline = buf.indexOf(0x0a, CONTEXT);
      continue;
    }
    const lineStart = newline + 1;
    const nl = buf.indexOf(0x0a, lineStart);
    const atEnd = buf.length < WINDOW;
    if ((nl < 0 && !atEnd && newline > CONTEXT) || lineStart >= buf.length) {
      if (lineStart >= buf.length && atEnd) return null;
      // The line runs past the window: read again from just before it, its predecessor's end in view.
      const keep = Math.min(newline, CONTEXT);
      position += newline - keep;
      buf = await readAt(position, WINDOW);
      newline = keep;
      continue;
    }
    const complete = nl >= 0;
    if (beginsSegment(buf, lineStart, complete ? nl : buf.length, complete, unwrap) && !mayLeaveCauseOpen(buf, 0, newline)) {
      return position + lineStart;
    }
    newline = nl;
  }
}
