import { eachMatch } from './each-match.js';
import { STRENGTH, type Evidence, type Strength } from './evidence.js';
import { findJsonEnd } from './find-json-end.js';
import { findSdkMessage, findTeaMessage } from './find-message.js';
import { findTeaErrors } from './find-tea-errors.js';
import {
  ACTION,
  ALIYUN_JAVA_ERROR,
  ALIYUN_PY_CLIENT_CODE,
  ALIYUN_PY_ERROR,
  BODY_FIELD,
  BRACKETED_SDK_CODE,
  EMBEDDED_OBJECT_START,
  JAVA_SDK_CODE_HEAD,
  JAVA_SDK_MESSAGE_TAIL,
  SDK_EXCEPTION_HEADER,
  TRANSPORT_FAILURE,
  TROUBLESHOOT_URL,
  POP_CORE_URL,
  HTTP_STATUS,
  LABELLED_CODE,
  LABELLED_REQUEST_ID,
  POP_ERROR_NAME,
  TEA_MARK,
} from './patterns.js';
import type { RecognitionContext } from './recognition-context.js';
import { stripAnsi } from './strip-ansi.js';
import { walkJson } from './walk-json.js';

/** Texts scanned per record; a record with more strings is not worth more work. */
const MAX_TEXTS = 200;
/** Embedded JSON objects tried per text. */
const MAX_BODIES = 16;
/** ACTION needs this word; a plain search for it is far cheaper than ACTION's own. */
const ACTION_WORD = /action/i;
/** SDK error texts that make a RequestId alone an error, with the vendor they belong to (by hint marker). */
const SDK_ERROR_TEXT = /TencentCloudSDK(?:Exception|Error)|TeaException|SDKError|SDK\.ServerError|ServerException|ClientException|, URL: /;

/**
 * Scans free text (a plain log line, a JSON string value, a stack) for
 * embedded response bodies and the SDKs' error texts.
 * @example scanText('[TencentCloudSDKError] Code=InternalError, Message=…, RequestId=…', evidence, ctx)
 */
export function scanText(value: string, evidence: Evidence, ctx: RecognitionContext): void {
  if (evidence.textsScanned++ >= MAX_TEXTS) return;
  const text = stripAnsi(value);
  scanEmbeddedBodies(text, evidence, ctx);
  noteVendorSigns(text, evidence, ctx);

  const sdkText = SDK_ERROR_TEXT.test(text);
  if (sdkText) evidence.sdkError = true;
  const requestIds = collectRequestIds(text, evidence);
  const pairId = requestIds[0] ?? null;
  const labelledStrength: Strength = sdkText ? STRENGTH.sdk : pairId ? STRENGTH.paired : STRENGTH.labelled;

  eachMatch(LABELLED_CODE, text, (m) => evidence.addCode(m[2]!, labelledStrength, pairId));
  for (const tea of text.includes(TEA_MARK) ? findTeaErrors(text) : []) {
    evidence.addCode(tea.code, STRENGTH.sdk, pairId);
    evidence.noteStatus(tea.status);
    evidence.sdkError = true;
  }
  const py = ALIYUN_PY_ERROR.exec(text);
  if (py) {
    evidence.addCode(py[2]!, STRENGTH.sdk, pairId);
    evidence.noteStatus(Number(py[1]));
  }
  const java = ALIYUN_JAVA_ERROR.exec(text) ?? javaSdkMessageCode(text);
  if (java) evidence.addCode(java[1]!, STRENGTH.sdk, pairId);
  const bracketed = BRACKETED_SDK_CODE.exec(text);
  if (bracketed) evidence.addCode(bracketed[1]!, STRENGTH.sdk, pairId);
  const pyClient = ALIYUN_PY_CLIENT_CODE.exec(text);
  // After the exception class it is the SDK's own text; after a bare colon only a labelled code.
  if (pyClient) evidence.addCode(pyClient[2]!, pyClient[1] === ': ' ? STRENGTH.labelled : STRENGTH.sdk, pairId);
  const troubleshoot = TROUBLESHOOT_URL.exec(text);
  if (troubleshoot) evidence.addCode(troubleshoot[1]!, pairId ? STRENGTH.paired : STRENGTH.labelled, pairId);
  if (SDK_EXCEPTION_HEADER.test(text) && !TRANSPORT_FAILURE.test(text)) evidence.sdkHeader = true;
  if (text.includes('Error: ') || text.includes('Error]: ')) {
    eachMatch(POP_ERROR_NAME, text, (m) => evidence.addCode(m[1]!, STRENGTH.inferred, pairId));
  }

  noteMessage(text, evidence);
  const status = HTTP_STATUS.exec(text);
  if (status) evidence.noteStatus(Number(status[1]));
  const action = ACTION_WORD.test(text) ? ACTION.exec(text) : null;
  if (action) evidence.noteAction(action[1]!);
}

