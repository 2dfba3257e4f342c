/**
 * A time zone for showing times to people (and for reading `--since` values
 * written without a zone). Machine output stays in UTC whatever the zone.
 */
export interface TimeZone {
  /** As the user wrote it, normalized: `UTC`, `Asia/Shanghai`, `+08:00`. */
  readonly name: string;
  /** Milliseconds to add to a UTC instant to get the zone's wall-clock time. */
  offsetAt(ms: number): number;
}

export const UTC: TimeZone = { name: 'UTC', offsetAt: () => 0 };

/** Zone abbreviations that name UTC; any other a log writes (CST is China's or America's) is read in the logs' zone (`--log-tz`). */
export const UTC_ABBREVIATIONS: ReadonlySet<string> = new Set(['UTC', 'GMT', 'UCT', 'Z']);

const FIXED_OFFSET = /^([+-])(\d\d):?(\d\d)$/;

/**
 * Resolves `--tz`: `UTC`, an IANA name such as `Asia/Shanghai`, or a fixed
 * offset such as `+08:00`. Returns null for anything else.
 * @example parseTimeZone('Asia/Shanghai')?.offsetAt(Date.UTC(2026, 10, 22)) // 28800000
 */
export function parseTimeZone(text: string): TimeZone | null {
  const trimmed = text.trim();
  if (/^(?:utc|z|gmt|etc\/utc)$/i.test(trimmed)) return UTC;
  const fixed = FIXED_OFFSET.exec(trimmed);
  if (fixed) {
    const [, sign, hh, mm] = fixed;
    if (Number(hh) > 23 || Number(mm) > 59) return null;
    const offset = (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm)) * 60_000;
    return offset === 0 ? UTC : { name: `${sign}${hh}:${mm}`, offsetAt: () => offset };
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: trimmed,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return null;
  }
  const name = format.resolvedOptions().timeZone;
  return { name, offsetAt: (ms) => ianaOffset(format, ms) };
}

/** The zone's offset at one instant, from the wall-clock fields Intl gives for it. */
function ianaOffset(format: Intl.DateTimeFormat, ms: number): number {
  const fields: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(fields['year']!, fields['month']! - 1, fields['day']!, fields['hour']!, fields['minute']!, fields['second']!);
  const secondsOnly = ms - (((ms % 1000) + 1000) % 1000);
  return wall - secondsOnly;
}

/**
 * The UTC instant at which the zone's clocks show a wall-clock time (given as
 * if it were UTC). Two passes settle the offset across a DST change.
 */
export function wallClockToUtc(wall: number, zone: TimeZone): number {
  const guess = wall - zone.offsetAt(wall);
  return wall - zone.offsetAt(guess);
}
