import type { Vendor } from '../types.js';
import { STRENGTH, type CodeFinding, type Evidence } from './evidence.js';
import { BODY_CODE_SHAPE, CODE_SHAPE, ERRNO_STYLE, EXCEPTION_NAME, NOT_A_CODE, REQUEST_ID_SHAPE, UUID_LOWER, UUID_UPPER } from './patterns.js';
import type { RecognitionContext } from './recognition-context.js';

/** The decision about one record: is it an API error or success, and whose. */
export interface Decision {
  event: 'error' | 'success' | null;
  vendor: Vendor | null;
  code: string | null;
  requestId: string | null;
  /** The product the error's own body names, if it does. */
  product: string | null;
}

const NO_EVENT: Decision = { event: null, vendor: null, code: null, requestId: null, product: null };
/** Further errors taken from one record, beyond the first. */
const MAX_FURTHER_ERRORS = 63;

/**
 * Decides once per record from all its findings: the strongest acceptable
 * code, the RequestId found beside it, and the vendor the signs agree on
 * (null when they do not say, as for a bare `InternalError`).
 */
export function decideEvent(evidence: Evidence, ctx: RecognitionContext): Decision {
  const hasRequestId = evidence.requestIds.length > 0;
  const finding = bestCode(evidence, ctx, hasRequestId);
  if (finding) {
    const requestId = validRequestId(finding.requestId) ?? firstValidRequestId(evidence);
    return { event: 'error', code: finding.code, requestId, vendor: attributeVendor(evidence, ctx, finding.code, requestId), product: finding.product };
  }
  if (evidence.sdkError && hasRequestId) {
    const requestId = firstValidRequestId(evidence);
    if (requestId) return { event: 'error', code: null, requestId, vendor: attributeVendor(evidence, ctx, null, requestId), product: null };
  }
  if (evidence.sdkHeader) return { event: 'error', code: null, requestId: null, vendor: attributeVendor(evidence, ctx, null, null), product: null };
  if (evidence.success && evidence.successRequestId) {
    const requestId = evidence.successRequestId;
    return { event: 'success', code: null, requestId, vendor: attributeVendor(evidence, ctx, null, requestId), product: null };
  }
  return NO_EVENT;
}

/**
 * Every API error of a record: the one decideEvent picks, then one per
 * further RequestId that a response body or an SDK's error text pairs with
 * an acceptable code (a batch result, two SDK texts on one line). The same
 * RequestId is one error however often its code repeats; an application's
 * own top-level `code`/`requestId` fields add none.
 * @example decideEvents(evidence, ctx) // [{ event: 'error', code: 'X', requestId: 'a…' }, { …, requestId: 'b…' }]
 */
export function decideEvents(evidence: Evidence, ctx: RecognitionContext): Decision[] {
  const first = decideEvent(evidence, ctx);
  if (first.event !== 'error' || first.requestId === null) return [first];
  const decisions = [first];
  const seen = new Set([first.requestId]);
  const byId = new Map<string, CodeFinding>();
  for (const finding of evidence.codes) {
    const id = validRequestId(finding.requestId);
    if (id === null || seen.has(id) || finding.own || finding.strength < STRENGTH.sdk) continue;
    const best = byId.get(id);
    if (best && finding.strength <= best.strength) continue;
    if (isAcceptable(finding, ctx, true, evidence.vendorWeights.size > 0 || evidence.sdkError)) byId.set(id, finding);
  }
  for (const [requestId, finding] of byId) {
    if (decisions.length > MAX_FURTHER_ERRORS) break;
    decisions.push({ event: 'error', code: finding.code, requestId, vendor: attributeVendor(evidence, ctx, finding.code, requestId), product: finding.product });
  }
  return decisions;
}

function bestCode(evidence: Evidence, ctx: RecognitionContext, hasRequestId: boolean): CodeFinding | null {
  let best: CodeFinding | null = null;
  for (const finding of evidence.codes) {
    if (best && finding.strength <= best.strength) continue;
    if (isAcceptable(finding, ctx, hasRequestId || evidence.sdkError, evidence.vendorWeights.size > 0 || evidence.sdkError)) best = finding;
  }
  return best;
}