function collectRequestIds(text: string, evidence: Evidence): string[] {
  const ids: string[] = [];
  eachMatch(LABELLED_REQUEST_ID, text, (m) => {
    const id = m[1]!;
    if (id === 'undefined') return;
    ids.push(id);
    evidence.addRequestId(id);
  });
  return ids;
}

/** `<Code> : <msg>` on the line before aliyun-java-sdk-core's `RequestId : <ID>` line. */
function javaSdkMessageCode(text: string): RegExpExecArray | null {
  const tail = text.indexOf(JAVA_SDK_MESSAGE_TAIL);
  if (tail < 0) return null;
  const lineStart = text.lastIndexOf('\n', tail - 1) + 1;
  return JAVA_SDK_CODE_HEAD.exec(text.slice(lineStart, tail));
}

function noteMessage(text: string, evidence: Evidence): void {
  const tea = text.includes(TEA_MARK) ? findTeaMessage(text) : null;
  if (tea !== null) evidence.sdkError = true;
  notePopCoreMessage(text, evidence);
  const message = tea ?? findSdkMessage(text);
  if (message) evidence.noteMessage(message);
}

/**
 * @alicloud/pop-core's message is `<Message>, URL: <url>`: even when only the
 * message is logged, the API answered. The message is what precedes the URL,
 * or its last `: `-separated part when the application prefixed it.
 */
function notePopCoreMessage(text: string, evidence: Evidence): void {
  const at = text.indexOf(POP_CORE_URL);
  if (at < 0) return;
  evidence.sdkHeader = true;
  const head = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  const colon = head.lastIndexOf(': ');
  if (colon >= 0) evidence.noteMessage(head.slice(colon + 2));
  const bracket = head.lastIndexOf('] ');
  if (bracket >= 0) evidence.noteMessage(head.slice(bracket + 2));
  evidence.noteMessage(head);
}

/** Weighs the vendor markers and hosts the text holds, each once; most texts hold none, which one search settles. */
function noteVendorSigns(text: string, evidence: Evidence, ctx: RecognitionContext): void {
  const first = text.search(ctx.anySign);
  if (first < 0) return;
  for (const [marker, vendor] of ctx.markers) if (text.includes(marker, first)) evidence.hintVendor(vendor, 3);
  for (const [host, vendor] of ctx.hosts) if (text.includes(host, first)) evidence.hintVendor(vendor, 2);
}

/**
 * Finds JSON objects inside the text (response bodies, serialized SDK
 * results, pretty-printed or not) and walks each that parses; after one
 * parses, the search goes on past its end.
 */
function scanEmbeddedBodies(text: string, evidence: Evidence, ctx: RecognitionContext): void {
  if (!BODY_FIELD.test(text)) return;
  let tries = 0;
  const starts = new RegExp(EMBEDDED_OBJECT_START);
  for (let m = starts.exec(text); m && tries < MAX_BODIES; m = starts.exec(text)) {
    tries++;
    const end = findJsonEnd(text, m.index);
    if (end < 0) continue;
    let body: unknown;
    try {
      body = JSON.parse(text.slice(m.index, end));
    } catch {
      continue;
    }
    walkJson(body as never, evidence, ctx, false);
    starts.lastIndex = end;
  }
}
