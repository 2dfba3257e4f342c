import { isAscii } from 'node:buffer';
import { topLevelTime } from '../time/top-level-time.js';
import { JsonKeys, jsonObjectEnd } from './json-line-shape.js';
import { TOO_MANY_KEYS, type LineSearch } from './line-search.js';
import { jsonTimeFromKeys, leadingTimeAt } from './line-time.js';
import { timestampOnlyEnd } from './line-start.js';
import { startsWithTimeOfDay } from '../time/leading-time.js';
import { parseTimestampToMinute } from '../time/parse-time.js';

/**
 * Where the lines of a block go. A quiet line is one recognition would find
 * nothing in — no word of the gate, no container wrapper — and that starts
 * a new record whatever came before; it arrives with what recognition would
 * have read from it (its time, whether it is a JSON object) and is not
 * decoded (an ASCII line never is). Every other line arrives as `loud`, to be
 * decoded and taken through the full path.
 */
export interface LineSink {
  /**
   * A quiet line, `buf[start, end)`; `ascii`: its bytes are all ASCII (so
   * valid UTF-8, as the line's own check need not find again);
   * `wrapperTime` is the time of a `kubectl logs --timestamps` stamp removed
   * from its start (see timestampOnlyEnd), whose text alone `start` then
   * points at; `escapeFree`: a JSON line the shape walk read whole (see
   * jsonObjectEnd), so one without a single backslash.
   */
  quiet(buf: Buffer, start: number, end: number, json: boolean, time: number | null, ascii: boolean, wrapperTime?: number | null, escapeFree?: boolean): void;
  /** A loud line; `plain`: found to carry no wrapper or envelope (a JSON line whose keys were read), so none need be looked for. */
  loud(buf: Buffer, start: number, end: number, plain?: boolean): void;
}

/**
 * What recognition reacts to, as this layer asks it: handed in by
 * src/pipeline (see src/pipeline/line-gate.ts), so that the words are
 * recognition's own and this layer knows nothing of its shapes.
 */
export interface LineGate {
  /**
   * Finds the words recognition reacts to, in any case (global), in a
   * block's Latin-1 view: a line it finds nothing in yields no event, only
   * its time. (Matching in any case folds no character beyond ASCII onto an
   * ASCII letter, so the view's bytes of other characters never make a hit.)
   */
  anyCase: RegExp;
  /** The same search in WebAssembly, over a block's bytes (see LineSearch); null where it cannot serve. */
  search: LineSearch | null;
  /** Whether a JSON key can make its line an event (a code field, a `RequestId`); `lineHoldsKey` says whether the line holds another key. */
  isEventKey: (key: string, lineHoldsKey: (key: string) => boolean) => boolean;
  /** Whether a JSON string value can count toward an event (it holds a code, a RequestId, an SDK's error text…). */
  valueMayMatter: (value: string) => boolean;
}

export interface QuietLineOptions {
  /** Container wrappers are removed (`--unwrap`), so a wrapped line is never quiet. */
  unwrap: boolean;
  /**
   * Whether a line may carry a wrapper or a shipper's envelope beyond the
   * CRI and kubectl forms checked here; with unwrapping on, such a line is
   * never quiet: its stream decides its record.
   */
  wrappers: WrapperChecks;
  /** Recognition's words, and its answers for a JSON key or value that holds one (see harmlessHits). */
  gate: LineGate;
  /**
   * Whether a line starts a record whatever record is open: record
   * assembly's rule (src/records/continuation.ts), handed in so that this
   * layer knows nothing of how records are grouped.
   */
  alwaysStartsRecord: (line: string) => boolean;
}

/**
 * The records layer's answers about wrappers and envelopes (see
 * src/records/may-be-wrapped.ts), handed in so that this layer knows
 * nothing of their vocabulary; each answers for `view[from, to)` alone.
 * `firstBar`, where known, is where the first `|` at or after `from` is
 * (-1: none before `to`), as the gate's WebAssembly search found it.
 */
export interface WrapperChecks {
  /** Any wrapper or envelope, for a line that is not JSON. */
  any: (view: string, from: number, to: number, firstBar?: number) => boolean;
  /** The rest of a syslog header after the time that leads the line (`host program[pid]: `). */
  afterTime: (view: string, from: number, to: number) => boolean;
  /** A syslog header or a `docker compose logs` prefix alone. */
  prefix: (view: string, from: number, to: number, firstBar?: number) => boolean;
  /** A shipper's envelope, for a `{`-led line that is not JSON of the shape jsonObjectEnd accepts. */
  envelope: (view: string, from: number, to: number) => boolean;
  /** A shipper's envelope, for a line that is one JSON object of that shape, from its keys (see JsonKeys). */
  envelopeInKeys: (view: string, keys: JsonKeys) => boolean;
}

