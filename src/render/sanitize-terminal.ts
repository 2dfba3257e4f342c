/** C0 and C1 controls and DEL; ESC among them, so no escape sequence survives. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Makes log-derived text safe to print on a terminal: control characters
 * (ESC, BEL, backspace, CR…) are shown as visible `\xNN` escapes, so a log
 * line cannot move the cursor, recolour or retitle the terminal.
 * @example sanitizeForTerminal('\u001b[31mred') // '\\x1b[31mred'
 */
export function sanitizeForTerminal(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
