import { editDistance } from '../catalog/edit-distance.js';

/** mqerr's commands, as typed. */
export const COMMANDS = ['scan', 'tag', 'catalog', 'explain', 'merge'] as const;

/**
 * The command a word was probably meant to be, or null: a word no more than
 * two edits from a command (one for the shortest), that is not a command
 * itself. The caller checks that no file of that name exists, since the
 * default command takes paths.
 * @example mistypedCommand('explian') // 'explain'
 * @example mistypedCommand('app.log') // null
 */
export function mistypedCommand(word: string): string | null {
  if (word.length > 16 || /[./\\*?]/.test(word) || (COMMANDS as readonly string[]).includes(word)) return null;
  let best: { command: string; distance: number } | null = null;
  for (const command of COMMANDS) {
    const distance = editDistance(word.toLowerCase(), command);
    const allowed = command.length <= 3 ? 1 : 2;
    if (distance <= allowed && (best === null || distance < best.distance)) best = { command, distance };
  }
  return best?.command ?? null;
}