const NO_HIT = Number.MAX_SAFE_INTEGER;

/** The keys of the JSON line being classified: one object, refilled line after line. */
const lineKeys = new JsonKeys();

/**
 * The gate hits of the line being classified: from the list the
 * WebAssembly search made of them (see LineSearch), or, where it made none,
 * found by the gate's regular expression. One object, refilled line after line.
 */
class LineHits {
  private regex: RegExp | null = null;
  private list: Int32Array | null = null;
  private at = 0;
  private end = 0;

  refill(regex: RegExp, list: Int32Array | null, at: number, end: number): void {
    this.regex = regex;
    this.list = list;
    this.at = at;
    this.end = end;
  }

  /** The first hit at or after `from` in `view` (NO_HIT: none on the line, or beyond it). */
  next(view: string, from: number): number {
    const { list } = this;
    if (list === null) return nextHit(this.regex!, view, from);
    while (this.at < this.end && list[this.at]! < from) this.at++;
    return this.at < this.end ? list[this.at]! : NO_HIT;
  }
}

const lineHits = new LineHits();

/**
 * Sorts the lines of `buf[start, end)` (lines separated by "\n", see
 * LineScanner) into quiet and loud ones, in order, with one pass of the gate
 * over the block rather than a decoded string per line: the gate's
 * WebAssembly search where it serves (see LineSearch), else its regular
 * expression over the block's Latin-1 view, which finds the same.
 * `atSourceStart` says the block's first line is line 1 of its source, where
 * a byte order mark is removed by the full path.
 * @example classifyLines(Buffer.from('{"level":30,"time":1,"msg":"ok"}'), 0, 33, sink, { unwrap: true }, true)
 */
export function classifyLines(buf: Buffer, start: number, end: number, sink: LineSink, options: QuietLineOptions, atSourceStart: boolean): void {
  const block: Block = { buf, start, text: buf.toString('latin1', start, end), ascii: isAscii(buf.subarray(start, end)), atSourceStart };
  const { text } = block;
  const { search } = options.gate;
  let p = 0;
  if (search !== null) {
    search.load(buf, start, end);
    for (;;) {
      const lines = search.scan(p);
      const { ends, hits, firsts, pipes } = search;
      const listed = search.lost() ? null : search.list;
      for (let i = 0; i < lines; i++) {
        const nl = ends[i]!;
        const hit = hits[i]!;
        lineHits.refill(options.gate.anyCase, listed, firsts[i]!, firsts[i + 1]!);
        classifyOne(block, p, nl, hit < 0 ? NO_HIT : hit, sink, options, pipes[i]!);
        p = nl + 1;
      }
      // Only the block's last line ends at its length (a newline is always before it).
      if (ends[lines - 1] === text.length) return;
    }
  }
  let gateAt = -1;
  for (;;) {
    let nl = text.indexOf('\n', p);
    if (nl < 0) nl = text.length;
    if (gateAt < p) gateAt = nextHit(options.gate.anyCase, text, p);
    lineHits.refill(options.gate.anyCase, null, 0, 0);
    classifyOne(block, p, nl, gateAt < nl ? gateAt : NO_HIT, sink, options);
    if (nl >= text.length) return;
    p = nl + 1;
  }
}

/** A block of lines being classified, and its Latin-1 view. */
interface Block {
  buf: Buffer;
  start: number;
  text: string;
  /** Whether the whole block is ASCII. */
  ascii: boolean;
  atSourceStart: boolean;
}

/**
 * The line `text[p, nl)` of a block (nl: its newline, or the block's end),
 * whose first gate hit is at `gateAt` (NO_HIT: none) and first `|` at
 * `firstBar` (-1: none; undefined: not known), handed to the sink as quiet
 * or as loud.
 */
