import { parseTimestamp, parseTimeValue } from './parse-time.js';
import { dateLessTime } from './date-less-time.js';
import { UTC_ABBREVIATIONS } from './time-zone.js';
import { monthNumber, yearLessTimeOf } from './year-less-time.js';

/**
 * A leading timestamp of a plain log line (ISO 8601, Python logging, Go log):
 * group 1 is what parseTimestamp reads.
 * @example LEADING_TIME.exec('2026-11-22 10:03:07,118 ERROR …')?.[1] // '2026-11-22 10:03:07,118'
 */
export const LEADING_TIME =
  /^\[?(\d{4}[-/]\d\d[-/]\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:\s?(?:Z|[+-]\d\d:?\d\d))?)/;

const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';

/** Tomcat's OneLineFormatter (`22-Nov-2026 09:44:34.123`) and log4j's DATE (`22 Nov 2026 09:44:34,123`). */
const DAY_MONTH_YEAR = new RegExp(`^(\\d\\d)([- ])${MONTH}\\2(\\d{4}) (\\d\\d):(\\d\\d):(\\d\\d)(?:[.,](\\d{1,9}))?(?![\\d.,:])`);
/** java.util.logging's SimpleFormatter: `Nov 22, 2026 9:44:34 AM`. */
const MONTH_DAY_YEAR = new RegExp(`^${MONTH} (\\d{1,2}), (\\d{4}) (\\d{1,2}):(\\d\\d):(\\d\\d) ([AP]M)(?![A-Za-z0-9])`);
/** C's ctime and Apache's error log: `Sun Nov 22 09:44:34 2026`, `[Sun Nov 22 09:44:34.123456 2026]`. */
const CTIME = new RegExp(`^(\\[?)(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ${MONTH} ([ \\d]\\d) (\\d\\d):(\\d\\d):(\\d\\d)(?:\\.(\\d{1,9}))? (\\d{4})(?!\\d)`);
/**
 * A weekday before an ISO date and a zone's abbreviation: journalctl's
 * `-o verbose` entry header (`Sun 2026-11-22 09:44:34.085123 UTC [s=…]`),
 * the time short-full writes before its host.
 */
const WEEKDAY_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,9})?) ([A-Za-z][A-Za-z0-9+-]{0,7})(?= |$)/;
/** klog (Kubernetes' Go components and operators): `E1122 09:44:34.123456` — a level letter, month, day; no year. */
const KLOG = /^[IWEF](\d\d)(\d\d) (\d\d:\d\d:\d\d(?:\.\d{1,9})?) /;
/** Ruby's Logger: `E, [2026-11-22T09:44:34.123456 #1234] ERROR -- : …` (its time is in the log's zone). */
const RUBY_LOGGER = /^[DIWEFA], \[(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?) #\d+\]/;

/**
 * The en-US form of JavaScript's `toLocaleString()` (`11/22/2026, 9:44:34 AM`),
 * as NestJS's logger and `console.log(new Date().toLocaleString(), …)` write
 * it where Node runs without a locale of its own (a container's), and Azure
 * Monitor's portal its times, with milliseconds (`11/22/2026, 9:44:34.085 AM`). Month first.
 */
const US_LOCALE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{1,2}):(\d\d):(\d\d)(?:\.(\d{1,3}))? ([AP]M)(?![A-Za-z0-9])/;
/** NestJS's ConsoleLogger: `[Nest] 19096  - ` before its time. */
const NEST_PREFIX = /^\[Nest\] \d{1,10} {2}- /;
/** Python rich's logging handler: `[11/22/26 09:44:34]`, strftime's `[%x %X]` in the C locale (month first, two-digit year). */
const RICH_TIME = /^\[(\d\d)\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d)\]/;

/**
 * A time of day alone (log4j's and logback's `%d{HH:mm:ss.SSS}`, log4j's
 * ABSOLUTE `09:44:34,123`, Serilog's `[09:44:34 ERR]`), ending where a word
 * or a bracket ends.
 */
