import { parseTimestamp } from '../time/parse-time.js';
import type { LineOrigin } from './assemble-records.js';

/** A physical line with its container or shipper wrapper removed. */
export interface UnwrappedLine {
  text: string;
  origin: LineOrigin;
  /** The runtime split this line; its text continues on the next line of the same stream. */
  partial: boolean;
}

const CRI_LINE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) (stdout|stderr) ([FP])(?: (.*))?$/s;
const KUBECTL_PREFIX = /^\[pod\/([^/\]\s]+)\/([^\]\s]+)\] /;
const KUBECTL_TIMESTAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) /;
const DOCKER_JSON_START = '{"log":';

/**
 * Removes the wrapper Kubernetes or Docker put around an application's line:
 * the CRI node format (`<time> stdout F <line>`), Docker's json-file format,
 * and `kubectl logs --prefix` / `--timestamps`. Returns null for a line that
 * has no wrapper. Pure: no state, nothing thrown.
 * @example unwrapContainer('2026-11-22T09:44:34.085123456Z stderr F boom')
 */
export function unwrapContainer(line: string): UnwrappedLine | null {
  const first = line.charCodeAt(0);
  if (first === 0x7b /* { */) return line.startsWith(DOCKER_JSON_START) ? unwrapDocker(line) : null;
  if (first === 0x5b /* [ */) return unwrapKubectl(line);
  if (first >= 0x30 && first <= 0x39) return unwrapCri(line) ?? unwrapKubectl(line);
  return null;
}

function unwrapCri(line: string): UnwrappedLine | null {
  const m = CRI_LINE.exec(line);
  if (!m) return null;
  return {
    text: m[4] ?? '',
    origin: { pod: null, container: null, stream: m[2]!, time: parseTimestamp(m[1]!) },
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
  return { text: rest, origin: { pod, container, stream: null, time }, partial: false };
}

function unwrapDocker(line: string): UnwrappedLine | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { log, stream, time } = parsed as { log?: unknown; stream?: unknown; time?: unknown };
  if (typeof log !== 'string') return null;
  const partial = !log.endsWith('\n');
  let text = partial ? log : log.slice(0, -1);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  return {
    text,
    origin: {
      pod: null,
      container: null,
      stream: typeof stream === 'string' ? stream : null,
      time: typeof time === 'string' ? parseTimestamp(time) : null,
    },
    partial,
  };
}

