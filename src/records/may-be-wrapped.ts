import { mayStartDebugPrefix } from './debug-prefix.js';
import { mayBeFlyAfterTime } from './fly-logs.js';
import { mayStartSamLine, mayStartWithLogStream } from './log-stream-prefix.js';
import { mayBeLogfmtEnvelope } from './logfmt-envelope.js';
import { mayCarryEnvelope } from './may-carry-envelope.js';
import { mayBeFluentBitStdout } from './fluent-bit-stdout.js';
import { mayStartGrafanaRow } from './grafana-row.js';
import { mayStartGrepPrefix } from './grep-prefix.js';
import { mayStartPapertrailRow } from './papertrail-row.js';
import { mayStartPm2Line } from './pm2-lines.js';
import { MAX_PREFIX } from './service-prefix.js';
import { mayStartWithPodTail } from './unwrap-pod-tail.js';
import { afterOctetCount } from './unwrap-syslog.js';

/**
 * Whether `text[from, to)` may carry a wrapper or an envelope that
 * unwrapLine removes, beyond the CRI and kubectl forms the fast path checks
 * itself: a shipper's envelope (see mayCarryEnvelope; Vector's logfmt records, see mayBeLogfmtEnvelope), a syslog header
 * (`Nov 22 09:44:34 host program:`, `<134>1 …`), Fluent Bit's printed events, Grafana's and
 * Papertrail's rows, a `docker compose logs`
 * or `docker service logs` prefix (`api-1  | `, see takeServicePrefix), a pod tailer's (see mayStartWithPodTail)
 * or PM2's (see mayStartPm2Line), the debug package's (see mayStartDebugPrefix); grep's
 * file name (see mayStartGrepPrefix). A
 * superset of what the unwrappers take, settled on a line's first
 * characters but for envelopes; such a line is never quiet, since its
 * stream, not its position, decides its record.
 * @example mayBeWrapped('Nov 22 09:44:34 node-1 app[12]: at x') // true
 */
export function mayBeWrapped(text: string, from = 0, to = text.length, firstBar?: number): boolean {
  // grep's file name before a line it printed from one of several files (`/var/log/app/a.log:`) leads no JSON line: not asked of one.
  return mayBePrefixed(text, from, to, firstBar) || mayCarryEnvelope(text, from, to) || mayBeLogfmtEnvelope(text, from, to) || mayStartGrepPrefix(text, from, to);
}

/**
 * mayBeWrapped but for envelopes: whether `text[from, to)` may start with a
 * syslog header, a `docker compose logs` or `docker service logs` prefix or a pod tailer's. The
 * fast path asks it of a JSON line before reading the line's keys for an
 * envelope itself (see keysMayCarryEnvelope). `firstBar`, when known, is where the first `|`
 * at or after `from` is (-1: none in the line), which spares the search
 * for the bar.
 * @example mayBePrefixed('api-1  | {"level":30}') // true
 */