const TIME_OF_DAY = /^(\[?)(\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(?=[\s\]]|$)/;
/** Go's time.Kitchen (zerolog's console writer): `9:44AM`. */
const KITCHEN = /^(\d{1,2}):(\d\d)([AP]M)(?=\s|$)/;

/**
 * A logfmt line's time (Go's slog and logrus text handlers, go-kit, log15):
 * its first pair, or its second after the level; quoted or not, a
 * timestamp or epoch seconds or milliseconds. Group 1 or 2 is the value.
 */
const LOGFMT_TIME = /^(?:(?:level|lvl)=\w+ )?(?:time|ts|t|timestamp)=(?:"([^"\\]*)"|([^\s"]+))/;
/** What may follow a logfmt pair: a blank, or the line's end. */
const PAIR_END = /^\s?$/;

/** The patterns above that are built from MONTH, for whoever checks every pattern of the sources. */
export const BUILT_LEADING_TIMES: readonly RegExp[] = [DAY_MONTH_YEAR, MONTH_DAY_YEAR, CTIME];

/** A time at the start of a line: when it is, and how many characters it takes there (0 when it is not the line's first word). */
export interface LeadingTime {
  time: number | null;
  length: number;
}

/**
 * The time at the start of a plain log line, in any form a logger's default
 * layout writes it with its year: LEADING_TIME's (ISO 8601, Python logging,
 * Go log), Tomcat's and log4j's day-month-year, java.util.logging's
 * month-day-year with AM/PM, C's ctime and Apache's error log, Ruby's
 * Logger, klog's year-less `E1122 09:44:34.123456` (see yearLessTimeOf), a
 * logfmt line's leading `time=` (after its `level=`, if first), JavaScript's
 * en-US `toLocaleString()` (NestJS's logger after its `[Nest] <pid>  - `),
 * Python rich's `[11/22/26 09:44:34]`; a time of day alone (log4j's and
 * logback's `09:44:34.123`, Serilog's `[09:44:34 ERR]`, Go's Kitchen
 * `9:44AM`) on its date (see dateLessTime). A time without a zone is in the
 * logs' zone (see parseTimestamp). Null when the line starts with none of
 * them.
 * @example leadingTime('Nov 22, 2026 9:44:34 AM com.example.App main')?.time // 1795340674000
 */
export function leadingTime(line: string): LeadingTime | null {
  const iso = LEADING_TIME.exec(line);
  if (iso) return { time: parseTimestamp(iso[1]!), length: iso[0].length };
  const first = line.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) {
    const m = DAY_MONTH_YEAR.exec(line);
    if (m) return fromParts(m[4]!, m[3]!, m[1]!, m[5]!, m[6]!, m[7]!, m[8], m[0].length);
    const us = US_LOCALE_TIME.exec(line);
    if (us) return fromUsLocale(us, us[0].length);
    return (line.charCodeAt(2) === 0x3a /* : */ ? timeOfDay(line) : null) ?? kitchenTime(line);
  }
  if (first === 0x5b /* [ */ && line.charCodeAt(3) === 0x3a /* : */) return timeOfDay(line);
  if (first === 0x5b /* [ */ && line.charCodeAt(1) === 0x4e /* N */) {
    const nest = NEST_PREFIX.exec(line);
    const us = nest ? US_LOCALE_TIME.exec(line.slice(nest[0].length)) : null;
    // Its time follows the `[Nest] <pid>  - ` prefix: not the line's first word (length 0).
    return us ? fromUsLocale(us, 0) : null;
  }
  if (first === 0x5b /* [ */ && line.charCodeAt(3) === 0x2f /* / */) {
    const m = RICH_TIME.exec(line);
    // Its length, as LEADING_TIME's, ends before the `]`.
    return m ? fromNumbers(2000 + Number(m[3]), Number(m[1]), Number(m[2]), m[4]!, m[5]!, m[6]!, m[0].length - 1) : null;
  }
  if (first === 0x5b /* [ */ || (first >= 0x41 && first <= 0x5a) /* A-Z */) {
    let m = CTIME.exec(line);
    // Apache's `[…]` closes (its length, as LEADING_TIME's, ends before the `]`); C's ctime has no brackets.
    if (m && (m[1] === '' || line.charCodeAt(m[0].length) === 0x5d)) {
      return fromParts(m[8]!, m[2]!, m[3]!.trim(), m[4]!, m[5]!, m[6]!, m[7], m[0].length);
    }
    m = MONTH_DAY_YEAR.exec(line);
    if (m) return fromParts(m[3]!, m[1]!, m[2]!, twelveHour(m[4]!, m[7]!), m[5]!, m[6]!, undefined, m[0].length);
    m = RUBY_LOGGER.exec(line);
    if (m) return { time: parseTimestamp(m[1]!), length: 0 };
    m = line.charCodeAt(3) === 0x20 && line.charCodeAt(8) === 0x2d ? WEEKDAY_DATE.exec(line) : null;
    if (m) return { time: parseTimestamp(UTC_ABBREVIATIONS.has(m[2]!) ? `${m[1]!}Z` : m[1]!), length: 0 };
    m = KLOG.exec(line);
    // Its time follows the level letter: not the line's first word (length 0).
    const time = m ? yearLessTimeOf(Number(m[1]), Number(m[2]), m[3]!) : null;
    if (time !== null) return { time, length: 0 };
  }
  if (first === 0x74 /* t */ || first === 0x6c /* l */) {
    const m = LOGFMT_TIME.exec(line);
    const time = m && PAIR_END.test(line.charAt(m[0].length)) ? parseTimeValue(m[1] ?? m[2]!) : null;
    if (time !== null) return { time, length: 0 };
  }
  return null;
}

