import { readDimensions, type Dimensions } from './envelope-dimensions.js';

/** Labels a set may hold, and characters a name or a value may have: Loki's own limits are lower. */
const MAX_LABELS = 64;
const MAX_NAME = 128;
const MAX_VALUE = 1024;

/**
 * The label set `logcli query` prints between an entry's time and its line
 * in its default output (`<time> {<labels but the common ones>} <line>`,
 * the labels padded to the longest), as dimensions — the pod, container,
 * namespace and host they name, the whole set as the line's stream — and
 * the line after it; null when the text does not start with a label set
 * as Prometheus writes one: `{}` or `{name="value", …}`, names bare, values
 * Go-quoted, then blanks or the line's end.
 * @example takeLabelSet('{container="api", pod="api-1"}  boom')?.text // 'boom'
 */
export function takeLabelSet(text: string): { text: string; origin: Dimensions } | null {
  const set = readLabelSet(text);
  if (set === null) return null;
  let at = set.end;
  if (at < text.length && text.charCodeAt(at) !== 0x20) return null;
  while (text.charCodeAt(at) === 0x20) at++;
  const origin = readDimensions(set.labels, '');
  const stream = set.end === 2 ? null : `labels=${text.slice(1, set.end - 1)}`;
  return { text: text.slice(at), origin: { ...origin, stream, time: null, zoned: false } };
}

/** The labels of the set at the text's start and where it ends (after its `}`), or null. */
function readLabelSet(text: string): { labels: Record<string, string>; end: number } | null {
  if (text.charCodeAt(0) !== 0x7b /* { */) return null;
  const labels: Record<string, string> = {};
  let at = 1;
  if (text.charCodeAt(at) === 0x7d /* } */) return { labels, end: 2 };
  for (let count = 0; count < MAX_LABELS; count++) {
    const nameStart = at;
    if (!isNameStart(text.charCodeAt(at))) return null;
    while (at - nameStart < MAX_NAME && isNameChar(text.charCodeAt(at))) at++;
    const name = text.slice(nameStart, at);
    if (text.charCodeAt(at) !== 0x3d /* = */ || text.charCodeAt(at + 1) !== 0x22 /* " */) return null;
    const value = readQuoted(text, at + 1);
    if (value === null) return null;
    labels[name] = value.text;
    at = value.end;
    const next = text.charCodeAt(at);
    if (next === 0x7d /* } */) return { labels, end: at + 1 };
    if (next !== 0x2c /* , */ || text.charCodeAt(at + 1) !== 0x20) return null;
    at += 2;
  }
  return null;
}

/** The Go-quoted string whose `"` is at `at`: its text (`\"`, `\\` and the other escapes %q writes read) and where it ends, or null. */
function readQuoted(text: string, at: number): { text: string; end: number } | null {
  let i = at + 1;
  let escaped = false;
  for (; i < text.length && i - at <= MAX_VALUE; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      escaped = true;
      i++;
    } else if (c === 0x22 /* " */) break;
  }
  if (text.charCodeAt(i) !== 0x22 || i >= text.length) return null;
  const raw = text.slice(at + 1, i);
  if (!escaped) return { text: raw, end: i + 1 };
  try {
    return { text: JSON.parse(`"${raw}"`) as string, end: i + 1 };
  } catch {
    return { text: raw, end: i + 1 };
  }
}

function isNameStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39);
}