/**
 * A code counts when the catalog knows it (or its parent or pattern), or when
 * the record is unmistakably a vendor API error: a response body, or a vendor's
 * SDK text or host beside a RequestId. An application's own `code` + `requestId`
 * fields alone do not make an API error.
 */
function isAcceptable(finding: CodeFinding, ctx: RecognitionContext, apiContext: boolean, vendorSigned: boolean): boolean {
  const { code, strength } = finding;
  // `InvalidParameter.%s` is how a catalog writes a pattern, never a code an API returns.
  if (code.includes('%')) return false;
  // A documented response body names its code whatever it looks like (`toString`, `__proto__`).
  if (strength === STRENGTH.body) return BODY_CODE_SHAPE.test(code) && !NOT_A_CODE.has(code) && !EXCEPTION_NAME.test(code);
  if (!CODE_SHAPE.test(code) || NOT_A_CODE.has(code) || EXCEPTION_NAME.test(code)) return false;
  const exact = ctx.catalog.vendorsWithExact(code).length > 0;
  if (exact) return strength >= STRENGTH.labelled || apiContext;
  if (ERRNO_STYLE.test(code)) return false;
  const related = ctx.catalog.lookupAnyVendor(code).length > 0;
  if (strength >= STRENGTH.paired) return related || (apiContext && vendorSigned);
  return related && strength >= STRENGTH.labelled && apiContext;
}

function validRequestId(id: string | null): string | null {
  return id && REQUEST_ID_SHAPE.test(id) && !/^(?:None|null|undefined)$/i.test(id) ? id : null;
}

/**
 * The RequestId of an error whose code names none: one seen beside an error
 * (in a body, an SDK's text, an object with a code) before any other id of
 * the record, such as a Lambda's `requestId` or an access log's request id.
 */
function firstValidRequestId(evidence: Evidence): string | null {
  for (const id of evidence.pairedRequestIds) if (validRequestId(id)) return id;
  for (const id of evidence.requestIds) if (validRequestId(id)) return id;
  return null;
}

/**
 * Weighs the signs: body shapes and SDK markers (already in the evidence),
 * the RequestId's case, and which vendors' catalogs know the code. A tie
 * means the record does not say.
 */
const scratchWeights = new Map<Vendor, number>();

function addWeight(weights: Map<Vendor, number>, vendor: Vendor | null, weight: number): void {
  if (vendor) weights.set(vendor, (weights.get(vendor) ?? 0) + weight);
}

function attributeVendor(evidence: Evidence, ctx: RecognitionContext, code: string | null, requestId: string | null): Vendor | null {
  // The winner is the one heaviest vendor, whatever order the weights are in, so one map serves every call.
  const weights = scratchWeights;
  weights.clear();
  for (const vendor of evidence.vendorWeights.keys()) weights.set(vendor, evidence.vendorWeights.get(vendor)!);
  if (requestId) {
    if (UUID_LOWER.test(requestId)) addWeight(weights, ctx.lowerCaseIds, 2);
    else if (UUID_UPPER.test(requestId)) addWeight(weights, ctx.upperCaseIds, 2);
  }
  if (code) {
    const exact = ctx.catalog.vendorsWithExact(code);
    if (exact.length === 1) addWeight(weights, exact[0]!, 3);
    else if (exact.length === 0) {
      const related = ctx.catalog.lookupAnyVendor(code);
      if (related.length === 1) addWeight(weights, related[0]!.entry.vendor, 2);
    }
    if (evidence.observedStatus !== null) {
      for (const match of ctx.catalog.lookupAnyVendor(code)) {
        const { httpStatus, previousHttpStatus } = match.entry;
        if (httpStatus === evidence.observedStatus || previousHttpStatus.includes(evidence.observedStatus)) addWeight(weights, match.entry.vendor, 1);
      }
    }
  }
  let winner: Vendor | null = null;
  let top = 0;
  let tie = false;
  for (const vendor of weights.keys()) {
    const weight = weights.get(vendor)!;
    if (weight > top) {
      winner = vendor;
      top = weight;
      tie = false;
    } else if (weight === top) tie = true;
  }
  return tie ? null : winner;
}
