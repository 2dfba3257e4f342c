import { escapeHtml } from './escape-html.js';

/** The report's charts share one width and side margins, so their columns line up when stacked. */
export const CHART_WIDTH = 960;
export const CHART_MARGIN = { left: 52, right: 14 };
const X_LABELS = 6;

/** Where a chart's columns are drawn: `x(i)` is a column's left edge, `center(i)` its middle. */
export interface ColumnLayout {
  barWidth: number;
  x: (index: number) => number;
  center: (index: number) => number;
}

/**
 * Lays out `n` equal columns across the plot, with a gap between bars
 * when there is room for one.
 * @example layoutColumns(24).center(0) // 71.3
 */
export function layoutColumns(n: number): ColumnLayout {
  const step = (CHART_WIDTH - CHART_MARGIN.left - CHART_MARGIN.right) / n;
  const barWidth = step > 4 ? step * 0.82 : step;
  const x = (index: number): number => CHART_MARGIN.left + index * step + (step - barWidth) / 2;
  return { barWidth, x, center: (index) => x(index) + barWidth / 2 };
}

/**
 * The times under a chart's axis at `y`: evenly spread, first and last
 * included; the date is written once, then again only where it changes.
 */
export function timeAxisLabels(starts: readonly number[], layout: ColumnLayout, y: number, label: (ms: number) => string): string[] {
  const n = starts.length;
  const parts: string[] = [];
  let shownDate = '';
  for (const i of labelIndexes(n)) {
    const anchor = n === 1 ? 'middle' : i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle';
    const lx = anchor === 'start' ? layout.x(i) : anchor === 'end' ? layout.x(i) + layout.barWidth : layout.center(i);
    const [date = '', clock = ''] = label(starts[i]!).split(' ');
    const text = date === shownDate && clock ? clock : `${date} ${clock}`.trim();
    shownDate = date;
    parts.push(`<text class="axis" x="${fixed(lx)}" y="${y}" text-anchor="${anchor}">${escapeHtml(text)}</text>`);
  }
  return parts;
}

/** A coordinate with one decimal: enough for a screen, and stable in tests. */
export function fixed(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function labelIndexes(n: number): number[] {
  if (n <= X_LABELS) return [...Array(n).keys()];
  const out = new Set<number>();
  for (let k = 0; k < X_LABELS; k++) out.add(Math.round((k * (n - 1)) / (X_LABELS - 1)));
  return [...out];
}
