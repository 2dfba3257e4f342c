/**
 * The report's only stylesheet, inlined: readable on a laptop (a column of
 * at most 1320px, tables that scroll sideways in their own box rather than
 * widen the page, charts that scale), at 800px, and on paper (no buttons or
 * filter boxes, no shadows, rows not split across pages).
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #dde1e8; --soft: #f5f6f8; --accent: #1b4f72; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1320px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 14px; margin: 18px 0 6px; }
h2 .muted, h3 .muted { font-weight: normal; font-size: 13px; }
a { color: var(--accent); }
p.meta, .muted { color: var(--muted); }
p.meta { margin: 0 0 16px; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin: 12px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: var(--soft); }
.card .value { font-size: 22px; font-weight: 600; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.scroll { overflow-x: auto; max-width: 100%; }
.filter { display: flex; align-items: center; gap: 10px; margin: 0 0 6px; }
.filter input { font: inherit; width: min(320px, 100%); padding: 4px 8px; border: 1px solid #b8c0cc; border-radius: 4px; }
.filter .count { color: var(--muted); font-size: 12px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { font-size: 12px; color: var(--muted); font-weight: 600; white-space: nowrap; background: #fff; }
th .unit { font-weight: normal; }
button.sort { font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
button.sort:hover { color: var(--ink); text-decoration: underline; }
button.sort::after { content: " ↕"; color: #b8c0cc; }
th[aria-sort="ascending"] button.sort::after { content: " ▲"; color: var(--accent); }
th[aria-sort="descending"] button.sort::after { content: " ▼"; color: var(--accent); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) { background: #fafbfc; }
tfoot td { font-weight: 600; border-top: 2px solid var(--line); }
table.categories { width: auto; min-width: 50%; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
.spike-note { color: #b00020; font-weight: 600; }
.codes td.text { min-width: 240px; max-width: 400px; }
.codes .code { font-weight: 600; }
.codes .category { white-space: nowrap; }
.codes td.text p { margin: 0 0 4px; }
.codes td.seen, .sources td.time { white-space: nowrap; font-size: 12px; }
.spark { display: block; margin-top: 3px; }
.spark .base { stroke: var(--line); stroke-width: 1; }
p.recommend { margin: 4px 0 0; }
.uncatalogued td.sample { min-width: 220px; max-width: 560px; }
td.nowrap { white-space: nowrap; }
.uncatalogued summary { cursor: pointer; overflow-wrap: anywhere; }
.uncatalogued .preview { color: var(--muted); font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.uncatalogued pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 6px 0 0; padding: 8px; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; font-size: 12px; max-height: 320px; overflow-y: auto; }
.top-codes { list-style: none; margin: 0; padding: 0; }
.top-codes li { margin: 0 0 2px; }
.ids { list-style: none; margin: 0; padding: 0; }
.ids li { display: flex; gap: 6px; align-items: center; white-space: nowrap; margin: 2px 0; }
button.copy { font: 12px system-ui, sans-serif; padding: 1px 7px; border: 1px solid #b8c0cc; border-radius: 4px; background: #fff; color: var(--ink); cursor: pointer; }
button.copy:hover { background: var(--soft); }
button.copy.done { border-color: #2e7d32; color: #2e7d32; }
.chart { width: 100%; height: auto; display: block; }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .axis-line { stroke: #9aa3b1; stroke-width: 1; }
.chart .axis { fill: var(--muted); font: 11px system-ui, sans-serif; }
.chart .spike { fill: #b00020; }
.chart.rate { margin-top: 4px; }
.rate-line { fill: none; stroke: var(--accent); stroke-width: 2; stroke-linejoin: round; }
.rate-dot { fill: var(--accent); }
.chart .hover rect { fill: transparent; }
.chart .hover rect:hover { fill: rgba(27, 79, 114, .08); }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 8px 0 0; padding: 0; list-style: none; font-size: 13px; }
.error { color: #b00020; }
.where { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 16px; }
.where > div { min-width: 0; }
.where td.mono { overflow-wrap: anywhere; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@media (max-width: 900px) {
  main { padding: 16px 12px 32px; }
  .codes td.text { min-width: 200px; }
  .chart .axis { font-size: 14px; }
}
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 11px; }
  main { max-width: none; padding: 0; }
  button.copy, .filter { display: none; }
  button.sort::after { content: none; }
  .uncatalogued pre { max-height: none; }
  .scroll { overflow: visible; }
  tr, .card, svg { break-inside: avoid; }
  h2 { break-after: avoid; }
  tbody tr:nth-child(even) { background: none; }
}
`;
