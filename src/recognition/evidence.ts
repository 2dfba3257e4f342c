import type { Vendor } from '../types.js';

/**
 * How sure a finding is that it names an API error, strongest first:
 * a documented response body, an SDK's own error text, a code beside a
 * RequestId in one object or sentence, a labelled code alone, a code
 * inferred from an error's class name.
 */
export const STRENGTH = { body: 5, sdk: 4, paired: 3, labelled: 2, inferred: 1 } as const;
export type Strength = (typeof STRENGTH)[keyof typeof STRENGTH];

/** A code seen in a record, with the RequestId found beside it, if any. */
export interface CodeFinding {
  code: string;
  strength: Strength;
  requestId: string | null;
}

/**
 * Everything recognition noticed in one record. Findings are collected
 * first and decided on once, so a code that repeats in the body, the
 * message and a URL still makes one event.
 */
export class Evidence {
  readonly codes: CodeFinding[] = [];
  /** Distinct RequestIds in the order seen (a Set: a hostile record may repeat thousands). */
  readonly requestIds: string[] = [];
  private readonly seenRequestIds = new Set<string>();
  /** Vendor → weight of the signs that point at it. */
  readonly vendorWeights = new Map<Vendor, number>();
  /** An SDK's error text or exception was seen, so a RequestId alone is an error. */
  sdkError = false;
  /**
   * A vendor SDK exception heads an exception line and no transport failure
   * is in sight: the API answered, even if the text shows no code or id.
   */
  sdkHeader = false;
  /** A documented success body was seen. */
  success = false;
  successRequestId: string | null = null;
  action: string | null = null;
  observedStatus: number | null = null;
  /** Candidate texts of the error's message, most likely first. */
  readonly messages: string[] = [];
  time: number | null = null;
  /** Count of texts scanned, to bound work on hostile records. */
  textsScanned = 0;

  addCode(code: string, strength: Strength, requestId: string | null = null): void {
    this.codes.push({ code, strength, requestId });
  }

  addRequestId(id: string): void {
    if (this.seenRequestIds.has(id)) return;
    this.seenRequestIds.add(id);
    this.requestIds.push(id);
  }

  hintVendor(vendor: Vendor, weight: number): void {
    this.vendorWeights.set(vendor, (this.vendorWeights.get(vendor) ?? 0) + weight);
  }

  noteAction(action: string): void {
    this.action ??= action;
  }

  noteMessage(message: string): void {
    const text = message.trim();
    if (text.length > 0 && !this.messages.includes(text) && this.messages.length < 8) this.messages.push(text);
  }

  noteStatus(status: number): void {
    this.observedStatus ??= status;
  }
}
