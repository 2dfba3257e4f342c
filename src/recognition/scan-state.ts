import { STRENGTH, type Evidence, type Strength } from './evidence.js';
import type { RecognitionContext } from './recognition-context.js';

/** A labelled RequestId and where its label starts. */
export interface PlacedId {
  id: string;
  at: number;
}

/**
 * What the shapes of one text share while scanText reads them, in the
 * table's order: the text, the record's evidence, where an SDK's error text
 * starts and the labelled RequestIds found so far, which say how strong a
 * code found at a place is and which RequestId goes with it.
 */
export class ScanState {
  /** Where the first SDK error text starts (see the `sdk-error-text` shape), or -1. */
  sdkAt = -1;
  /** The labelled RequestIds, in order (see the `labelled-request-id` shape). */
  requestIds: PlacedId[] = [];
  /** aliyun-java-sdk-core's one-line error text was found: its two-line form is not looked for. */
  javaSdkError = false;
  /** A Tea error text's message was found (the `tea-message` shape): no other SDK's message is looked for. */
  teaMessage = false;

  constructor(
    readonly text: string,
    readonly evidence: Evidence,
    readonly ctx: RecognitionContext,
    /** Walks a JSON body found inside the text (walkJson, handed in so the shapes need not import it). */
    readonly walkBody: (body: unknown) => void,
  ) {}

  /**
   * The RequestId that goes with a code at `at`: the SDKs write the code first
   * and its RequestId after it (`Code=X, Message=…, RequestId=…`, `code: 400, …
   * request id: …`), so the first one after the code; else the nearest before.
   * Two SDK texts on one line each keep their own id.
   */
  pair(at: number): string | null {
    let before: string | null = null;
    for (const placed of this.requestIds) {
      if (placed.at > at) return placed.id;
      before = placed.id;
    }
    return before;
  }

  /** A labelled code's strength: the SDK's own from its error text on, paired beside a RequestId, else labelled. */
  placed(at: number): Strength {
    // A code written before the SDK's error text starts is the application's, not the SDK's.
    if (this.sdkAt >= 0 && at >= this.sdkAt) return STRENGTH.sdk;
    return this.pair(at) ? STRENGTH.paired : STRENGTH.labelled;
  }

  /** Paired beside a RequestId, else labelled. */
  besideId(at: number): Strength {
    return this.pair(at) ? STRENGTH.paired : STRENGTH.labelled;
  }
}
