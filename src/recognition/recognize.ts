import type { Recognition } from '../types.js';
import { parseTimestamp } from '../time/parse-time.js';
import { decideEvent } from './decide-event.js';
import { Evidence } from './evidence.js';
import { isCandidateText } from './is-candidate-text.js';
import { LEADING_TIME } from './patterns.js';
import type { RecognitionContext } from './recognition-context.js';
import { scanText } from './scan-text.js';
import { stripAnsi } from './strip-ansi.js';
import { walkJson } from './walk-json.js';

/**
 * Recognizes one record's text: a JSON log line is parsed and walked, any
 * other text is scanned. Pure and synchronous; never throws.
 * @example recognize('{"Response":{"Error":{"Code":"InternalError","Message":"…"},"RequestId":"…"}}', ctx)
 */
export function recognize(record: string, ctx: RecognitionContext): Recognition {
  const text = stripAnsi(record);
  const evidence = new Evidence();
  const json = isJsonObjectText(text) && walkParsed(text, evidence, ctx);
  if (!json) {
    const time = LEADING_TIME.exec(text);
    if (time) evidence.time = parseTimestamp(time[1]!);
    if (isCandidateText(text)) scanText(text, evidence, ctx);
  }
  const decision = decideEvent(evidence, ctx);
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
  };
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

function walkParsed(text: string, evidence: Evidence, ctx: RecognitionContext): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  walkJson(parsed as never, evidence, ctx);
  return true;
}
