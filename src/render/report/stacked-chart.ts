import { CHART_MARGIN, CHART_WIDTH as WIDTH, fixed, layoutColumns, timeAxisLabels } from './chart-frame.js';
import { escapeHtml } from './escape-html.js';
import type { ReportChart } from './report-data.js';

const HEIGHT = 280;
const MARGIN = { ...CHART_MARGIN, top: 20, bottom: 40 };

/**
 * An inline SVG of errors per category over time: one stacked bar per
 * column, one `<g class="series">` per category (bottom first), a marker
 * over each column where a category spiked. Every bar has a `<title>`, so
 * hovering shows its count; the SVG scales to the page and prints.
 * @example renderStackedChart(data.chart, (ms) => formatTime(ms, zone, 'minute'))
 */
export function renderStackedChart(chart: ReportChart, label: (ms: number) => string): string {
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const layout = layoutColumns(chart.columns.length);
  const { barWidth, x } = layout;
  const yMax = niceMax(Math.max(...chart.columns.map((c) => c.errors)));
  const y = (value: number): number => MARGIN.top + plotHeight - (value / yMax) * plotHeight;
  const stacked = chart.columns.map(() => 0);

  const parts: string[] = [
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="chart-title">Errors per category, per ${escapeHtml(chart.bucket)}</title>`,
  ];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const value = Math.round(yMax * tick);
    const ty = fixed(y(value));
    parts.push(`<line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${ty}" y2="${ty}"/>`);
    parts.push(`<text class="axis" x="${MARGIN.left - 6}" y="${ty}" text-anchor="end" dominant-baseline="middle">${value}</text>`);
  }
  for (const category of chart.categories) {
    parts.push(`<g class="series" data-category="${escapeHtml(category.name)}" fill="${category.color}">`);
    chart.columns.forEach((column, i) => {
      const count = column.categories.get(category.name) ?? 0;
      if (count === 0) return;
      const top = y(stacked[i]! + count);
      const height = y(stacked[i]!) - top;
      stacked[i] = stacked[i]! + count;
      parts.push(
        `<rect x="${fixed(x(i))}" y="${fixed(top)}" width="${fixed(barWidth)}" height="${fixed(height)}">` +
          `<title>${escapeHtml(category.name)}: ${count} at ${escapeHtml(label(column.start))}</title></rect>`,
      );
    });
    parts.push('</g>');
  }
  parts.push('<g class="spikes">');
  for (const [i, categories] of chart.spikes) {
    const cx = layout.center(i);
    const top = y(stacked[i]!) - 4;
    parts.push(
      `<path class="spike" d="M${fixed(cx)} ${fixed(top)} l5 -9 h-10 z">` +
        `<title>Spike at ${escapeHtml(label(chart.columns[i]!.start))}: ${escapeHtml(categories.join(', '))}</title></path>`,
    );
  }
  parts.push('</g>');
  const axisY = MARGIN.top + plotHeight;
  parts.push(`<line class="axis-line" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${axisY}" y2="${axisY}"/>`);
  parts.push(...timeAxisLabels(chart.columns.map((c) => c.start), layout, axisY + 18, label));
  parts.push('</svg>');
  return parts.join('\n');
}

/** A round top for the y axis that splits into four whole steps: 4, 8, 20, 40, 100, 200… */
function niceMax(max: number): number {
  if (max <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 4, 5, 8, 10]) if (m * magnitude >= max && (m * magnitude) % 4 === 0) return m * magnitude;
  return Math.ceil(max / 4) * 4;
}
