import { readDimensions, type Dimensions } from './envelope-dimensions.js';

/**
 * A Loki label set as Prometheus writes one, `{container="api", pod="api-1"}`
 * (names bare, values Go-quoted), or `{}`; then the padding before the line.
 */
const LABEL_SET = /^\{((?:[A-Za-z_][A-Za-z0-9_]{0,127}="(?:[^"\\]|\\.){0,1024}"(?:, )?){0,64})\}(?: +|$)/;
const LABEL = /([A-Za-z_][A-Za-z0-9_]{0,127})="((?:[^"\\]|\\.){0,1024})"/g;

/**
 * The label set `logcli query` prints between an entry's time and its line
 * in its default output (`<time> {<labels but the common ones>} <line>`,
 * the labels padded to the longest), as dimensions — the pod, container,
 * namespace and host they name, the whole set as the line's stream — and
 * the line after it; null when the text does not start with a label set.
 * @example takeLabelSet('{container="api", pod="api-1"}  boom')?.text // 'boom'
 */
export function takeLabelSet(text: string): { text: string; origin: Dimensions } | null {
  if (text.charCodeAt(0) !== 0x7b /* { */) return null;
  const set = LABEL_SET.exec(text);
  if (!set) return null;
  const labels: Record<string, string> = {};
  for (const [, name, value] of set[1]!.matchAll(LABEL)) labels[name!] = unquote(value!);
  const origin = readDimensions(labels, '');
  const stream = set[1] === '' ? null : `labels=${set[1]}`;
  return { text: text.slice(set[0].length), origin: { ...origin, stream, time: null } };
}

/** A Go-quoted value's text: `\"` and `\\` and the other escapes %q writes. */
function unquote(value: string): string {
  if (!value.includes('\\')) return value;
  try {
    return JSON.parse(`"${value}"`) as string;
  } catch {
    return value;
  }
}
