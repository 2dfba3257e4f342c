import { editDistance } from './edit-distance.js';
import type { BoundedRunner } from './run-within.js';
import { USER_SHAPE_GROUPS, userPatternFlags } from '../recognition/user-shape.js';

/** What judging a user shape's pattern found: the pattern compiled as recognition compiles it, or null, and what is wrong. */
export interface PatternJudgement {
  pattern: RegExp | null;
  /** One line each, naming the field: `field 'pattern' has no named group 'code' …`. */
  problems: string[];
}

/** Characters of the texts a pattern is pumped with: 32 KiB, where a quadratic pattern costs hundreds of milliseconds and a linear one well under one. */
export const PUMP_CHARS = 32_768;
/** The time a pattern may take on one such text. */
export const PUMP_MS = 100;
/** Pumped texts tried per pattern, at most: bounds the check's time. */
const MAX_UNITS = 160;

/**
 * Judges the pattern of a user catalog's shape: it compiles (with the
 * flags recognition uses), it has a named group `code` and no named group
 * recognition does not read, no backreference, and it is not catastrophic:
 * on texts made of long runs of its own characters and words (where
 * backtracking blows up), finding every match takes at most PUMP_MS each,
 * run with a time bound. The same idea as the project's own regular
 * expression checks (test/hostile/regex-complexity.test.ts), done at load.
 * @example judgeUserPattern('MQAPI-FAIL .*? err=(?<code>[\\w.]+)', false, runner).problems // []
 */
export function judgeUserPattern(source: string, anyCase: boolean | undefined, runner: BoundedRunner): PatternJudgement {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, userPatternFlags(anyCase));
  } catch (err) {
    return { pattern: null, problems: [`field 'pattern' is not a JavaScript regular expression: ${(err as Error).message}`] };
  }
  const problems: string[] = [];
  // An empty alternative matches '': the groups object lists every named group of the pattern.
  const names = Object.keys(new RegExp(`(?:${source})|`, userPatternFlags(anyCase)).exec('')?.groups ?? {});
  if (!names.includes('code')) problems.push("field 'pattern' has no named group 'code': write the code's part as (?<code>…)");
  for (const name of names.filter((n) => !(USER_SHAPE_GROUPS as readonly string[]).includes(n))) {
    const near = USER_SHAPE_GROUPS.find((known) => editDistance(known.toLowerCase(), name.toLowerCase()) <= 2);
    problems.push(`field 'pattern' has a named group '${name}' that mqerr does not read (${near ? `did you mean '${near}'? ` : ''}it reads ${USER_SHAPE_GROUPS.join(', ')})`);
  }
  const backreference = findBackreference(source);
  if (backreference !== null) {
    problems.push(`field 'pattern' has a backreference (${backreference}): a shape's pattern may not have one, as matching it can take exponential time`);
  }
  if (problems.length > 0) return { pattern, problems };
  for (const unit of pumpUnits(source)) {
    const text = `${unit.repeat(Math.ceil(PUMP_CHARS / unit.length))}\u0000`;
    if (!runner.finishes(pattern, text, PUMP_MS)) {
      problems.push(
        `field 'pattern' backtracks catastrophically: on ${PUMP_CHARS} characters of ${JSON.stringify(unit)} repeated it takes more than ${PUMP_MS} ms` +
          ' (start it with a literal text, and let no repeat match what a repeat beside or around it matches, as in (\\w+)+ or \\w+\\s*\\w+)',
      );
      break;
    }
  }
  return { pattern, problems };
}

/** The first backreference of a pattern's source (`\1`, `\k<name>`), outside character classes, or null. */
function findBackreference(source: string): string | null {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && /[1-9]/.test(next)) return `\\${next}`;
      if (!inClass && next === 'k' && source[i + 2] === '<') return source.slice(i, source.indexOf('>', i) + 1 || undefined);
      i++;
    } else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
  }
  return null;
}

/**
 * The units a pattern is pumped with: each character it is written with
 * (escapes turned into a member of their class), each word, and each word
 * followed by each separator; plus characters that end or break most patterns.
 */
function pumpUnits(source: string): string[] {
  const plain = source
    .replace(/\\d/g, '0')
    .replace(/\\s/g, ' ')
    .replace(/\\w/g, 'a')
    .replace(/\\[a-z]/gi, '')
    .replace(/\\(.)/g, '$1');
  const chars = new Set([...plain].filter((c) => c >= ' ' && c !== '\u007f'));
  for (const c of [' ', '\t', 'a', 'A', '0', '.', '"', ':', '=', '-', '_', '\\', '{', '[', '\r']) chars.add(c);
  const words = [...new Set(plain.match(/[A-Za-z][A-Za-z-]{2,}/g) ?? [])];
  const units = [...chars];
  for (const word of words) for (const sep of ['', ' ', ':', '=', '.', ': ', '"']) units.push(word + sep);
  return units.slice(0, MAX_UNITS);
}
