import { fstatSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ExitError } from '../errors.js';
import type { InputSource } from '../sources/expand-inputs.js';

/** A file mqerr writes, named by its flag (`--report`, `--textfile`). */
export interface OutputPath {
  flag: string;
  path: string;
}

/**
 * Refuses, before anything is read, a path mqerr would replace with a new
 * file (it writes a temporary file and renames it over the path) when that
 * would destroy something: an empty name, or an existing path that is not a
 * regular file (`/dev/null`, a FIFO, a socket: the rename replaces the device
 * node itself when run as root). A directory gets a hint.
 * @example await checkOutputPath({ flag: '--report', path: '/dev/null' }) // throws: exists and is not a regular file
 */
export async function checkOutputPath({ flag, path }: OutputPath): Promise<void> {
  if (path.trim() === '') throw new ExitError(`${flag} expects a file name, got an empty path`);
  const info = await stat(path).catch(() => null);
  if (!info || info.isFile()) return;
  if (info.isDirectory()) throw new ExitError(`${flag} ${path}: is a directory; give a file name such as ${path.replace(/\/$/, '')}/report.html`);
  throw new ExitError(`${flag} ${path}: exists and is ${describeKind(info)}, not a regular file; it would be replaced, so it is refused`);
}

/**
 * Refuses an output that is one of the inputs (the same file, however it is
 * named: hard links and symlinks too), so `--report app.log app.log` does not
 * replace the log it reads. Standard input redirected from the file counts.
 */
export async function refuseOutputsAmongInputs(outputs: readonly OutputPath[], inputs: readonly InputSource[]): Promise<void> {
  const existing: { output: OutputPath; info: Stats }[] = [];
  for (const output of outputs) {
    const info = await stat(output.path).catch(() => null);
    if (info) existing.push({ output, info });
  }
  if (existing.length === 0) return;
  for (const input of inputs) {
    const info = input.kind === 'file' ? await stat(input.path).catch(() => null) : input.kind === 'stdin' ? stdinStats() : null;
    if (!info) continue;
    const same = existing.find((e) => e.info.dev === info.dev && e.info.ino === info.ino);
    if (same) throw new ExitError(`${same.output.flag} ${same.output.path}: is also an input (${input.name}); writing it would destroy what is read`);
  }
}

/** Refuses an output that is one of the named files read (merge's summaries). */
export async function refuseOutputsAmongFiles(outputs: readonly OutputPath[], files: readonly string[]): Promise<void> {
  await refuseOutputsAmongInputs(
    outputs,
    files.map((path) => ({ kind: 'file', name: path, path, size: null })),
  );
}

function stdinStats(): Stats | null {
  try {
    return fstatSync(0);
  } catch {
    return null;
  }
}

function describeKind(info: Stats): string {
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  return 'a special file';
}