/** A time of day alone (see TIME_OF_DAY), on its date (see dateLessTime); its length, as LEADING_TIME's, ends before a `]` after it, and is 0 when more follows inside the bracket. */
function timeOfDay(line: string): LeadingTime | null {
  const m = TIME_OF_DAY.exec(line);
  const time = m ? dateLessTime(Number(m[2]), Number(m[3]), Number(m[4]), m[5] ?? '') : null;
  if (time === null) return null;
  const closed = m![1] === '' || line.charCodeAt(m![0].length) === 0x5d; /* ] */
  return { time, length: closed ? m![0].length : 0 };
}

/** Go's Kitchen time (see KITCHEN), on its date (see dateLessTime). */
function kitchenTime(line: string): LeadingTime | null {
  const m = KITCHEN.exec(line);
  const time = m ? dateLessTime(Number(twelveHour(m[1]!, m[3]!)), Number(m[2]), 0, '') : null;
  return time === null || Number(m![1]) > 12 ? null : { time, length: m![0].length };
}

/**
 * Whether `text` at `p` starts with a time of day alone (`09:44:34`,
 * `[09:44:34`, `9:44AM`: a colon second or third), the only forms of
 * leadingTime that start so: a time read there has no date of its own, and
 * a wrapper's or envelope's time, which has one, is the record's instead.
 */
export function startsWithTimeOfDay(text: string, p: number): boolean {
  if (text.charCodeAt(p) === 0x5b /* [ */) p++;
  if (!isDigit(text.charCodeAt(p))) return false;
  const second = text.charCodeAt(p + 1);
  return second === 0x3a /* : */ || (isDigit(second) && text.charCodeAt(p + 2) === 0x3a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The time at the start of a plain log line (see leadingTime), or null. */
export function leadingTimeOf(line: string): number | null {
  return leadingTime(line)?.time ?? null;
}

function fromParts(year: string, month: string, day: string, hour: string, minute: string, second: string, fraction: string | undefined, length: number): LeadingTime {
  const mm = String(monthNumber(month)).padStart(2, '0');
  const iso = `${year}-${mm}-${day.padStart(2, '0')}T${hour}:${minute}:${second}${fraction ? `.${fraction}` : ''}`;
  return { time: parseTimestamp(iso), length };
}

/** A time from `toLocaleString`'s en-US parts (see US_LOCALE_TIME), with the milliseconds Azure Monitor's exports add. */
function fromUsLocale(m: RegExpExecArray, length: number): LeadingTime | null {
  return fromNumbers(Number(m[3]), Number(m[1]), Number(m[2]), twelveHour(m[4]!, m[8]!), m[5]!, m[6]! + (m[7] === undefined ? '' : `.${m[7]}`), length);
}

/** A time from a month and day given as numbers; null for a month or day out of range. */
function fromNumbers(year: number, month: number, day: number, hour: string, minute: string, second: string, length: number): LeadingTime | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${hour}:${minute}:${second}`;
  return { time: parseTimestamp(iso), length };
}

/** `9` `AM` → `09`, `12` `AM` → `00`, `12` `PM` → `12`, `1` `PM` → `13`. */
function twelveHour(hour: string, half: string): string {
  const h = (Number(hour) % 12) + (half === 'PM' ? 12 : 0);
  return String(h).padStart(2, '0');
}
