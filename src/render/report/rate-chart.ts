import { CHART_MARGIN, CHART_WIDTH as WIDTH, fixed, layoutColumns, timeAxisLabels } from './chart-frame.js';
import { escapeHtml as h } from './escape-html.js';
import type { ErrorRate } from './error-rate.js';

const HEIGHT = 150;
const MARGIN = { ...CHART_MARGIN, top: 12, bottom: 34 };

/**
 * The error rate as an inline SVG line under the stacked chart, on the same
 * columns and the same width, so a bar and its rate line up. A column with
 * no call breaks the line; a lone point is drawn as a dot. Every column has
 * a `<title>` with its errors, successes and rate.
 * @example renderRateChart(chart.rate, chart.columns.map((c) => c.start), (ms) => formatTime(ms, zone, 'minute'))
 */
export function renderRateChart(rate: ErrorRate, starts: readonly number[], label: (ms: number) => string): string {
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const layout = layoutColumns(starts.length);
  const yMax = niceCeiling(Math.max(0, ...rate.values.map((v) => v ?? 0)));
  const y = (value: number): number => MARGIN.top + plotHeight - (value / yMax) * plotHeight;
  const unit = rate.unit === 'share' ? '%' : '/min';
  const parts: string[] = [
    `<svg class="chart rate" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="rate-title" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="rate-title">${rate.unit === 'share' ? 'Share of logged API calls that failed' : 'Errors per minute'}, per column</title>`,
  ];
  for (const tick of [0, 0.5, 1]) {
    const ty = fixed(y(yMax * tick));
    parts.push(`<line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${ty}" y2="${ty}"/>`);
    // The heading names the unit: `/min` beside a number would not fit the margin on a narrow screen.
    parts.push(`<text class="axis" x="${MARGIN.left - 6}" y="${ty}" text-anchor="end" dominant-baseline="middle">${h(short(yMax * tick))}${rate.unit === 'share' ? '%' : ''}</text>`);
  }
  const points = rate.values.map((v, i) => (v === null ? null : { x: fixed(layout.center(i)), y: fixed(y(v)) }));
  for (const run of runsOf(points)) {
    parts.push(
      run.length === 1
        ? `<circle class="rate-dot" cx="${run[0]!.x}" cy="${run[0]!.y}" r="2.5"/>`
        : `<polyline class="rate-line" points="${run.map((p) => `${p.x},${p.y}`).join(' ')}"/>`,
    );
  }
  parts.push('<g class="hover">');
  starts.forEach((start, i) => {
    const { errors, successes } = rate.calls[i]!;
    const value = rate.values[i];
    const said = value === null || value === undefined ? 'no call logged' : `${short(value)}${unit}`;
    parts.push(
      `<rect x="${fixed(layout.x(i))}" y="${MARGIN.top}" width="${fixed(layout.barWidth)}" height="${plotHeight}">` +
        `<title>${h(label(start))}: ${said} (${errors} errors, ${successes} successes)</title></rect>`,
    );
  });
  parts.push('</g>');
  const axisY = MARGIN.top + plotHeight;
  parts.push(`<line class="axis-line" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${axisY}" y2="${axisY}"/>`);
  parts.push(...timeAxisLabels(starts, layout, axisY + 18, label));
  parts.push('</svg>');
  return parts.join('\n');
}

interface Point {
  x: string;
  y: string;
}

/** Consecutive points without a gap: each becomes one line. */
function runsOf(points: readonly (Point | null)[]): Point[][] {
  const runs: Point[][] = [];
  let current: Point[] = [];
  for (const p of points) {
    if (p === null) {
      if (current.length > 0) runs.push(current);
      current = [];
    } else current.push(p);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/** A round top for the axis, for any positive value: 0.2, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100… */
function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * magnitude >= max) return m * magnitude;
  return 10 * magnitude;
}

/** At most three significant digits, no trailing zeros: `12.5`, `0.333`, `100`. */
function short(value: number): string {
  return String(Number(value.toPrecision(3)));
}
