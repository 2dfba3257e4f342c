import type { InputSource } from '../sources/expand-inputs.js';

/** What mqerr draws on stderr while it reads. */
export type StatusKind = 'live' | 'progress' | 'none';

export interface StatusContext {
  /** --progress (on by default; --no-progress turns it off). */
  enabled: boolean;
  stderrIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** TERM, where "dumb" terminals cannot move the cursor. */
  term: string | undefined;
  /** The command writes records to stdout as it reads (`tag`). */
  writesRecords: boolean;
  inputs: readonly InputSource[];
}

/**
 * Decides what to draw on stderr: nothing unless stderr is a terminal that
 * can move its cursor (so logs, pipes and CI never see escape codes), and
 * nothing when records stream to the same terminal. Files all of known size
 * get a progress bar; a pipe, stdin or a FIFO, whose end is unknown, gets the
 * live view.
 * @example chooseStatus({ enabled: true, stderrIsTTY: true, stdoutIsTTY: false, term: 'xterm', writesRecords: false, inputs: [{ kind: 'stdin', name: '-' }] }) // 'live'
 */
export function chooseStatus(ctx: StatusContext): StatusKind {
  if (!ctx.enabled || !ctx.stderrIsTTY || ctx.term === 'dumb') return 'none';
  if (ctx.writesRecords && ctx.stdoutIsTTY) return 'none';
  const readable = ctx.inputs.filter((i) => i.kind !== 'failed');
  if (readable.length === 0) return 'none';
  return readable.every((i) => i.kind === 'file' && i.size !== null) ? 'progress' : 'live';
}
