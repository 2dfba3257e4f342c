import { fitWidth, formatElapsed } from './live-view.js';

/** What one frame of the progress bar shows. */
export interface ProgressFrame {
  doneBytes: number;
  totalBytes: number;
  elapsedMs: number;
  errors: number;
  columns: number;
}

const MB = 1_000_000;

/**
 * One line of progress through files of known size: a bar, the share done,
 * bytes, throughput and the time left at the average rate so far.
 * @example renderProgressBar({ doneBytes: 120e6, totalBytes: 267e6, elapsedMs: 1500, errors: 12, columns: 100 })
 * // '[███████░░░░░░░░░]  45%  120.0/267.0 MB  80.0 MB/s  ETA 0:01  12 errors'
 */
export function renderProgressBar(frame: ProgressFrame): string {
  const { doneBytes, totalBytes, elapsedMs } = frame;
  const share = totalBytes > 0 ? Math.min(1, doneBytes / totalBytes) : 1;
  const speed = elapsedMs > 0 ? (doneBytes / elapsedMs) * 1000 : 0;
  const eta = speed > 0 ? formatElapsed(((totalBytes - doneBytes) / speed) * 1000) : '-';
  const text =
    `${String(Math.floor(share * 100)).padStart(3)}%  ${(doneBytes / MB).toFixed(1)}/${(totalBytes / MB).toFixed(1)} MB` +
    `  ${(speed / MB).toFixed(1)} MB/s  ETA ${eta}  ${frame.errors} errors`;
  const barWidth = Math.max(10, Math.min(40, frame.columns - text.length - 5));
  const filled = Math.round(share * barWidth);
  return fitWidth(`[${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}]  ${text}`, frame.columns);
}