function classifyOne(
  { buf, start, text, ascii, atSourceStart }: Block,
  p: number,
  nl: number,
  gateAt: number,
  sink: LineSink,
  options: QuietLineOptions,
  firstBar?: number,
): void {
  // The line is text[p, lineEnd): the full path removes one trailing "\r".
  const lineEnd = nl > p && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
  const from = start + p;
  const to = start + lineEnd;
  let handed = !(atSourceStart && p === 0 && hasByteOrderMark(buf, start));
  if (handed && !ascii && !isAscii(buf.subarray(from, to))) {
    // A line with other characters is read as the full path decodes it (invalid bytes as U+FFFD).
    handed = gateAt === NO_HIT && classifyLine(buf.toString('utf8', from, to), 0, NO_HIT, from, to, buf, sink, options, false);
  } else if (handed) {
    // A line with a gate hit is loud unless it is JSON that holds the gate's words where recognition ignores them
    // (`"statusCode":200`); classifyLine still settles whether it carries a wrapper.
    handed = classifyLine(text, p, gateAt, from, to, buf, sink, options, true, lineEnd, firstBar);
  }
  if (!handed) sink.loud(buf, from, to);
}

/**
 * One line of `view` (the block's Latin-1 view, or the line decoded), at
 * `view[p, lineEnd)`, whose bytes are `buf[from, to)`: hands it to the sink
 * as quiet, or as loud but plain (found to carry no wrapper or envelope, so
 * the full path does not unwrap it), and returns true; or returns false for
 * the caller to pass it on as loud. `gateAt` is the first gate hit on the
 * line (NO_HIT: none), which only a JSON line can survive as quiet. `inBlock`: the view is the block's
 * (the line is ASCII: any other is decoded first), whose bytes the gate's
 * WebAssembly search has loaded; `firstBar`: see WrapperChecks.
 */
function classifyLine(
  view: string,
  p: number,
  gateAt: number,
  from: number,
  to: number,
  buf: Buffer,
  sink: LineSink,
  options: QuietLineOptions,
  inBlock: boolean,
  lineEnd = view.length,
  firstBar?: number,
): boolean {
  // A line ending in `caused by:` makes the next line part of its record, whatever that line is.
  if (mayLeaveCauseOpen(view, p, lineEnd)) return false;
  const first = view.charCodeAt(p);
  if (first === 0x7b /* { */) {
    // A brace alone opens a value printed after the line before it, whose record it may continue: the full path's to decide.
    if (onlyWhitespace(view, p + 1, lineEnd)) return false;
    return !(options.unwrap && options.wrappers.prefix(view, p, lineEnd, firstBar)) && classifyJson(buf, from, to, view, p, lineEnd, gateAt, sink, options, inBlock);
  }
  if (options.unwrap && options.wrappers.any(view, p, lineEnd, firstBar)) return false;
  if (options.unwrap && leadsWithAnyStamp(view, p, lineEnd, buf, from, to)) return gateAt === NO_HIT && classifyStamped(view, p, from, to, buf, sink, options, inBlock, lineEnd, firstBar);
  // kubectl's `[pod/…]` prefix is the full path's to remove (see startsRecordAlways).
  if (options.unwrap && first === 0x5b /* [ */ && view.startsWith('[pod/', p)) return false;
  // From here on the line carries no wrapper and no envelope: a loud one goes on as plain, not to be unwrapped again.
  if (gateAt !== NO_HIT || !startsRecordAlways(view, p, lineEnd, first, options)) {
    sink.loud(buf, from, to, true);
    return true;
  }
  sink.quiet(buf, from, to, false, leadingTimeAt(view, p, lineEnd), inBlock);
  return true;
}

/**
 * A line led by `kubectl logs --timestamps`' time alone, as winston's and
 * log4j2's ISO timestamps are too (see timestampOnlyEnd): the unwrapper
 * removes the time, which names no stream, and the text after it is the
 * record's. Quiet when that text is a plain line that starts a record
 * whatever came before and carries no further wrapper; its time is the
 * text's own, else the stamp's, as the full path reads them. (A CRI line or
 * a JSON text after the time stays loud.)
 */
function classifyStamped(
  view: string,
  p: number,
  from: number,
  to: number,
  buf: Buffer,
  sink: LineSink,
  options: QuietLineOptions,
  inBlock: boolean,
  lineEnd: number,
  firstBar?: number,
): boolean {
  const textAt = timestampOnlyEnd(buf, from, to);
  if (textAt < 0 || textAt >= to) return false;
  // The stamp is ASCII: as many characters in the view as bytes in the buffer.
  const q = p + (textAt - from);
  const first = view.charCodeAt(q);
  // The line's first `|` is the text's too, unless it stands in the stamp.
  const textBar = firstBar === undefined || firstBar < 0 || firstBar >= q ? firstBar : undefined;
  if (first === 0x7b /* { */ || first === 0x5b /* [ */ || leadsWithStamp(view, q, lineEnd) || options.wrappers.any(view, q, lineEnd, textBar)) return false;
  if (options.wrappers.afterTime(view, q, lineEnd)) return false;
  if (!startsRecordAlways(view, q, lineEnd, first, options)) return false;
  // A time of day alone yields to the stamp's time, which has its date (as recognizeAll has it).
  // The stamp without its space (and a level's pad), and PM2's without its colon too.
  let stampEnd = q - 1;
  if (view.charCodeAt(stampEnd - 1) === 0x20 || view.charCodeAt(stampEnd - 1) === 0x3a /* : */) stampEnd--;
  const stamp = parseTimestampToMinute(view.slice(p, stampEnd));
  const own = stamp !== null && startsWithTimeOfDay(view, q) ? null : leadingTimeAt(view, q, lineEnd);
  sink.quiet(buf, textAt, to, false, own, inBlock, stamp);
  return true;
}

