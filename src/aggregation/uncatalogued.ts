import { redactRecordText } from '../redaction/redact-record-text.js';
import type { TaggedEvent, Vendor } from '../types.js';
import { DEFAULT_MAX_KEYS, KeyBudget } from './key-budget.js';
import { fnv1a } from './request-id-sample.js';

/** The record kept as an example of an uncatalogued code. */
export interface UncataloguedSample {
  source: string;
  line: number;
  /** The record's text, cut to MAX_SAMPLE_CHARS and with credentials redacted. */
  text: string;
}

/** A code seen in the logs that the catalog does not list, as the summary reports it. */
export interface UncataloguedCode {
  vendor: Vendor | null;
  code: string;
  count: number;
  /** The nearest catalogued dotted parent (`ResourceNotFound` for `ResourceNotFound.Group`), whose metadata was used. */
  parent: string | null;
  sample: UncataloguedSample;
}

/** A sample is cut to this many characters, so a summary stays small whatever the logs hold. */
export const MAX_SAMPLE_CHARS = 1000;
const CUT_MARK = '…';

/** Redaction sees this much past the sample's end, more than any one value it redacts by its name, so no cut splits a credential from its name. */
const REDACTION_MARGIN = 8192;

/**
 * The text kept as a sample, at most MAX_SAMPLE_CHARS (plus `…` when cut):
 * cut to a margin past that first, so redaction never works on much more,
 * then redacted, then cut to size. Redacting before the final cut means a
 * password cut off from the `@` of its URL, or a value from its closing
 * bracket, is still seen whole.
 * @example sampleText('GET /?AccessKeyId=LTAI5t&Signature=abc') // 'GET /?AccessKeyId=[REDACTED]&Signature=[REDACTED]'
 */
export function sampleText(recordText: string): string {
  const redacted = redactRecordText(cut(recordText, MAX_SAMPLE_CHARS + REDACTION_MARGIN));
  const wasCut = recordText.length > MAX_SAMPLE_CHARS || redacted.length > MAX_SAMPLE_CHARS;
  return wasCut ? cut(redacted, MAX_SAMPLE_CHARS) + CUT_MARK : redacted;
}

/** The first `max` characters, never halving a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

interface State extends UncataloguedCode {
  hash: number;
}

/**
 * Counts the codes the catalog does not list and keeps one sample record
 * each: the one whose sample text has the smallest hash (then text, source,
 * line). The choice does not depend on input order, so absorbing the lists of
 * two shards gives exactly the list of one run over both.
 */
export class UncataloguedCodes {
  private readonly codes = new Map<string, State>();
  private readonly budget: KeyBudget;
  /** Errors of codes past the budget, counted but not listed. */
  folded = 0;

  constructor(maxKeys = DEFAULT_MAX_KEYS) {
    this.budget = new KeyBudget(maxKeys);
  }

  /** Counts an error event whose code is not catalogued; `recordText` is its record's text. */
  add(event: TaggedEvent, recordText: string): void {
    if (event.event !== 'error' || event.code === null || event.catalogued) return;
    // A code past the budget is only counted: its sample is not redacted for nothing.
    if (!this.admit(`${event.vendor ?? ''}\u0000${event.code}`)) {
      this.folded++;
      return;
    }
    this.merge({
      vendor: event.vendor,
      code: event.code,
      count: 1,
      parent: event.parent,
      sample: { source: event.source, line: event.line, text: sampleText(recordText) },
    });
  }

  /** Adds the uncatalogued list of another run's summary, and the errors it counted without listing. */
  absorb(list: readonly UncataloguedCode[], folded = 0): void {
    for (const item of list) this.merge(item);
    this.folded += folded;
  }

  /** Most frequent first, then by vendor and code. */
  toList(): UncataloguedCode[] {
    return [...this.codes.values()]
      .sort((a, b) => b.count - a.count || cmp(a.vendor ?? '\uffff', b.vendor ?? '\uffff') || cmp(a.code, b.code))
      .map(({ hash: _hash, ...item }) => ({ ...item, sample: { ...item.sample } }));
  }

  /** Whether the code `key` is listed on its own (see KeyBudget): a kept code may be pushed out, its errors folded. */
  private admit(key: string): boolean {
    return this.budget.admit(key, (evicted) => {
      this.folded += this.codes.get(evicted)?.count ?? 0;
      this.codes.delete(evicted);
    });
  }

  private merge(item: UncataloguedCode): void {
    const key = `${item.vendor ?? ''}\u0000${item.code}`;
    const hash = fnv1a(item.sample.text);
    const state = this.codes.get(key);
    if (!state) {
      const kept = this.admit(key);
      if (kept) this.codes.set(key, { ...item, sample: { ...item.sample }, hash });
      else this.folded += item.count;
      return;
    }
    state.count += item.count;
    state.parent ??= item.parent;
    if (isBefore(hash, item.sample, state)) {
      state.sample = { ...item.sample };
      state.hash = hash;
    }
  }
}

function isBefore(hash: number, sample: UncataloguedSample, kept: State): boolean {
  if (hash !== kept.hash) return hash < kept.hash;
  return (cmp(sample.text, kept.sample.text) || cmp(sample.source, kept.sample.source) || sample.line - kept.sample.line) < 0;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
