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
  /** The product the finding's own body names (an Alibaba body's HostId, a COS or OSS XML body), if any. */
  product: string | null;
  /** Found in a JSON log line's own top-level fields: the application's, not an API's, when an API's is also there. */
  own: boolean;
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
  /**
   * RequestIds seen beside an error: in a response body, an SDK's error text
   * or an object with a code. An error without a paired code takes one of
   * these before any other id of the record (an application's, a platform's).
   */
  readonly pairedRequestIds: string[] = [];
  /** Another cloud's error shape (an S3 body, a Google error body) was seen: which cloud. */
  otherCloud: string | null = null;
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

  addCode(code: string, strength: Strength, requestId: string | null = null, product: string | null = null, own = false): void {
    this.codes.push({ code, strength, requestId, product, own });
    if (requestId !== null) this.addPairedRequestId(requestId);
  }

  addRequestId(id: string): void {
    if (this.seenRequestIds.has(id)) return;
    this.seenRequestIds.add(id);
    this.requestIds.push(id);
  }

  /** A RequestId seen beside an error (see pairedRequestIds). */
  addPairedRequestId(id: string): void {
    this.addRequestId(id);
    if (this.pairedRequestIds.length < 64 && !this.pairedRequestIds.includes(id)) this.pairedRequestIds.push(id);
  }

  noteOtherCloud(cloud: string): void {
    this.otherCloud ??= cloud;
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
