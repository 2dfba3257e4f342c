import type { Summary } from '../aggregation/summary.js';
import type { Grouping } from './groupings.js';
import { renderCsv } from './render-csv.js';

/** When a snapshot was taken, and whether it is the run's last. */
export interface SnapshotInfo {
  time: string;
  final: boolean;
  /** The first snapshot of the run (CSV writes its header once). */
  first: boolean;
}

/**
 * One `--every` snapshot (cumulative since the start) in the chosen format:
 * JSON is one line with a `snapshot` key, so the stream is NDJSON; CSV rows
 * gain `time` and `final` columns under one header; table and Markdown get a
 * heading line. `renderText` renders a summary as a table or Markdown.
 * @example renderSnapshot(summary, 'json', ['category'], { time: '2026-11-22T09:45:00.000Z', final: false, first: true }, render)
 * // '{"schema":"mqerr.summary/2",…,"snapshot":{"time":"2026-11-22T09:45:00.000Z","final":false}}\n'
 */
export function renderSnapshot(
  summary: Summary,
  format: 'table' | 'json' | 'csv' | 'markdown',
  by: readonly Grouping[],
  info: SnapshotInfo,
  renderText: (summary: Summary) => string,
): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ ...summary, snapshot: { time: info.time, final: info.final } }) + '\n';
    case 'csv':
      return renderCsv(summary, by, { columns: ['time', 'final'], values: [info.time, info.final], header: info.first });
    case 'markdown':
      return `## ${info.final ? 'Final summary' : 'Snapshot'} at ${info.time}\n\n${renderText(summary)}\n`;
    case 'table':
      return `${info.final ? 'final summary' : 'snapshot'} at ${info.time}\n${renderText(summary)}\n`;
  }
}
