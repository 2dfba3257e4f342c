import { parseTimestamp } from '../time/parse-time.js';
import { NO_DIMENSIONS } from './envelope-dimensions.js';
import type { UnwrappedLine } from './unwrap-line.js';

const CRI_LINE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) (stdout|stderr) ([FP])(?: (.*))?$/s;
const KUBECTL_PREFIX = /^\[pod\/([^/\]\s]+)\/([^\]\s]+)\] /;
const KUBECTL_TIMESTAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) /;

/**
 * Removes the plain-text wrapper Kubernetes puts around an application's
 * line: the CRI node format (`<time> stdout F <line>`) and `kubectl logs
 * --prefix` / `--timestamps`. (Docker's json-file format is an envelope,
 * see peel-envelope.ts.) Returns null for a line that has no such wrapper.
 * Pure: no state, nothing thrown. kubectl's forms are looked for only on
 * the line as read (`outermost`): inside an envelope, a leading time is the
 * application's own, and stays in its line.
 * @example unwrapContainer('2026-11-22T09:44:34.085123456Z stderr F boom')
 */
export function unwrapContainer(line: string, outermost = true): UnwrappedLine | null {
  const first = line.charCodeAt(0);
  if (first === 0x5b /* [ */) return outermost ? unwrapKubectl(line) : null;
  if (first >= 0x30 && first <= 0x39) return unwrapCri(line) ?? (outermost ? unwrapKubectl(line) : null);
  return null;
}

function unwrapCri(line: string): UnwrappedLine | null {
  const m = CRI_LINE.exec(line);
  if (!m) return null;
  return {
    text: m[4] ?? '',
    origin: { ...NO_DIMENSIONS, stream: m[2]!, time: parseTimestamp(m[1]!) },
    partial: m[3] === 'P',
  };
}

function unwrapKubectl(line: string): UnwrappedLine | null {
  let rest = line;
  let pod: string | null = null;
  let container: string | null = null;
  const prefix = KUBECTL_PREFIX.exec(rest);
  if (prefix) {
    pod = prefix[1]!;
    container = prefix[2]!;
    rest = rest.slice(prefix[0].length);
  }
  let time: number | null = null;
  const stamp = KUBECTL_TIMESTAMP.exec(rest);
  if (stamp) {
    time = parseTimestamp(stamp[1]!);
    rest = rest.slice(stamp[0].length);
  }
  if (!prefix && !stamp) return null;
  return { text: rest, origin: { ...NO_DIMENSIONS, pod, container, time }, partial: false };
}
