import type { EmbeddedData } from '../sources/embedded-compression.js';
import type { RangeSurvey } from './survey-range.js';

/** One byte range of a file, as planned and as its reader found it. */
export interface PlannedRange {
  /** The range's place in the run's order of segments (see WorkerPool). */
  id: number;
  start: number;
  end: number;
  /** The file's last range: it reads on to the file's end, whatever the file then holds. */
  last: boolean;
  /** What its reader found, once it has read it. */
  survey: ReadSurvey | null;
}

/** A range's survey, with what reading it gave. */
export interface ReadSurvey extends RangeSurvey {
  /** Bytes read: fewer than planned when the file ended early (it shrank), or reading failed. */
  bytes: number;
  /** Why reading stopped early, or null. */
  error: { message: string; code?: string } | null;
  /** Compressed data the range holds (see embeddedIn), at its offset in the file; null for none. */
  embedded: EmbeddedData | null;
}

/** What becomes of a range once every range before it has been surveyed. */
export interface RangeActions {
  /** Process it, its first line being line `firstLine` of the file; `toEnd`: and read on to the end of the file. */
  go(range: PlannedRange, firstLine: number, toEnd: boolean): void;
  /** Never mind it: a range before it reads on over it, or the file ended before it. */
  drop(range: PlannedRange): void;
}

/**
 * Settles the byte ranges of one file in order, as their surveys come in
 * from whichever thread read them: a range goes once every range before it
 * has been surveyed, which gives its first line's number. A range with a
 * line that forbids cuts (a container wrapper naming streams) reads on to
 * the file's end as the Segmenter's segment would, and the ranges after it
 * are dropped; so are those after a range that read short (the file shrank,
 * or reading failed).
 * @example
 * const sequencer = new RangeSequencer({ go: (r, line, toEnd) => pool.go(r.id, line, toEnd), drop: (r) => pool.drop(r.id) });
 * sequencer.add(range); // …then, when its reader answers:
 * sequencer.surveyed(range, survey);
 */
export class RangeSequencer {
  private readonly ranges: PlannedRange[] = [];
  private settled = 0;
  private nextLine = 1;
  private over = false;

  constructor(private readonly actions: RangeActions) {}

  /** Whether no range after those planned will be read: one of them reads on to the end, or the file ended. */
  get stopped(): boolean {
    return this.over;
  }

  /** A range planned after the others, not yet surveyed. */
  add(range: PlannedRange): void {
    this.ranges.push(range);
  }

  surveyed(range: PlannedRange, survey: ReadSurvey): void {
    range.survey = survey;
    while (this.settled < this.ranges.length && this.ranges[this.settled]!.survey) {
      const next = this.ranges[this.settled++]!;
      const found = next.survey!;
      if (this.over) {
        this.actions.drop(next);
        continue;
      }
      const short = found.error !== null || found.bytes < next.end - next.start;
      const toEnd = !short && (next.last || found.wrapped);
      if (short || toEnd) this.over = true;
      this.actions.go(next, this.nextLine, toEnd);
      this.nextLine += found.newlines;
    }
  }
}
