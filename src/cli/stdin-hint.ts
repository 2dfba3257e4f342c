import type { InputSource } from '../sources/expand-inputs.js';

/**
 * What to tell a person who ran mqerr at a terminal without giving it
 * anything to read: it waits for standard input, which looks like a hang.
 * Null when stdin is not read or is not a terminal (a pipe or a file).
 * @example stdinHint([{ kind: 'stdin', name: '-' }], true) // 'reading standard input: …'
 */
export function stdinHint(inputs: readonly InputSource[], stdinIsTerminal: boolean): string | null {
  if (!stdinIsTerminal || !inputs.some((input) => input.kind === 'stdin')) return null;
  return 'reading standard input from the terminal; paste or type log lines and end with Ctrl-D, or give files: mqerr app.log';
}
