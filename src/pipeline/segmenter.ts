import { LINE_HEAD, mayBeWrapped, mayLeaveCauseOpen, startsSegment, timestampOnlyEnd } from '../lines/line-start.js';
import { alwaysStartsRecord } from '../records/continuation.js';
import { mayBeWrapped as mayBeWrappedText } from '../records/may-be-wrapped.js';
import { unwrapLine } from '../records/unwrap-line.js';

/**
 * A source's first lines say whether a shipper or a relay wrote it: one
 * whose early lines may carry envelopes or wrappers (syslog, compose) is
 * never cut (its streams keep records open across lines), as one with
 * container wrappers.
 */
const ENVELOPE_SAMPLE_LINES = 64;

/** Receives one source cut into segments: each begins, takes bytes, ends. */
export interface SegmentSink {
  begin(firstLine: number): void;
  data(bytes: Buffer): void;
  end(): void;
}

/**
 * Cuts one source's bytes into segments of about `targetBytes` that can be
 * processed apart and merged exactly: a cut falls only before a line that
 * starts a record whatever came before (see startsSegment) but after a line
 * that does not end in `caused by:`, and never once the source has shown a
 * container wrapper that names streams or an envelope (its streams keep
 * records open across lines); a line led by a time alone (`kubectl logs
 * --timestamps`, an ISO-timestamped logger) is cut where its text starts a
 * record. It counts lines, so each segment knows its first line's number.
 * @example
 * const segmenter = new Segmenter(4 << 20, true, sink);
 * for await (const chunk of stream) segmenter.push(chunk);
 * segmenter.end();
 */
export class Segmenter {
  /** Newlines seen in the source so far. */
  private newlines = 0;
  private segmentBytes = 0;
  private open = false;
  private splittable = true;
  /** Whether the next byte starts a line. */
  private atLineStart = true;
  /** The first bytes of a line that a chunk's end cut short, until they settle `mayBeWrapped`. */
  private head: Buffer | null = null;

  constructor(
    private readonly targetBytes: number,
    private readonly unwrap: boolean,
    private readonly sink: SegmentSink,
  ) {}

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (!this.open) this.beginSegment();
    if (this.head) this.settleHead(chunk);
    let sent = 0;
    let lineStart = 0;
    if (!this.atLineStart) lineStart = this.afterNewline(chunk, 0);
    while (lineStart >= 0 && lineStart < chunk.length) {
      const nl = chunk.indexOf(0x0a, lineStart);
      const lineEnd = nl < 0 ? chunk.length : nl;
      const text = this.unwrap ? timestampOnlyEnd(chunk, lineStart, lineEnd) : -1;
      if (nl < 0 && lineEnd - lineStart < LINE_HEAD) {
        this.head = Buffer.from(chunk.subarray(lineStart));
      } else if (this.unwrap && ((text < 0 && mayBeWrapped(chunk, lineStart, lineEnd)) || this.mayCarryWrapper(chunk, text < 0 ? lineStart : text, lineEnd))) {
        this.splittable = false;
      } else if (
        this.splittable &&
        lineStart > sent &&
        this.segmentBytes + lineStart - sent >= this.targetBytes &&
        (text < 0 ? startsSegment(chunk, lineStart, lineEnd) : nl >= 0 && startsRecordAfterTime(chunk, text, lineEnd)) &&
        !mayLeaveCauseOpen(chunk, sent, lineStart - 1)
      ) {
        this.sink.data(chunk.subarray(sent, lineStart));
        this.sink.end();
        this.beginSegment();
        sent = lineStart;
      }
      if (nl < 0) {
        lineStart = -1;
        break;
      }
      this.newlines++;
      lineStart = nl + 1;
    }
    this.atLineStart = lineStart === chunk.length;
    this.segmentBytes += chunk.length - sent;
    this.sink.data(sent === 0 ? chunk : chunk.subarray(sent));
  }

  /** Ends the source's last segment (none if the source was empty). */
  end(): void {
    if (this.open) this.sink.end();
    this.open = false;
  }

  private beginSegment(): void {
    this.open = true;
    this.segmentBytes = 0;
    this.sink.begin(this.newlines + 1);
  }

  /** Counts the newline that ends the line in progress; the index after it, or -1. */
  private afterNewline(chunk: Buffer, from: number): number {
    const nl = chunk.indexOf(0x0a, from);
    if (nl < 0) return -1;
    this.newlines++;
    return nl + 1;
  }

  /**
   * Whether one of the source's first lines carries a wrapper or an envelope
   * (after the time, for a line led by a time alone):
   * the byte-level check first, then the unwrapper itself, since an
   * application's own line may end in a JSON body (`failed: body={…}`) as
   * Fluentd's `<time>\t<tag>\t{…}` does.
   */
  private mayCarryWrapper(chunk: Buffer, lineStart: number, lineEnd: number): boolean {
    if (this.newlines >= ENVELOPE_SAMPLE_LINES || !mayBeWrappedText(chunk.toString('latin1', lineStart, lineEnd))) return false;
    const end = lineEnd > lineStart && chunk[lineEnd - 1] === 0x0d ? lineEnd - 1 : lineEnd;
    return unwrapLine(chunk.toString('utf8', lineStart, end)) !== null;
  }

  /** Completes a short line start carried over from the last chunk, for the wrapper check only. */
  private settleHead(chunk: Buffer): void {
    const head = this.head!;
    const nl = chunk.indexOf(0x0a);
    const more = chunk.subarray(0, Math.min(nl < 0 ? chunk.length : nl, LINE_HEAD));
    const joined = Buffer.concat([head, more]);
    if (joined.length < LINE_HEAD && nl < 0) {
      this.head = joined;
      return;
    }
    this.head = null;
    if (this.unwrap && timestampOnlyEnd(joined, 0, joined.length) < 0 && mayBeWrapped(joined, 0, joined.length)) this.splittable = false;
  }
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
