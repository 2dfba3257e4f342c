import type { Stats } from 'node:fs';
import { statSync } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

/** One input: standard input, a file (plain or gzip), or a path that failed. */
export type InputSource =
  | { kind: 'stdin'; name: string }
  | { kind: 'file'; name: string; path: string; size: number | null }
  | { kind: 'failed'; name: string; error: string };

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Expands the command line's paths: `-` or nothing is stdin, a directory is
 * read recursively (sorted, symlink loops skipped), a glob is expanded.
 * A path that cannot be read becomes a failed source, never an exception.
 * @example await expandInputs(['logs/', 'app.log.gz', '-'])
 */
export async function expandInputs(paths: readonly string[]): Promise<InputSource[]> {
  if (paths.length === 0) return [{ kind: 'stdin', name: '-' }];
  const out: InputSource[] = [];
  for (const path of paths) {
    if (path === '-') out.push({ kind: 'stdin', name: '-' });
    else await expandPath(path, out, { visited: new Set(), ancestors: new Map(), named: true });
  }
  return out;
}

/** Where the walk of one command-line path stands. */
interface Walk {
  /** Real paths of the directories read so far: one reached twice is read once. */
  visited: Set<string>;
  /** Real path → path as reached, of the directories enclosing the current one. */
  ancestors: Map<string, string>;
  /** The path was named on the command line (not found inside a directory). */
  named: boolean;
}

async function expandPath(path: string, out: InputSource[], walk: Walk): Promise<void> {
  let info;
  try {
    // Synchronous: a directory of 10,000 small logs costs 10,000 event-loop round trips otherwise, for a call that takes microseconds.
    info = statSync(path);
  } catch (err) {
    if (walk.named && GLOB_CHARS.test(path) && (err as NodeJS.ErrnoException).code === 'ENOENT') return expandGlob(path, out);
    out.push({ kind: 'failed', name: path, error: describeFsError(err) });
    return;
  }
  if (!info.isDirectory()) {
    // A FIFO or device named on the command line is read (`<(kubectl logs …)`
    // is a pipe); one met inside a directory is not, as reading it could
    // block forever or never end (grep -r skips them likewise).
    if (!info.isFile() && !walk.named) {
      out.push({ kind: 'failed', name: path, error: `${describeFileType(info)}, not a regular file: skipped inside a directory` });
      return;
    }
    out.push({ kind: 'file', name: path, path, size: info.isFile() ? info.size : null });
    return;
  }
  let real: string;
  try {
    real = await realpath(path);
  } catch (err) {
    out.push({ kind: 'failed', name: path, error: describeFsError(err) });
    return;
  }
  const loopsTo = walk.ancestors.get(real);
  if (loopsTo !== undefined) {
    out.push({ kind: 'failed', name: path, error: `directory symlink loop: it leads back to ${loopsTo}, which is being read; skipped` });
    return;
  }
  // The same directory reached again through another symlink is read once.
  if (walk.visited.has(real)) return;
  walk.visited.add(real);
  let names: string[];
  try {
    names = (await readdir(path)).sort();
  } catch (err) {
    out.push({ kind: 'failed', name: path, error: describeFsError(err) });
    return;
  }
  walk.ancestors.set(real, path);
  for (const name of names) await expandPath(join(path, name), out, { ...walk, named: false });
  walk.ancestors.delete(real);
}

function describeFileType(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'a special file';
}

async function expandGlob(pattern: string, out: InputSource[]): Promise<void> {
  const { glob } = await import('tinyglobby');
  // An absolute pattern keeps absolute names (tinyglobby would make them relative to the cwd).
  const matches = (await glob(pattern, { onlyFiles: true, dot: false, expandDirectories: false, absolute: isAbsolute(pattern) })).sort();
  if (matches.length === 0) {
    out.push({ kind: 'failed', name: pattern, error: 'no file matches this pattern' });
    return;
  }
  for (const match of matches) await expandPath(match, out, { visited: new Set(), ancestors: new Map(), named: false });
}

/** `ENOENT` → "no such file or directory", for one-line messages. */
export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a directory';
    case 'ENXIO':
      return 'no such device or address (a socket cannot be read as a file)';
    default:
      return e.code ? `${e.code}: ${e.message.replace(/^\w+: /, '')}` : String(e.message ?? err);
  }
}
