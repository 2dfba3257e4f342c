import { eachMatch } from './each-match.js';
import { STRENGTH, type Evidence, type Strength } from './evidence.js';
import { findJsonEnd } from './find-json-end.js';
import { findSdkMessage, findTeaMessage } from './find-message.js';
import { findInspectedSuccess } from './find-inspected-success.js';
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
  XML_ERROR_CODE,
  XML_ERROR_END,
  XML_ERROR_MARK,
  XML_HOST_ID,
  XML_REQUEST_ID,
} from './patterns.js';
import { productOfHost } from './product-rules.js';
import type { RecognitionContext } from './recognition-context.js';
import { stripAnsi } from './strip-ansi.js';
import { walkJson } from './walk-json.js';

/** Texts scanned per record; a record with more strings is not worth more work. */
const MAX_TEXTS = 200;
/** Embedded JSON objects tried per text. */
const MAX_BODIES = 16;
/** The longest XML error body looked into. */
const MAX_XML_BODY = 4096;
/** An XML error body with a HostId that is no vendor's host is S3's (or an S3-compatible store's). */
const OTHER_CLOUD_OF_XML_HOST_ID = 'aws';
/** The product whose XML error bodies carry a RequestId and no HostId. */
const XML_WITHOUT_HOST_ID_PRODUCT = 'cos';
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

  const sdkMatch = SDK_ERROR_TEXT.exec(text);
  const sdkText = sdkMatch !== null;
  if (sdkText) evidence.sdkError = true;
  const requestIds = collectRequestIds(text, evidence);
  // The ids an SDK's error text carries are its error's, not the application's before it.
  if (sdkMatch) for (const id of idsFrom(requestIds, sdkMatch.index)) evidence.addPairedRequestId(id);
  const pair = (at: number): string | null => pairedId(requestIds, at);
  // A code written before the SDK's error text starts is the application's, not the SDK's.
  const labelled = (at: number): Strength => (sdkMatch && at >= sdkMatch.index ? STRENGTH.sdk : pair(at) ? STRENGTH.paired : STRENGTH.labelled);

  eachMatch(LABELLED_CODE, text, (m) => evidence.addCode(m[2]!, labelled(m.index), pair(m.index)));
  for (const tea of text.includes(TEA_MARK) ? findTeaErrors(text) : []) {
    evidence.addCode(tea.code, STRENGTH.sdk, pair(tea.at));
    evidence.noteStatus(tea.status);
    evidence.sdkError = true;
  }
  const py = ALIYUN_PY_ERROR.exec(text);
  if (py) {
    evidence.addCode(py[2]!, STRENGTH.sdk, pair(py.index));
    evidence.noteStatus(Number(py[1]));
  }
  const java = ALIYUN_JAVA_ERROR.exec(text) ?? javaSdkMessageCode(text);
  if (java) evidence.addCode(java[1]!, STRENGTH.sdk, pair(java.index));
  const bracketed = BRACKETED_SDK_CODE.exec(text);
  if (bracketed) evidence.addCode(bracketed[1]!, STRENGTH.sdk, pair(bracketed.index));
  const pyClient = ALIYUN_PY_CLIENT_CODE.exec(text);
  // After the exception class it is the SDK's own text; after a bare colon only a labelled code.
  if (pyClient) evidence.addCode(pyClient[2]!, pyClient[1] === ': ' ? STRENGTH.labelled : STRENGTH.sdk, pair(pyClient.index));
  const troubleshoot = TROUBLESHOOT_URL.exec(text);
  if (troubleshoot) evidence.addCode(troubleshoot[1]!, pair(troubleshoot.index) ? STRENGTH.paired : STRENGTH.labelled, pair(troubleshoot.index));
  if (SDK_EXCEPTION_HEADER.test(text) && !TRANSPORT_FAILURE.test(text)) evidence.sdkHeader = true;
  if (text.includes('Error: ') || text.includes('Error]: ')) {
    // Beside pop-core's `, URL: ` the name is the SDK's own `<Code>Error`, dotted codes included
    // (`InvalidParameter.ExpireTimeError`); elsewhere a class name only suggests a code.
    eachMatch(POP_ERROR_NAME, text, (m) => evidence.addCode(m[1]!, isPopCoreName(text, m.index) ? STRENGTH.sdk : STRENGTH.inferred, pair(m.index)));
  }
  if (text.includes(XML_ERROR_MARK)) scanXmlErrors(text, evidence, ctx);

  noteMessage(text, evidence);
  if (text.includes(INSPECTED_MARK)) noteInspectedSuccess(text, evidence);
  const status = HTTP_STATUS.exec(text);
  if (status) evidence.noteStatus(Number(status[1]));
  const action = ACTION_WORD.test(text) ? ACTION.exec(text) : null;
  if (action) evidence.noteAction(action[1]!);
}

