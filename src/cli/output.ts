import { sanitizeForTerminal } from '../render/sanitize-terminal.js';

/**
 * Writes to stdout; a closed pipe (`| head`) ends the process quietly with
 * status 0 instead of a stack trace.
 */
export function installStdoutGuards(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') process.exit(0);
    process.stderr.write(`mqerr: cannot write output: ${err.message}\n`);
    process.exit(3);
  });
  // A closed stderr (`2>&1 | head`) must not crash the run: its messages have nowhere to go.
  process.stderr.on('error', () => {});
}

let drained: Promise<void> | null = null;

/**
 * Writes text and resolves once it is handed to the OS (or buffered for
 * it); `written` is called once the write is done. Writes made while
 * stdout is full share one wait for its 'drain'.
 */
export function writeOut(text: string | Buffer, written?: () => void): Promise<void> {
  if (process.stdout.write(text, written)) return drained ?? Promise.resolve();
  drained ??= new Promise((resolve) =>
    process.stdout.once('drain', () => {
      drained = null;
      resolve();
    }),
  );
  return drained;
}

/** A one-line message on stderr, with log-derived parts made safe. */
export function warn(message: string): void {
  process.stderr.write(`mqerr: ${sanitizeForTerminal(message)}\n`);
}

/** Colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
export function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  if (process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true;
}
