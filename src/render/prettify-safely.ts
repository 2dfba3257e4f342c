import { sanitizeForTerminal } from './sanitize-terminal.js';

/** Nesting shown to a person; deeper values are elided (pino-pretty itself gives up at 1000). */
const MAX_DEPTH = 32;
const ELIDED = '[nested too deeply]';

/**
 * A copy of a parsed JSON value with every string, keys included, made safe
 * for a terminal (line breaks kept), and nesting cut at a fixed depth. Keys
 * are defined, not assigned, so a `__proto__` key stays a plain key.
 * @example sanitizeValue({ msg: '\u001b]0;pwned\u0007' }) // { msg: '\\x1b]0;pwned\\x07' }
 */
export function sanitizeValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return sanitizeForTerminal(value, { multiline: true });
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return ELIDED;
  if (Array.isArray(value)) return value.map((item) => sanitizeValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, sanitizeForTerminal(key), {
      value: sanitizeValue((value as Record<string, unknown>)[key], depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * Wraps a pino-pretty formatter for untrusted NDJSON lines: the record's
 * strings are sanitized before pino-pretty sees them (so the only escape
 * sequences in the output are its own colours), and a line it cannot
 * render is shown sanitized as it is rather than ending the run. Every
 * record's text ends with a line break.
 * @example prettifySafely(prettyFactory({ colorize: false }))('{"level":50,"msg":"boom"}')
 */
export function prettifySafely(format: (record: object) => string): (line: string) => string {
  return (line) => {
    try {
      const record = JSON.parse(line) as unknown;
      if (typeof record === 'object' && record !== null) {
        const text = format(sanitizeValue(record) as object);
        // pino-pretty leaves a single line with its object hidden (hideObject) unended: a record is still one line.
        return text.endsWith('\n') ? text : `${text}\n`;
      }
    } catch {
      // Shown as-is below.
    }
    return `${sanitizeForTerminal(line, { multiline: true })}\n`;
  };
}