/** Whether the `<Code>Error` at `at` heads pop-core's `<Message>, URL: <url>` on its line: the SDK's own error text. */
function isPopCoreName(text: string, at: number): boolean {
  const url = text.indexOf(POP_CORE_URL, at);
  if (url < 0) return false;
  const lineEnd = text.indexOf('\n', at);
  return lineEnd < 0 || url < lineEnd;
}

/** A labelled RequestId and where its label starts. */
interface PlacedId {
  id: string;
  at: number;
}

/** What every util.inspect-printed RequestId holds; findInspectedSuccess runs only on texts that do. */
const INSPECTED_MARK = "RequestId: '";

/** A response printed by util.inspect, with its RequestId and no error: a success (decideEvent prefers any error). */
function noteInspectedSuccess(text: string, evidence: Evidence): void {
  const requestId = findInspectedSuccess(text);
  if (!requestId) return;
  evidence.success = true;
  evidence.successRequestId ??= requestId;
}

function collectRequestIds(text: string, evidence: Evidence): PlacedId[] {
  const ids: PlacedId[] = [];
  eachMatch(LABELLED_REQUEST_ID, text, (m) => {
    const id = m[1]!;
    if (id === 'undefined') return;
    ids.push({ id, at: m.index });
    evidence.addRequestId(id);
  });
  return ids;
}

/**
 * The RequestId that goes with a code at `at`: the SDKs write the code first
 * and its RequestId after it (`Code=X, Message=…, RequestId=…`, `code: 400, …
 * request id: …`), so the first one after the code; else the nearest before.
 * Two SDK texts on one line each keep their own id.
 */
function pairedId(ids: readonly PlacedId[], at: number): string | null {
  let before: string | null = null;
  for (const placed of ids) {
    if (placed.at > at) return placed.id;
    before = placed.id;
  }
  return before;
}

/** The ids from `at` on, or all of them when none is. */
function idsFrom(ids: readonly PlacedId[], at: number): string[] {
  const after = ids.filter((p) => p.at >= at);
  return (after.length > 0 ? after : ids).map((p) => p.id);
}

/**
 * Object-storage XML error bodies, `<Error><Code>…</Code>…<RequestId>…</RequestId>…</Error>`:
 * with a `HostId` of a vendor's host it is that vendor's (OSS); with another
 * `HostId` it is S3's, another cloud's; without one it is COS's, which writes
 * a `RequestId` (and a `TraceId`) but no `HostId`.
 */
function scanXmlErrors(text: string, evidence: Evidence, ctx: RecognitionContext): void {
  let found = 0;
  eachMatch(XML_ERROR_CODE, text, (m) => {
    const end = text.indexOf(XML_ERROR_END, m.index);
    const body = text.slice(m.index, end < 0 ? Math.min(text.length, m.index + MAX_XML_BODY) : Math.min(end, m.index + MAX_XML_BODY));
    const requestId = XML_REQUEST_ID.exec(body)?.[1] ?? null;
    const hostId = XML_HOST_ID.exec(body)?.[1] ?? null;
    if (hostId !== null) {
      const vendor = ctx.hosts.find(([host]) => hostId.includes(host))?.[1] ?? null;
      if (vendor === null) {
        evidence.noteOtherCloud(OTHER_CLOUD_OF_XML_HOST_ID);
        return ++found >= MAX_BODIES;
      }
      evidence.hintVendor(vendor, 3);
      evidence.addCode(m[1]!, STRENGTH.body, requestId, productOfHost(hostId, vendor, ctx.products));
    } else if (requestId !== null) {
      const vendor = ctx.products.vendorOfProduct.get(XML_WITHOUT_HOST_ID_PRODUCT) ?? null;
      if (vendor) evidence.hintVendor(vendor, 3);
      evidence.addCode(m[1]!, STRENGTH.body, requestId, XML_WITHOUT_HOST_ID_PRODUCT);
    }
    return ++found >= MAX_BODIES;
  });
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
