import { fixed } from './chart-frame.js';
import { escapeHtml as h } from './escape-html.js';

const WIDTH = 96;
const HEIGHT = 22;

/**
 * A code's errors over the run's range as a tiny inline SVG bar chart, one
 * bar per column scaled to the code's own peak (an empty column draws
 * nothing, a column with one error at least a sliver). Its `<title>` names
 * the peak, so the shape does not have to be read for the number.
 * @example renderCodeSparkline([0, 2, 9, 1], '#e15759', '5m')
 */
export function renderCodeSparkline(values: readonly number[], color: string, bucket: string): string {
  const max = Math.max(0, ...values);
  const step = WIDTH / values.length;
  const bars = values
    .map((v, i) => {
      if (v <= 0) return '';
      const height = Math.max(1.5, (v / max) * HEIGHT);
      return `<rect x="${fixed(i * step)}" y="${fixed(HEIGHT - height)}" width="${fixed(Math.max(step * 0.8, 0.8))}" height="${fixed(height)}"/>`;
    })
    .join('');
  const total = values.reduce((a, v) => a + v, 0);
  const title = total === 0 ? 'no error with a time' : `${total} timed ${total === 1 ? 'error' : 'errors'}; at most ${max} per ${bucket}`;
  return `<svg class="spark" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" fill="${h(color)}"><title>${h(title)}</title><line class="base" x1="0" x2="${WIDTH}" y1="${HEIGHT - 0.5}" y2="${HEIGHT - 0.5}"/>${bars}</svg>`;
}
