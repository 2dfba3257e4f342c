import { isZonedTime } from '../time/zoned-time.js';
import { parseTimestamp, parseTimeValue } from '../time/parse-time.js';
import { fillFromKubeletPath, mergeDimensions, NO_DIMENSIONS, type Dimensions } from './envelope-dimensions.js';
import { mayCarryEnvelope } from './may-carry-envelope.js';
import { takeLogfmtEnvelope } from './logfmt-envelope.js';
import { eventDimensions } from './event-dimensions.js';
import { peelEnvelope } from './peel-envelope.js';
import { takeFluentBitStdout } from './fluent-bit-stdout.js';
import { takeGrafanaRow } from './grafana-row.js';
import { takeGrepPrefix } from './grep-prefix.js';
import { takePapertrailRow } from './papertrail-row.js';
import { unwrapContainer } from './unwrap-container.js';

/** A physical line with every wrapper and envelope around the application's line removed. */
export interface UnwrappedLine {
  text: string;
  origin: Dimensions;
  /** The runtime split this line; its text continues on the next line of the same stream. */
  partial: boolean;
  /**
   * A shipper printed this line's text without escaping its line breaks
   * (Fluent Bit's stdout output): `opens` — the text runs on over the lines
   * after it, which carry no wrapper and belong to this line's stream;
   * `closes` — the line is the rest of such an event, and adds no text.
   */
  runOn?: 'opens' | 'closes';
  /**
   * The line's wrapper is a header whose entry's further lines follow
   * indented by this many spaces, with no header of their own (journalctl's
   * multi-line messages, see unwrapSyslog); a syslog header is taken only
   * where it begins the line as read.
   */
  hangingIndent?: number;
}

/** RFC 7464's record separator, before each JSON text of a sequence. */
const RECORD_SEPARATOR = 0x1e;
/** Layers peeled at most: a shipper's record around a runtime's around a platform's is three. */
const MAX_LAYERS = 8;
/** A prefix before an envelope (a time and a tag) is short. */
const MAX_PREFIX = 512;
/** Fluent Bit's out_file: `<tag>: [<epoch seconds>, {…}]`. */
const FLUENT_BIT_PREFIX = /^([^\s:]{1,256}): \[(\d{9,10}(?:\.\d{1,9})?), $/;
/** Fluentd's out_file: `<time>\t<tag>\t{…}`. */
const FLUENTD_PREFIX = /^([^\t]{10,40})\t([^\t]{0,256})\t$/;
/** Fluentd's stdout output (and `fluent-cat`'s echo): `<time with nanoseconds> <zone> <tag>: {…}`. */
const FLUENTD_STDOUT_PREFIX = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,9})? [+-]\d{4}) ([^\s]{1,256}): $/;

/**
 * Removes, layer by layer, whatever stands around the application's line:
 * container runtimes' wrappers (CRI, Docker's json-file, `kubectl logs
 * --prefix/--timestamps`), shippers' and platforms' JSON envelopes (see
 * peelEnvelope) and Vector's logfmt records (see takeLogfmtEnvelope), and an envelope after a shipper's prefix. The layers'
 * dimensions are merged; nothing of them stays in the text; a JSON text
 * sequence's record separator before a line is dropped. `asRead` says
 * the line is as a source holds it (kubectl's forms are looked for only
 * then; see unwrapContainer); a line an entry of a document carried is not.
 * Returns null for a line with no wrapper. Pure: no state, nothing thrown.
 * @example unwrapLine('{"log":"2026-11-22T09:44:34Z stderr F boom\\n","kubernetes":{"pod_name":"api-1"}}')
 */