/**
 * leadsWithStamp, or a stamp with a space where a date ends that
 * timestampOnlyEnd takes (PM2's `2026-11-22 09:44 +08:00: `), the line's
 * bytes being `buf[from, to)`.
 */
function leadsWithAnyStamp(text: string, p: number, lineEnd: number, buf: Buffer, from: number, to: number): boolean {
  if (lineEnd <= p + 10 || !isDigit(text, p)) return false;
  const end = text.charCodeAt(p + 10);
  return end === 0x54 /* T */ || (end === 0x20 && text.charCodeAt(p + 13) === 0x3a && timestampOnlyEnd(buf, from, to) >= 0);
}

/** `2026-11-22T…` (CRI, kubectl --timestamps): a digit, and a `T` where a date ends, within the line. */
function leadsWithStamp(text: string, p: number, lineEnd: number): boolean {
  return lineEnd > p + 10 && isDigit(text, p) && text.charCodeAt(p + 10) === 0x54; /* T */
}

/**
 * Whether the line may end with `caused by:` (leavesCauseOpen): its last
 * character but for ASCII spaces is a colon, or is not ASCII (a space
 * `\s` matches beyond ASCII). Settled on the line alone, so it errs on the
 * side of the full path.
 */
function mayLeaveCauseOpen(view: string, p: number, lineEnd: number): boolean {
  let i = lineEnd - 1;
  for (let c = view.charCodeAt(i); i >= p && (c === 0x20 || (c >= 0x09 && c <= 0x0d)); c = view.charCodeAt(--i));
  if (i < p) return false;
  const last = view.charCodeAt(i);
  return last === 0x3a /* : */ || last > 0x7f;
}

function nextHit(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  const m = pattern.exec(text);
  return m ? m.index : NO_HIT;
}

function hasByteOrderMark(buf: Buffer, at: number): boolean {
  return buf[at] === 0xef && buf[at + 1] === 0xbb && buf[at + 2] === 0xbf;
}


/**
 * Whether a non-JSON line starts a record whatever is open (and, with
 * unwrapping on, carries no container wrapper). Digit-led lines, the most
 * common, are settled on their first characters.
 */
function startsRecordAlways(text: string, p: number, lineEnd: number, first: number, { unwrap, alwaysStartsRecord }: QuietLineOptions): boolean {
  if (first >= 0x30 && first <= 0x39) {
    // A wrapper's stamp (`2026-11-22T…Z `) never gets here with unwrapping on: see classifyStamped.
    if (isDatePrefix(text, p)) return true;
    return alwaysStartsRecord(text.slice(p, Math.min(lineEnd, p + 32)));
  }
  // Monolog's `[stacktrace]` alone on its line heads the frames of the record before it.
  if (first === 0x5b /* [ */) return !(unwrap && text.startsWith('[pod/', p)) && !onlyWhitespace(text, p + 1, lineEnd) && !isStacktraceMark(text, p, lineEnd);
  return alwaysStartsRecord(text.slice(p, lineEnd));
}

const STACKTRACE_MARK = '[stacktrace]';

/** `[stacktrace]`, then nothing but blanks. */
function isStacktraceMark(text: string, p: number, lineEnd: number): boolean {
  return text.startsWith(STACKTRACE_MARK, p) && onlyWhitespace(text, p + STACKTRACE_MARK.length, lineEnd);
}

/** `2026-11-22` or `2026/11/22`: one of LOG_LINE_START's forms. */
function isDatePrefix(text: string, p: number): boolean {
  const sep1 = text.charCodeAt(p + 4);
  const sep2 = text.charCodeAt(p + 7);
  return (
    isDigit(text, p + 1) && isDigit(text, p + 2) && isDigit(text, p + 3) &&
    (sep1 === 0x2d || sep1 === 0x2f) && isDigit(text, p + 5) && isDigit(text, p + 6) &&
    (sep2 === 0x2d || sep2 === 0x2f) && isDigit(text, p + 8) && isDigit(text, p + 9)
  );
}

