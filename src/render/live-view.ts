import { plural } from './plural.js';
import type { Summary } from '../aggregation/summary.js';
import { sanitizeForTerminal } from './sanitize-terminal.js';

/** What one frame of the live view shows. */
export interface LiveFrame {
  summary: Summary;
  /** Milliseconds since reading began. */
  elapsedMs: number;
  /** Per-minute rate of a key of `liveViewCounts`, null until known. */
  perMinute: (key: string) => number | null;
  /** Terminal size: no line may wrap, and the frame must fit on screen, or redrawing in place breaks. */
  columns: number;
  rows: number;
}

/** Top codes the live view lists (fewer on a short terminal). */
export const LIVE_TOP_CODES = 5;

/**
 * The cumulative counts whose rates the live view shows: all errors, each
 * category, the top codes. Sampled at every redraw by a RateMeter.
 */
export function liveViewCounts(summary: Summary): Map<string, number> {
  const counts = new Map<string, number>([['errors', summary.totals.errors]]);
  for (const [category, count] of Object.entries(summary.byCategory)) counts.set(`category:${category}`, count);
  for (const c of summary.byCode.slice(0, LIVE_TOP_CODES)) counts.set(codeKey(c.vendor, c.code), c.count);
  return counts;
}

/**
 * One frame of the live view: a totals line with the error rate per minute,
 * errors by category, the top codes. Lines carry no newline and are cut to
 * the terminal's width; log-derived text is sanitized.
 * @example renderLiveView({ summary, elapsedMs: 133_000, perMinute, columns: 100, rows: 30 })
 * // ['mqerr 2:13 · 12 errors (4.2/min) · 3 successes · error rate 80.0% · 4113 records · 18204 lines', …]
 */
export function renderLiveView(frame: LiveFrame): string[] {
  const { summary, perMinute } = frame;
  const t = summary.totals;
  const rate = summary.errorRate === null ? '' : ` · error rate ${(summary.errorRate * 100).toFixed(1)}%`;
  const header =
    `mqerr ${formatElapsed(frame.elapsedMs)} · ${plural(t.errors, 'error', true)} (${formatRate(perMinute('errors'))}/min)` +
    ` · ${plural(t.successes, 'success', true)}${rate} · ${plural(t.records, 'record', true)} · ${plural(t.lines, 'line', true)}`;
  const lines = [header];
  const categories = Object.entries(summary.byCategory);
  if (categories.length === 0) lines.push('  (no API errors yet)');
  else {
    const width = Math.max(8, ...categories.map(([c]) => c.length));
    lines.push(`  ${'category'.padEnd(width)}  ${'errors'.padStart(8)}  ${'per min'.padStart(8)}`);
    for (const [category, count] of categories) {
      lines.push(`  ${category.padEnd(width)}  ${String(count).padStart(8)}  ${formatRate(perMinute(`category:${category}`)).padStart(8)}`);
    }
    const codes = summary.byCode.slice(0, LIVE_TOP_CODES).map((c) => ({
      name: `${sanitizeForTerminal(c.vendor ?? '-')}  ${sanitizeForTerminal(c.code ?? '(no code)')}`,
      count: c.count,
      rate: perMinute(codeKey(c.vendor, c.code)),
    }));
    const room = Math.max(0, frame.rows - 1 - lines.length - 1);
    const shown = codes.slice(0, room);
    if (shown.length > 0) {
      const nameWidth = Math.max(9, ...shown.map((c) => c.name.length));
      lines.push(`  ${'top codes'.padEnd(nameWidth)}  ${'errors'.padStart(8)}  ${'per min'.padStart(8)}`);
      for (const c of shown) lines.push(`  ${c.name.padEnd(nameWidth)}  ${String(c.count).padStart(8)}  ${formatRate(c.rate).padStart(8)}`);
    }
  }
  return lines.slice(0, Math.max(1, frame.rows - 1)).map((line) => fitWidth(line, frame.columns));
}

function codeKey(vendor: string | null, code: string | null): string {
  return `code:${vendor ?? ''}\u0000${code ?? ''}`;
}

function formatRate(rate: number | null): string {
  return rate === null ? '-' : rate.toFixed(1);
}

/** `2:13`, or `1:02:13` past an hour. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Cuts a line so it never wraps (the last column is left free: some terminals wrap on it). */
export function fitWidth(line: string, columns: number): string {
  const max = Math.max(10, columns - 1);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
