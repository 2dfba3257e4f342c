import { ExitError } from '../errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** One or more `<number><unit>` parts: `500ms`, `30s`, `1m30s`, `1.5h`. */
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
/** Sticky, so a part that does not match ends the scan: no retry at every digit. */
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;

/**
 * Parses a duration flag into milliseconds. A bare number is seconds.
 * Throws a usage error naming the flag for anything else.
 * @example parseDuration('1m30s', '--every') // 90000
 * @example parseDuration('250ms', '--interval') // 250
 */
export function parseDuration(text: string | number, flag: string): number {
  const raw = String(text).trim().toLowerCase();
  let ms: number;
  if (/^\d+(?:\.\d+)?$/.test(raw)) ms = Number(raw) * 1000;
  else if (DURATION.test(raw)) {
    ms = 0;
    for (const [, amount, unit] of raw.matchAll(PART)) ms += Number(amount) * UNIT_MS[unit!]!;
  } else {
    throw new ExitError(`${flag} expects a duration such as 30s, 500ms or 1m, got '${String(text)}'`);
  }
  return Math.round(ms);
}
