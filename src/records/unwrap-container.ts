import { parseTimestamp } from '../time/parse-time.js';
import { takeDebugPrefix } from './debug-prefix.js';
import { takeFlyLine } from './fly-logs.js';
import { NO_DIMENSIONS } from './envelope-dimensions.js';
import { takeStamp } from './leading-stamp.js';
import { isAwsTailStamp, takeLogStream, takeSamLine } from './log-stream-prefix.js';
import { takeLabelSet } from './loki-labels.js';
import { mayStartPm2Line, takePm2Format, takePm2Prefix } from './pm2-lines.js';
import { takeServicePrefix, takeSwarmPrefix } from './service-prefix.js';
import type { UnwrappedLine } from './unwrap-line.js';
import { unwrapPodTail } from './unwrap-pod-tail.js';
import { unwrapSyslog } from './unwrap-syslog.js';

const CRI_LINE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)) (stdout|stderr) ([FP])(?: (.*))?$/s;
const KUBECTL_PREFIX = /^\[pod\/([^/\]\s]+)\/([^\]\s]+)\] /;

/**
 * Removes the plain-text wrapper a runtime or a relay puts around an
 * application's line: the CRI node format (`<time> stdout F <line>`),
 * `kubectl logs --prefix` / `--timestamps`, `aws logs tail`'s time and log
 * stream (see takeLogStream), `logcli query`'s time and labels (see
 * takeLabelSet), `docker compose logs`' and `docker service logs`' prefixes
 * (see takeServicePrefix), a syslog header (see unwrapSyslog), stern's and kubetail's pod
 * prefixes (see unwrapPodTail), `pm2 logs`' process prefix and `--format`
 * fields (see takePm2Prefix), `fly logs`' time, instance, region and level (see
 * takeFlyLine), `sam logs`' log stream and time (see takeSamLine), the `debug` package's coloured namespace (see
 * takeDebugPrefix, also inside an envelope). (Docker's json-file format is an envelope,
 * see peel-envelope.ts.) Returns null for a line that has no such wrapper.
 * Pure: no state, nothing thrown. Only CRI's form is looked for inside an
 * envelope; the others only on the line as read (`outermost`): inside an
 * envelope, a leading time is the application's own, and stays in its line.
 * @example unwrapContainer('2026-11-22T09:44:34.085123456Z stderr F boom')
 */
export function unwrapContainer(line: string, outermost = true): UnwrappedLine | null {
  const first = line.charCodeAt(0);
  // debug's coloured prefix is the application's own, so it is taken inside an envelope too.
  if (first === 0x20) {
    const debug = takeDebugPrefix(line);
    if (debug || !outermost) return debug;
  }
  if (first >= 0x30 && first <= 0x39) {
    const cri = unwrapCri(line);
    if (cri || !outermost) return cri;
  } else if (!outermost) return null;
  if (first === 0x5b /* [ */) return unwrapKubectl(line) ?? unwrapPodTail(line) ?? takeServicePrefix(line);
  if (first >= 0x30 && first <= 0x39) {
    return unwrapSyslog(line) ?? takeFlyLine(line) ?? takeSamLine(line) ?? unwrapKubectl(line) ?? takeServicePrefix(line) ?? (mayStartPm2Line(line, 0, line.length) ? takePm2Prefix(line) : null);
  }
  const taken = unwrapSyslog(line) ?? unwrapPodTail(line) ?? takeServicePrefix(line);
  if (taken) return taken;
  if (first === 0x1b) return takeFlyLine(line) ?? takePm2Prefix(line);
  if (first === 0x50 /* P */) return takePm2Prefix(line);
  return first === 0x74 /* t */ || first === 0x61 /* a */ ? takePm2Format(line) : null;
}

function unwrapCri(line: string): UnwrappedLine | null {
  const m = CRI_LINE.exec(line);
  if (!m) return null;
  return {
    text: m[4] ?? '',
    origin: { ...NO_DIMENSIONS, stream: m[2]!, time: parseTimestamp(m[1]!), zoned: true },
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
  const stamped = takeStamp(rest);
  if (!prefix && !stamped) return null;
  const time = stamped?.time ?? null;
  const zoned = stamped?.zoned ?? false;
  if (stamped) {
    // `aws logs tail`: its stamp is followed by the event's log stream; `logcli query`'s by the entry's labels,
    // `docker service logs`' by the task's prefix.
    const named = prefix ? null : isAwsTailStamp(rest, rest.length - stamped.text.length) ? takeLogStream(stamped.text) : (takeLabelSet(stamped.text) ?? takeSwarmPrefix(stamped.text));
    if (named) return { text: named.text, origin: { ...named.origin, time, zoned }, partial: false };
    rest = stamped.text;
  }
  return { text: rest, origin: { ...NO_DIMENSIONS, pod, container, time, zoned }, partial: false };
}
