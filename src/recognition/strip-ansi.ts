import { ANSI_ESCAPE } from './patterns.js';

/**
 * The text without terminal escape sequences (colours from colourised
 * console loggers and `util.inspect(…, { colors: true })`), so that none
 * stands between a label and its value. Text without an escape character
 * is returned as it is, unsearched by the pattern.
 * @example stripAnsi("code: \u001b[32m'InvalidParameter'\u001b[39m") // "code: 'InvalidParameter'"
 */
export function stripAnsi(text: string): string {
  return text.includes('\u001b') ? text.replace(ANSI_ESCAPE, '') : text;
}