function isDigit(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 0x30 && c <= 0x39;
}

/**
 * A JSON-looking line: quiet when it carries no envelope and is valid JSON
 * (or not JSON at all, which recognition treats as plain text with no time).
 * Common shapes are checked in place, their keys read for an envelope in the
 * same walk; the rest are parsed. Returns true when it has handed the line
 * to the sink: as quiet, or as loud but found plain (a gate hit that may
 * count, in a line with neither prefix nor envelope); false leaves the line
 * to the caller, as loud.
 */
function classifyJson(
  buf: Buffer,
  from: number,
  to: number,
  view: string,
  p: number,
  lineEnd: number,
  gateAt: number,
  sink: LineSink,
  { unwrap, wrappers, gate }: QuietLineOptions,
  inBlock: boolean,
): boolean {
  // The shape walk runs in WebAssembly on the block's bytes where they are loaded, else here.
  const search = inBlock ? gate.search : null;
  let keys = lineKeys;
  let objectEnd = search === null ? TOO_MANY_KEYS : search.json(p);
  if (objectEnd === TOO_MANY_KEYS) objectEnd = jsonObjectEnd(view, p, keys);
  else keys = search!.keys;
  const shaped = objectEnd >= 0 && objectEnd <= lineEnd && onlyWhitespace(view, objectEnd, lineEnd);
  // A gate hit leaves only a line of the accepted shape a chance: the rest go loud before their envelope is looked for.
  if (gateAt !== NO_HIT && !shaped) return false;
  if (unwrap && (shaped ? wrappers.envelopeInKeys(view, keys) : wrappers.envelope(view, p, lineEnd))) return false;
  if (gateAt !== NO_HIT && !harmlessHits(view, p, lineEnd, gateAt, gate, keys)) {
    // Loud, but what it is not is settled: its prefix and envelope were looked for (see classifyLine).
    sink.loud(buf, from, to, true);
    return true;
  }
  if (shaped) {
    const time = jsonTimeFromKeys(view, keys);
    if (time !== undefined) {
      // The walk accepts no escape, and only whitespace follows the object: the line holds no backslash.
      sink.quiet(buf, from, to, true, time, inBlock, null, true);
      return true;
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(buf.toString('utf8', from, to));
  } catch {
    sink.quiet(buf, from, to, false, null, inBlock);
    return true;
  }
  sink.quiet(buf, from, to, true, topLevelTime(parsed as { [key: string]: unknown }), inBlock);
  return true;
}

/**
 * Whether every gate hit on an escape-free JSON line, from `hitAt` on,
 * lies where it cannot make an event: in a key other than a code or
 * RequestId field, or in a string value that names no such field and holds
 * no code, RequestId or SDK error text (`"statusCode":200`, `"msg":"request
 * completed"`; see valueMayMatter). A hit anywhere else makes the line loud.
 * `keys` are the line's keys as the shape walk recorded them.
 */
function harmlessHits(view: string, p: number, lineEnd: number, hitAt: number, gate: LineGate, keys: JsonKeys): boolean {
  let hit = hitAt;
  let open = view.indexOf('"', p);
  while (hit < lineEnd) {
    if (open < 0 || open > hit) return false; // outside any string: leave it to the full path
    const close = view.indexOf('"', open + 1);
    if (hit < close) {
      const token = view.slice(open + 1, close);
      const isKey = view.charCodeAt(skipWhitespace(view, close + 1)) === 0x3a; /* : */
      if (isKey ? gate.isEventKey(token, (key) => holdsKey(view, keys, key)) : gate.valueMayMatter(token)) return false;
      hit = lineHits.next(view, close);
    }
    open = view.indexOf('"', close + 1);
  }
  return true;
}

/** Whether the JSON line whose keys the shape walk recorded in `keys` has the key `key`. */
function holdsKey(view: string, keys: JsonKeys, key: string): boolean {
  const { count, starts, ends } = keys;
  for (let k = 0; k < count; k++) {
    if (ends[k]! - starts[k]! === key.length && view.startsWith(key, starts[k]!)) return true;
  }
  return false;
}

function onlyWhitespace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  for (let c = text.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0d; c = text.charCodeAt(++i));
  return i;
}