export function unwrapLine(line: string, asRead = true): UnwrappedLine | null {
  let text = line;
  let origin: Dimensions | null = null;
  let partial = false;
  let runOn: UnwrappedLine['runOn'];
  let hangingIndent: number | undefined;
  for (let layer = 0; layer < MAX_LAYERS; layer++) {
    const peeled = peelLayer(text, asRead && layer === 0);
    if (!peeled) break;
    origin = origin ? mergeDimensions(origin, peeled.origin) : peeled.origin;
    partial ||= peeled.partial;
    runOn ??= peeled.runOn;
    hangingIndent ??= peeled.hangingIndent;
    // An event read as itself (see peelJson) is the innermost layer.
    if (peeled.text === text) break;
    text = peeled.text;
    // A part of a line is no line: what stands inside it is peeled once its parts are joined (see LineProcessor).
    if (partial) break;
  }
  if (!origin) return null;
  const unwrapped: UnwrappedLine = runOn === undefined ? { text, origin, partial } : { text, origin, partial, runOn };
  if (hangingIndent !== undefined) unwrapped.hangingIndent = hangingIndent;
  return unwrapped;
}

function peelLayer(text: string, outermost: boolean): UnwrappedLine | null {
  // A JSON text sequence's record separator (RFC 7464: `journalctl -o json-seq`, `jq --seq`) leads the value it separates.
  if (outermost && text.charCodeAt(0) === RECORD_SEPARATOR) return { text: text.slice(1), origin: { ...NO_DIMENSIONS }, partial: false };
  // A downloaded file's or an archive's row, or an event Fluent Bit printed, is the outermost layer, whatever its line holds (an envelope too).
  const row = outermost ? (takeGrafanaRow(text) ?? takePapertrailRow(text) ?? takeFluentBitStdout(text)) : null;
  if (row) return row;
  if (mayCarryEnvelope(text)) {
    const at = text.indexOf('{');
    const peeled = at === 0 || text.charCodeAt(0) === 0x20 ? peelJson(text) : peelPrefixed(text, at);
    if (peeled) return peeled;
  }
  // grep's file name before a line it printed is the outermost layer too, where no shipper's prefix (Fluent Bit's tag) stood there.
  return takeLogfmtEnvelope(text) ?? unwrapContainer(text, outermost) ?? (outermost ? takeGrepPrefix(text) : null);
}

/**
 * A JSON line's envelope peeled; or, for an application's event a platform
 * exported with its metadata beside it (see eventDimensions), the line
 * itself with what that metadata says.
 */
function peelJson(text: string): UnwrappedLine | null {
  const parsed = parseObject(text);
  if (!parsed) return null;
  const envelope = peelEnvelope(parsed);
  if (envelope) return { text: envelope.text, origin: envelope.dimensions, partial: envelope.partial };
  const around = eventDimensions(parsed);
  return around && { text, origin: around, partial: false };
}

/** An envelope after a shipper's prefix, whose time the prefix may give. */
function peelPrefixed(text: string, at: number): UnwrappedLine | null {
  if (at < 0 || at > MAX_PREFIX) return null;
  const prefix = text.slice(0, at);
  let tag: string;
  let time: number | null;
  let zoned: boolean;
  let json: string;
  const bit = FLUENT_BIT_PREFIX.exec(prefix);
  const fluentd = bit ? null : (FLUENTD_PREFIX.exec(prefix) ?? FLUENTD_STDOUT_PREFIX.exec(prefix));
  if (bit) {
    tag = bit[1]!;
    time = parseTimeValue(Number(bit[2]));
    zoned = true;
    const close = text.lastIndexOf(']');
    json = text.slice(at, close);
  } else if (fluentd) {
    tag = fluentd[2]!;
    time = parseTimestamp(fluentd[1]!) ?? parseTimeValue(fluentd[1]!);
    zoned = isZonedTime(fluentd[1]!);
    json = text.slice(at);
  } else return null;
  const inner = peelJson(json);
  if (!inner) return null;
  const outer: Dimensions = { ...NO_DIMENSIONS, stream: tag === '' ? null : `tag=${tag}`, time, zoned: time !== null && zoned };
  // in_tail's tag is the file's path with dots (`kubernetes.var.log.containers.<pod>_<namespace>_<container>-<id>.log`).
  if (tag.includes('.log')) fillFromKubeletPath(outer, tag);
  return { ...inner, origin: mergeDimensions(outer, inner.origin) };
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
