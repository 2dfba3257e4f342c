import { accessSync, constants, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { EXIT, ExitError } from '../errors.js';

/**
 * Writes a metrics file for node_exporter's textfile collector atomically: the
 * text goes to a temporary file in the same directory (named so the
 * collector, which reads only `*.prom`, never picks it up), then a rename
 * replaces the old file. A reader sees the old file or the new one, never half.
 * @example writeTextfile('/var/lib/node_exporter/textfile/mqerr.prom', await metrics.text())
 */
export function writeTextfile(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    const e = err as NodeJS.ErrnoException;
    throw new ExitError(`--textfile ${path}: cannot write it (${e.code ?? e.message})`, EXIT.unreadableInput);
  }
}

/** Checks before reading that the textfile's directory exists and is writable, so a long run does not fail at its end. */
export function checkTextfilePath(path: string): void {
  const dir = dirname(resolve(path));
  try {
    if (!statSync(dir).isDirectory()) throw new ExitError(`--textfile ${path}: ${dir} is not a directory`);
    accessSync(dir, constants.W_OK);
  } catch (err) {
    if (err instanceof ExitError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new ExitError(`--textfile ${path}: ${code === 'ENOENT' ? `directory ${dir} does not exist` : `cannot write in ${dir} (${code})`}`);
  }
  if (!path.endsWith('.prom')) {
    // node_exporter reads only *.prom; say so rather than silently export nothing.
    throw new ExitError(`--textfile ${path}: node_exporter's textfile collector reads only files named *.prom`);
  }
}
