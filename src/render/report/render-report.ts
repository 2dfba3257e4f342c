import { createHash } from 'node:crypto';
import { formatTime } from '../../time/format-time.js';
import { escapeHtml as h } from './escape-html.js';
import { num, pct, swatch, tableBox } from './html-cells.js';
import { renderRateChart } from './rate-chart.js';
import { renderBreakdowns } from './render-breakdowns.js';
import { renderCodes } from './render-codes.js';
import { renderUncatalogued } from './render-uncatalogued.js';
import { prepareReport, type ReportData, type ReportInput } from './report-data.js';
import { REPORT_SCRIPT } from './report-script.js';
import { REPORT_CSS } from './report-style.js';
import { renderStackedChart } from './stacked-chart.js';

/**
 * The HTML report: one self-contained file (inline CSS, SVG and script; no
 * request leaves the page, and its Content-Security-Policy forbids any).
 * Every value from the logs or a catalog is escaped.
 * @example await writeFile('day.html', renderReport({ summary, series, catalog, zone: UTC, commandLine, generatedAt: Date.now() }))
 */
export function renderReport(input: ReportInput): string {
  const data = prepareReport(input);
  const csp = [
    "default-src 'none'",
    `style-src '${sha256(REPORT_CSS)}'`,
    `script-src '${sha256(REPORT_SCRIPT)}'`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const range = data.range ? `${data.range.from} → ${data.range.to} ${data.zone}` : 'no timed records';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${h(csp)}">
<meta name="generator" content="mqerr">
<title>${h(`mqerr: ${data.totals.errors} API errors, ${range}`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>MQTT API errors</h1>
<p class="meta">${h(range)} · catalog ${h(data.catalog.version)} · generated ${h(data.generatedAt)} ${h(data.zone)}</p>
</header>
${renderCards(data)}
${renderWindow(data)}
${renderChartSection(data, input)}
${renderCategories(data)}
${renderCodes(data)}
${renderUncatalogued(data)}
${renderBreakdowns(data)}
${renderWhere(data)}
${renderSources(data)}
<footer>
<p>Catalog <code>${h(data.catalog.version)}</code> (${num(data.catalog.entries)} entries). Times in ${h(data.zone)}.</p>
<p>Produced by <code class="command">${h(data.commandLine)}</code></p>
</footer>
</main>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

function renderCards(data: ReportData): string {
  const t = data.totals;
  const cards: [string, string][] = [
    ['API errors', num(t.errors)],
    ['Successes', num(t.successes)],
    ['Error rate', data.errorRate === null ? '–' : `${(data.errorRate * 100).toFixed(1)}%`],
    ['Records', num(t.records)],
    ['Lines', num(t.lines)],
    ['Sources', num(data.sources.length)],
  ];
  const notes: string[] = [];
  if (t.truncated > 0) notes.push(`${num(t.truncated)} lines truncated`);
  if (t.undecodable > 0) notes.push(`${num(t.undecodable)} lines with invalid UTF-8`);
  const failed = data.sources.filter((s) => s.error).length;
  if (failed > 0) notes.push(`${num(failed)} unreadable inputs (see Sources)`);
  return `<section class="cards" aria-label="Totals">
${cards.map(([label, value]) => `<div class="card"><div class="value">${h(value)}</div><div class="label">${h(label)}</div></div>`).join('\n')}
</section>${notes.length > 0 ? `\n<p class="error">${h(notes.join(' · '))}</p>` : ''}`;
}

function renderWindow(data: ReportData): string {
  const w = data.window;
  if (!w) return '';
  return `<p class="window">Counted records from ${h(w.since)} to ${h(w.until)} ${h(data.zone)}; left out ${num(w.before)} before, ${num(w.after)} after and ${num(w.untimed)} without a time.</p>`;
}

function renderChartSection(data: ReportData, input: ReportInput): string {
  const chart = data.chart;
  const untimed =
    data.untimedErrors > 0
      ? `<p class="muted">${num(data.untimedErrors)} ${data.untimedErrors === 1 ? 'error carried' : 'errors carried'} no time and ${data.untimedErrors === 1 ? 'is' : 'are'} not in the chart.</p>`
      : '';
  if (!chart) {
    const why = input.series ? 'No error in this run carried a time.' : 'These summaries were made without --bucket, so they hold no time series.';
    return `<section id="chart-section">\n<h2>Errors over time</h2>\n<p class="muted no-chart">${h(why)}</p>\n${untimed}</section>`;
  }
  const label = (ms: number): string => formatTime(ms, input.zone, chart.precision);
  const legend = chart.categories
    .map((c) => `<li>${swatch(c.color)}${h(c.name)}</li>`)
    .join('');
  return `<section id="chart-section">
<h2>Errors over time <span class="muted">(per ${h(chart.bucket)}, ${h(data.zone)})</span></h2>
${renderStackedChart(chart, label)}
<ul class="legend">${legend}</ul>
${renderRate(data, chart, label)}
${untimed}</section>`;
}

function renderRate(data: ReportData, chart: NonNullable<ReportData['chart']>, label: (ms: number) => string): string {
  const rate = chart.rate;
  if (!rate) return '';
  const what =
    rate.unit === 'share'
      ? `share of logged API calls that failed, per ${h(chart.bucket)}; gaps where no call was logged`
      : `errors per minute, per ${h(chart.bucket)}: no successful call was logged, so there is no share to show`;
  return `<div id="error-rate">
<h3>Error rate <span class="muted">(${what})</span></h3>
${renderRateChart(rate, chart.columns.map((c) => c.start), label)}
</div>`;
}

function renderCategories(data: ReportData): string {
  const total = data.totals.errors;
  const anySpike = data.categories.some((c) => c.spikes.length > 0);
  const rows = data.categories.map((c) => {
    const spikes = c.spikes.map((s) => `${s.at}: ${num(s.count)} vs ${s.baseline}`).join('; ');
    const spikeCell = anySpike ? `<td class="spike-note">${h(spikes)}</td>` : '';
    return `<tr><td>${swatch(c.color)}${h(c.name)}</td><td class="num">${num(c.count)}</td><td class="num">${pct(c.count, total)}</td>${spikeCell}</tr>`;
  });
  const spikeHead = anySpike ? `<th>Spikes (bucket: errors vs trailing baseline per ${h(data.chart?.bucket ?? 'bucket')})</th>` : '';
  const spikeNote =
    data.spikeFactor !== null && !anySpike && rows.length > 0
      ? `<p class="muted">No spikes: no bucket reached ${data.spikeFactor}× its category's trailing baseline.</p>`
      : '';
  return `<section id="categories">
<h2>Errors by category</h2>
${rows.length === 0 ? '<p class="muted">No API errors.</p>' : tableBox('categories', 'Errors by category', `<tr><th>Category</th><th class="num">Errors</th><th class="num">Share</th>${spikeHead}</tr>`, rows.join('\n'))}
${spikeNote}</section>`;
}

function renderWhere(data: ReportData): string {
  if (data.where.length === 0) return '';
  const tables = data.where.map(
    (w) =>
      `<div>${tableBox(
        `where-${w.title.toLowerCase()}`,
        w.title,
        `<tr><th>${h(w.title)}</th><th class="num">Errors</th></tr>`,
        w.rows.map((r) => `<tr><td class="mono">${h(r.key)}</td><td class="num">${num(r.count)}</td></tr>`).join('\n'),
      )}</div>`,
  );
  return `<section id="where">\n<h2>Where the errors came from</h2>\n<div class="where">${tables.join('\n')}</div>\n</section>`;
}

function renderSources(data: ReportData): string {
  const sum = (pick: (s: ReportData['sources'][number]) => number): string => num(data.sources.reduce((a, s) => a + pick(s), 0));
  const rows = data.sources.map(
    (s) =>
      `<tr><td class="mono">${h(s.name)}</td><td class="num">${num(s.lines)}</td><td class="num">${num(s.bytes)}</td><td class="num">${num(s.records)}</td><td class="num">${num(s.errors)}</td><td class="num">${num(s.successes)}</td><td class="mono time">${h(s.firstSeen ?? '–')}</td><td class="mono time">${h(s.lastSeen ?? '–')}</td><td class="error">${h(s.error ?? '')}</td></tr>`,
  );
  return `<section id="sources">
<h2>Sources</h2>
${tableBox(
  'sources',
  'Sources',
  '<tr><th>Source</th><th class="num">Lines</th><th class="num">Bytes read</th><th class="num">Records</th><th class="num">Errors</th><th class="num">Successes</th><th>First time</th><th>Last time</th><th>Read error</th></tr>',
  rows.join('\n'),
  `<tr><td>All sources</td><td class="num">${sum((s) => s.lines)}</td><td class="num">${sum((s) => s.bytes)}</td><td class="num">${sum((s) => s.records)}</td><td class="num">${sum((s) => s.errors)}</td><td class="num">${sum((s) => s.successes)}</td><td></td><td></td><td></td></tr>`,
)}
</section>`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