export function mayBePrefixed(text: string, from = 0, to = text.length, firstBar?: number): boolean {
  const first = text.charCodeAt(from);
  if (first === 0x3c /* < */ && isDigit(text, from + 1)) return true;
  // A JSON text sequence's record separator (RFC 7464) before the line's value.
  if (first === 0x1e) return true;
  // The debug package's coloured namespace, `  \e[31;1mmqtt:sync \e[0m`.
  if (first === 0x20 && mayStartDebugPrefix(text, from, to)) return true;
  // Led by digits that are no date (a date's dash at the fifth character): a row of Grafana's downloaded logs,
  // `<epoch ms>\t<time>\t`; of Papertrail's archives, `<id>\t<time>\t`; journalctl's short-unix, `1795340674.085123 `;
  // a Lambda log stream's date, written with slashes.
  if (isDigit(text, from) && text.charCodeAt(from + 4) !== 0x2d /* - */) {
    if (mayStartGrafanaRow(text, from, to) || mayStartPapertrailRow(text, from, to)) return true;
    if (text.charCodeAt(from + 10) === 0x2e && text.charCodeAt(from + 17) === 0x20) return true;
    if (afterOctetCount(text, from, to) > 0) return true;
    // `sam logs`' Lambda log stream, `2026/11/22/[$LATEST]…`.
    if (mayStartSamLine(text, from, to)) return true;
  }
  // An event Fluent Bit's stdout output printed, `[0] <tag>: [`, or its tail, `", "stream"=>`.
  if ((first === 0x5b || first === 0x22) && mayBeFluentBitStdout(text, from, to)) return true;
  // `Nov 22 09:44:34 `: a month, a day, a time; journalctl's short-full, `Sun 2026-11-22 `.
  if (first >= 0x41 && first <= 0x5a && text.charCodeAt(from + 3) === 0x20) {
    if (text.charCodeAt(from + 9) === 0x3a && text.charCodeAt(from + 12) === 0x3a) return true;
    if (text.charCodeAt(from + 8) === 0x2d && text.charCodeAt(from + 11) === 0x2d) return true;
  }
  // stern's `<pod> <container> `, kubetail's `[<pod>] `, a colour before either (or before `pm2 logs`' prefix).
  if (mayStartWithPodTail(text, from, to)) return true;
  // `pm2 logs`' `0|api  | `, and its `--format` fields.
  if (mayStartPm2Line(text, from, to)) return true;
  // `api-1  | `: a replica number, padding, a bar; `api.1.<task>@node-1    | `: a task on its node — looked for
  // in the line's head only (`text` may be a whole block's view: a search must not run past the line).
  const bar = findBar(text, from + 3, Math.min(to, from + MAX_PREFIX + 2), firstBar);
  if (bar < 0) return false;
  let end = bar;
  while (end > from && text.charCodeAt(end - 1) === 0x20) end--;
  return isDigit(text, end - 1) || holdsAt(text, from, end);
}

/**
 * Whether `text[from, to)`, the text after a time that leads its line, may
 * be the rest of a wrapper: a syslog header (see mayBeSyslogAfterTime),
 * `aws logs tail`'s log stream (see mayStartWithLogStream) or `fly logs`'
 * instance (see mayBeFlyAfterTime).
 * @example mayBeWrappedAfterTime('2026-11-22T09:44:34.085000+00:00 ecs/api/0123 boom', 33, 50) // true
 */
export function mayBeWrappedAfterTime(text: string, from: number, to: number): boolean {
  return mayBeSyslogAfterTime(text, from, to) || mayStartWithLogStream(text, from, to) || mayBeFlyAfterTime(text, from, to);
}

/**
 * Whether `text[from, to)`, the text after a time that leads its line
 * (`2026-11-22T09:44:34.123456+08:00 `), may be the rest of a syslog header
 * unwrapSyslog takes: at most two words, the last ending in `]:`
 * (`node-1 mqtt-admin[812]: `, Heroku's `app[web.1]: `).
 * @example mayBeSyslogAfterTime('node-1 mqtt-admin[812]: boom', 0, 28) // true
 */
export function mayBeSyslogAfterTime(text: string, from: number, to: number): boolean {
  const limit = Math.min(to, from + 320);
  let spaces = 0;
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5d /* ] */) return text.charCodeAt(i + 1) === 0x3a && i + 1 < to;
    if (c === 0x20 && ++spaces > 1) return false;
  }
  return false;
}

/**
 * Where ` | ` starts in `text[from, to)`, or -1 (a native search of the
 * range alone); from one before the first `|` when it is known (firstBar).
 */
function findBar(text: string, from: number, to: number, firstBar?: number): number {
  const start = firstBar === undefined ? from : firstBar < 0 ? to : Math.max(from, firstBar - 1);
  if (to - start < 3) return -1;
  const at = text.substring(start, to).indexOf(' | ');
  return at < 0 ? -1 : start + at;
}

/** Whether `text[from, to)` holds an `@` (searched within the range alone). */
function holdsAt(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x40 /* @ */) return true;
  return false;
}

function isDigit(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 0x30 && c <= 0x39;
}
