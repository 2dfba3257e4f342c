import type { Recognition } from '../types.js';
import { leadingTimeAt } from '../lines/line-time.js';
import { startsWithTimeOfDay } from '../time/leading-time.js';
import { timeBesideWrapper } from '../time/time-beside-wrapper.js';
import { decideEvents, type Decision } from './decide-event.js';
import { Evidence, STRENGTH, type CodeFinding } from './evidence.js';
import { findOtherCloud } from './other-clouds.js';
import { isCandidateText } from './is-candidate-text.js';
import { isMetricSample } from './metric-sample.js';
import { ERRNO_STYLE } from './patterns.js';
import { richMessage } from '../records/rich-layout.js';
import { readRubydebugEvent } from '../records/rubydebug-event.js';
import { findProduct } from './product-rules.js';
import { timeOneLevelDown } from '../time/top-level-time.js';
import type { RecognitionContext } from './recognition-context.js';
import { scanText } from './scan-text.js';
import { stripAnsi } from './strip-ansi.js';
import { walkJson } from './walk-json.js';
import { isLambdaRecord, withoutInvocationId } from './lambda-record.js';

/**
 * Recognizes one record's text: a JSON log line is parsed and walked, any
 * other text is scanned. Pure and synchronous; never throws. The first of
 * recognizeAll's recognitions: the record's strongest API error.
 * @example recognize('{"Response":{"Error":{"Code":"InternalError","Message":"…"},"RequestId":"…"}}', ctx)
 */
export function recognize(text: string, ctx: RecognitionContext): Recognition {
  return recognizeAll(text, ctx)[0]!;
}

/**
 * Every API error (or the success, or nothing) a record holds, never empty:
 * one recognition per distinct RequestId paired with a code (a batch result,
 * two SDK texts on one line), the strongest first; an error repeated in the
 * body, message and stack is one. `wrapperTime`: the time the record's
 * wrapper or envelope gave it, if any, which a time of day alone at the
 * record's start yields to; `wrapperZoned`: that time was written with its
 * zone, so a time the record wrote without one is read in the zone it shows.
 * @example recognizeAll('{"results":[{"Code":"A","RequestId":"…","Recommend":"…"},{"Code":"B","RequestId":"…","Recommend":"…"}]}', ctx).length // 2
 */
export function recognizeAll(record: string, ctx: RecognitionContext, wrapperTime: number | null = null, wrapperZoned = false): Recognition[] {
  const text = stripAnsi(record);
  const evidence = new Evidence();
  const objectText = isJsonObjectText(text);
  const parsed = objectText ? walkParsed(text, evidence, ctx) : null;
  const json = parsed !== null;
  // An event Logstash's rubydebug codec printed is walked as the object it printed (its record is no JSON text).
  const printed = objectText && !json ? readRubydebugEvent(text) : null;
  if (printed) walkJson(printed as never, evidence, ctx);
  else if (!json) {
    // Read as LEADING_TIME and parseTimestamp read it, with the start of its minute remembered from line to line.
    evidence.time = leadingTimeAt(text, 0, text.length);
    // A time of day alone yields to the wrapper's or envelope's time, which has its date.
    if (wrapperTime !== null && evidence.time !== null && startsWithTimeOfDay(text, 0)) evidence.time = null;
    if (isCandidateText(text, ctx) && !isMetricSample(text)) scanText(text, evidence, ctx);
    // A message rich's logging handler wrapped in its column is read again as written, where the record as laid out showed neither a code with its RequestId nor a success.
    if (!evidence.success && !evidence.codes.some((c) => c.requestId !== null)) {
      const message = richMessage(text);
      if (message !== null && isCandidateText(message, ctx)) scanText(message, evidence, ctx);
    }
  }
  // A time the application wrote in its own zone, without saying which, is read in the zone its wrapper's time shows.
  evidence.time = timeBesideWrapper(evidence.time, wrapperTime, wrapperZoned);
  const otherCloud = otherCloudOf(text, evidence);
  if (otherCloud !== null) return [{ ...toRecognition(NO_DECISION, evidence, json, null), otherCloud }];
  const decisions = decideEvents(evidence, ctx);
  // An event whose fields sit one object down (an export's entry) has its time there. Only an event's record
  // looks there, so a line without one keeps the time the fast path reads from its top level alone.
  if (parsed !== null && evidence.time === null && decisions.some((d) => d.event !== null)) {
    evidence.time = timeBesideWrapper(timeOneLevelDown(parsed), wrapperTime, wrapperZoned);
  }
  return decisions.map((decision) => {
    const product = decision.event ? (decision.product ?? findProduct(text, decision.vendor, evidence.action, ctx.products, ctx.literals.holds(text))) : null;
    return toRecognition(decision, evidence, json, product);
  });
}

const NO_DECISION: Decision = { event: null, vendor: null, code: null, requestId: null, product: null };

function toRecognition(decision: Decision, evidence: Evidence, json: boolean, product: string | null): Recognition {
  // Fields are listed rather than spread: this runs once per record.
  return {
    event: decision.event,
    vendor: decision.vendor,
    code: decision.code,
    requestId: decision.requestId,
    action: decision.event ? evidence.action : null,
    observedStatus: decision.event ? evidence.observedStatus : null,
    messages: decision.event ? evidence.messages : [],
    time: evidence.time,
    json,
    product,
    otherCloud: null,
  };
}

/**
 * The other cloud whose API error a record holds, or null. Another cloud's
 * error shape (an S3 body, a Google error body), or a code beside another
 * cloud's sign (`amazonaws.com`, `x-ms-request-id`…), makes a record another
 * cloud's unless a vendor's own sign (body, SDK, host, marker) is also there:
 * a vendor needs positive evidence, a code or a RequestId's case is not enough.
 */
function otherCloudOf(text: string, evidence: Evidence): string | null {
  if (evidence.vendorWeights.size > 0) return null;
  if (evidence.otherCloud !== null) return evidence.otherCloud;
  if (!evidence.codes.some(isApiLikeCode) && !evidence.sdkError && !evidence.sdkHeader) return null;
  return findOtherCloud(text);
}

/** An API's code (`AccessDenied`, `SlowDown`), not an errno (`ENOENT`) nor a code only a class name suggests. */
function isApiLikeCode(finding: CodeFinding): boolean {
  return finding.strength >= STRENGTH.labelled && !ERRNO_STYLE.test(finding.code);
}

/** Only text whose first non-space character is `{` is handed to JSON.parse. */
function isJsonObjectText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0xfeff) continue;
    return c === 0x7b;
  }
  return false;
}

/** Parses and walks a JSON object's text; the object, or null for a text that is none. */
function walkParsed(text: string, evidence: Evidence, ctx: RecognitionContext): Record<string, unknown> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const line = parsed as Record<string, unknown>;
  walkJson((isLambdaRecord(line) ? withoutInvocationId(line) : line) as never, evidence, ctx);
  return line;
}
