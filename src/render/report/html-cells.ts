import { escapeHtml as h } from './escape-html.js';

/**
 * The small pieces every report section writes: numbers, shares, colour
 * swatches and the box a table sits in. The box scrolls sideways on its
 * own, so a wide table never widens the page, and its `data-name` names
 * the table for the filter box the page's script adds above it.
 */

/** A count with thousands separators: `12,345`. */
export function num(value: number): string {
  return value.toLocaleString('en-US');
}

/** `part` as a percentage of `whole` with one decimal; `–` when there is no whole. */
export function pct(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((part / whole) * 100).toFixed(1)}%`;
}

/** A ratio (0…1) as a percentage with one decimal; `–` for none. */
export function ratio(value: number | null): string {
  return value === null ? '–' : `${(value * 100).toFixed(1)}%`;
}

/** A link to Alibaba's troubleshooting page; `url` was checked to be https on aliyun.com, and is escaped here. */
export function recommendLink(url: string): string {
  return `<a class="recommend" href="${h(url)}" target="_blank" rel="noopener noreferrer">Alibaba troubleshooting ↗</a>`;
}

/**
 * A dotted code, escaped, that may wrap after each dot in a narrow column
 * (`FailedOperation.<wbr>TopicCreating`); copying it gives the code unchanged.
 */
export function codeText(code: string): string {
  return h(code).replace(/\./g, '.<wbr>');
}

export function swatch(color: string): string {
  return `<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" rx="2" fill="${h(color)}"/></svg>`;
}

/**
 * A table in its scrolling box. `head` and `body` are already HTML (their
 * values escaped by the caller); `name` is plain text.
 * @example tableBox('vendors', 'Errors by vendor', '<tr><th>Vendor</th></tr>', rows.join('\n'))
 */
export function tableBox(className: string, name: string, head: string, body: string, foot = ''): string {
  return `<div class="scroll"><table class="${h(className)}" data-name="${h(name)}">
<thead>${head}</thead>
<tbody>
${body}
</tbody>${foot ? `\n<tfoot>${foot}</tfoot>` : ''}
</table></div>`;
}
