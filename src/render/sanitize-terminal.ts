/**
 * What a terminal would act on rather than show: C0 and C1 controls and DEL
 * (ESC among them, so no escape sequence survives), and the invisible
 * Unicode marks that reorder or break what is shown (bidirectional
 * overrides and isolates, line and paragraph separators).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, but keeping tab and line feed, for multi-line log text. */
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export interface SanitizeOptions {
  /** Keep tabs and line feeds (a stack trace shown as it was logged); default: escape them too. */
  multiline?: boolean;
}

/**
 * Makes log-derived text safe to print on a terminal: control characters
 * (ESC, BEL, backspace, CR, and by default tab and line feed, so a value
 * stays on its line) are shown as visible `\xNN` escapes, bidirectional and
 * line-separator marks as `\u{NNNN}`; so a log line cannot move the cursor,
 * recolour or retitle the terminal, or disguise itself.
 * @example sanitizeForTerminal('\u001b[31mred') // '\\x1b[31mred'
 */
export function sanitizeForTerminal(text: string, options: SanitizeOptions = {}): string {
  return text.replace(options.multiline ? CONTROL_BUT_LINE_BREAKS : CONTROL, escapeChar);
}

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16).padStart(4, '0')}}`;
}
