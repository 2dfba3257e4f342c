import { LINE_HEAD, mayLeaveCauseOpen } from '../lines/line-start.js';
import { beginsSegment, ENVELOPE_SAMPLE_LINES, forbidsCuts } from './cut-rules.js';

/** Receives one source cut into segments: each begins, takes bytes, ends. */
export interface SegmentSink {
  begin(firstLine: number): void;
  data(bytes: Buffer): void;
  end(): void;
}

/**
 * Cuts one source's bytes, read as a stream, into segments of about
 * `targetBytes` that can be processed apart and merged exactly (the rules
 * are in cut-rules.ts): a cut falls only before a line that begins a
 * segment but after a line that does not end in `caused by:`, and never
 * once the source has shown a container wrapper that names streams or an
 * envelope (its streams keep records open across lines). It counts lines,
 * so each segment knows its first line's number.
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
      if (nl < 0 && lineEnd - lineStart < LINE_HEAD) {
        this.head = Buffer.from(chunk.subarray(lineStart));
      } else if (this.unwrap && forbidsCuts(chunk, lineStart, lineEnd, this.newlines < ENVELOPE_SAMPLE_LINES)) {
        this.splittable = false;
      } else if (
        this.splittable &&
        lineStart > sent &&
        this.segmentBytes + lineStart - sent >= this.targetBytes &&
        beginsSegment(chunk, lineStart, lineEnd, nl >= 0, this.unwrap) &&
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
    if (this.unwrap && forbidsCuts(joined, 0, joined.length, false)) this.splittable = false;
  }
}
