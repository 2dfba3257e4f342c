import { constants } from 'node:fs';
import { access, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Argv } from 'yargs';
import { ExitError } from '../errors.js';
import { describeFsError } from '../sources/expand-inputs.js';
import { checkOutputPath } from './output-path.js';

/** `--report FILE.html`. */
export function reportOption<T>(y: Argv<T>) {
  return y.option('report', {
    type: 'string',
    describe: 'also write a self-contained HTML report (chart and error rate, top codes, uncatalogued codes, vendors, products, sources; sortable, filterable tables) to this file',
  });
}

/**
 * Checks before any input is read that the report can be written where
 * asked, so a night's scan does not end in an unwritable path, and that
 * writing it destroys nothing (see checkOutputPath).
 */
export async function checkReportPath(path: string): Promise<void> {
  await checkOutputPath({ flag: '--report', path });
  const dir = dirname(path);
  try {
    await access(dir, constants.W_OK);
  } catch (err) {
    throw new ExitError(`--report ${path}: cannot write in ${dir} (${describeFsError(err)})`);
  }
}

/**
 * Writes the report next to its final name and renames it into place, so a
 * reader never opens half a report. Resolves with an error message, or null.
 */
export async function writeReport(path: string, html: string): Promise<string | null> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, html, 'utf8');
    await rename(temporary, path);
    return null;
  } catch (err) {
    await unlink(temporary).catch(() => {});
    return `cannot write report ${path}: ${describeFsError(err)}`;
  }
}
