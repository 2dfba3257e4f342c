/**
 * What times written without their year or their date are read against: an
 * instant (the run's start, moved on as a followed input is read), and the
 * year `--log-year` and the date `--log-date` name, if any. Set at start-up
 * (and in each worker thread, from the main thread's values) before any
 * line is read.
 */
export interface TimeReference {
  /** Epoch milliseconds: such times are read as the latest instant they can be at or before it (see the readers). */
  at: number;
  /** `--log-year`: the year of every year-less time (null: none named). */
  year: number | null;
  /** `--log-date`: the date of every date-less time, `YYYY-MM-DD` (null: none named). */
  date: string | null;
}

let current: TimeReference = { at: Date.now(), year: null, date: null };

/** Sets what times written without their year or date are read against. */
export function setTimeReference(reference: TimeReference): void {
  current = { ...reference };
}

/** What times written without their year or date are read against, for worker threads. */
export function timeReference(): TimeReference {
  return current;
}

/** Moves the reference instant on (a followed input read later than the run's start), never back. */
export function advanceTimeReference(at: number): void {
  if (at > current.at) current = { ...current, at };
}
