import { eachMatch } from './each-match.js';
import { STRENGTH, type Strength } from './evidence.js';
import { findJsonEnd } from './find-json-end.js';
import { findSdkMessage, findTeaMessage } from './find-message.js';
import { findInspectedSuccess } from './find-inspected-success.js';
import { findPhpClientErrors } from './find-php-client-errors.js';
import { findRubyCoreErrors, findRubySdkExceptions } from './find-ruby-sdk-exception.js';
import { findPhpCoreErrors } from './find-php-core-errors.js';
import { findTeaErrors } from './find-tea-errors.js';
import { findTencentNodeStackMessage } from './find-node-sdk-stack.js';
import { findTslogErrors } from './find-tslog-errors.js';
import {
  ALIYUN_PY_CLIENT_CODE,
  EMBEDDED_OBJECT_START,
  JAVA_SDK_MESSAGE_TAIL,
  POP_CORE_URL,
  POP_CORE_URL_MARK,
  POP_ERROR_NAME,
  SDK_EXCEPTION_HEADER,
  TRANSPORT_FAILURE,
  XML_ERROR_CODE,
  XML_ERROR_END,
  XML_HOST_ID,
  XML_MESSAGE,
  XML_REQUEST_ID,
  XML_SUCCESS_REQUEST_ID,
} from './patterns.js';
import { productOfHost, vendorOfHost } from './product-rules.js';
import type { ScanState } from './scan-state.js';
import type { Shape, ShapeStrength } from './shapes.js';

/**
 * The readers of the shapes that need more than their pattern's groups (see
 * shapes.ts): each is called only on a text that holds one of its shape's
 * anchors, in the table's order, and adds what it finds to the state's evidence.
 */

/** Embedded JSON objects tried per text. */
const MAX_BODIES = 16;
/** The longest XML error body looked into. */
const MAX_XML_BODY = 4096;
/** An XML error body with a HostId that is no vendor's host is S3's (or an S3-compatible store's). */
const OTHER_CLOUD_OF_XML_HOST_ID = 'aws';
/** The product whose XML error bodies carry a RequestId and no HostId. */
const XML_WITHOUT_HOST_ID_PRODUCT = 'cos';

/**
 * Finds JSON objects inside the text (response bodies, serialized SDK
 * results, pretty-printed or not) and walks each that parses; after one
 * parses, the search goes on past its end.
 */
export function readEmbeddedBodies(state: ScanState): void {
  const { text } = state;
  let tries = 0;
  // A private copy per text: walking a body scans its strings, which may search for bodies too.
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
    state.walkBody(body);
    starts.lastIndex = end;
  }
}

/** The first SDK error text makes a RequestId alone an error; the codes from it on are the SDK's. */
export function readSdkErrorText(state: ScanState, shape: Shape): void {
  const m = shape.pattern!.exec(state.text);
  if (!m) return;
  state.evidence.sdkError = true;
  state.sdkAt = m.index;
}

/** pop-core's `, URL: ` is an SDK error text too, wherever it stands before another. */
export function readPopCoreUrlMark(state: ScanState): void {
  const at = state.text.indexOf(POP_CORE_URL_MARK);
  if (at < 0) return;
  state.evidence.sdkError = true;
  if (state.sdkAt < 0 || at < state.sdkAt) state.sdkAt = at;
}

/** Labelled RequestIds, kept in order for pairing; the ids an SDK's error text carries are its error's. */
export function readLabelledRequestIds(state: ScanState, shape: Shape): void {
  const { evidence } = state;
  eachMatch(shape.pattern!, state.text, (m) => {
    const id = m[1]!;
    if (id === 'undefined') return;
    state.requestIds.push({ id, at: m.index });
    evidence.addRequestId(id);
  });
  if (state.sdkAt < 0) return;
  const after = state.requestIds.filter((p) => p.at >= state.sdkAt);
  for (const placed of after.length > 0 ? after : state.requestIds) evidence.addPairedRequestId(placed.id);
}

/** Darabonba/Tea's `<Code>: code: <status>, …`, read back from its mark (see find-tea-errors.ts). */
export function readTeaErrors(state: ScanState): void {
  for (const tea of findTeaErrors(state.text)) {
    state.evidence.addCode(tea.code, STRENGTH.sdk, state.pair(tea.at));
    state.evidence.noteStatus(tea.status);
    state.evidence.sdkError = true;
  }
}

/** aliyun-php-sdk-core's `<Code> <msg> HTTP Status: <status> RequestID: <id>` (see findPhpCoreErrors): an SDK error text. */
export function readPhpCoreErrors(state: ScanState): void {
  const { catalog } = state.ctx;
  for (const found of findPhpCoreErrors(state.text, (code) => catalog.lookupAnyVendor(code).length > 0)) {
    if (found.code !== null) state.evidence.addCode(found.code, STRENGTH.sdk, state.pair(found.at));
    state.evidence.noteStatus(found.status);
    state.evidence.sdkError = true;
  }
}

/**
 * tslog's pretty error line (see findTslogErrors): its values carry no
 * names, so only a code the catalog lists counts, paired with a UUID among
 * the same values.
 */
export function readTslogErrors(state: ScanState): void {
  const { catalog } = state.ctx;
  for (const found of findTslogErrors(state.text, (value) => catalog.lookupAnyVendor(value).length > 0)) {
    if (found.code === null) continue;
    state.evidence.addCode(found.code, found.requestId ? STRENGTH.paired : STRENGTH.labelled, found.requestId);
    state.evidence.noteMessage(found.message);
  }
}

/** alibabacloud/client's (PHP) message logged without its class (see findPhpClientErrors): an SDK error text, its RequestId and a code the catalog knows. */
export function readPhpClientErrors(state: ScanState): void {
  const { catalog } = state.ctx;
  for (const found of findPhpClientErrors(state.text, (code) => catalog.lookupAnyVendor(code).length > 0)) {
    state.evidence.addPairedRequestId(found.requestId);
    if (found.code !== null) state.evidence.addCode(found.code, STRENGTH.sdk, found.requestId);
    if (found.status !== null) state.evidence.noteStatus(found.status);
    state.evidence.sdkError = true;
  }
}

/** aliyun-java-sdk-core's `ClientException: <Code> : <msg>`; its two-line form is read only when this finds none. */
export function readJavaSdkError(state: ScanState, shape: Shape): void {
  const m = shape.pattern!.exec(state.text);
  if (!m) return;
  state.javaSdkError = true;
  state.evidence.addCode(m[1]!, STRENGTH.sdk, state.pair(m.index));
}

/** `<Code> : <msg>` on the line before aliyun-java-sdk-core's `RequestId : <ID>` line. */
export function readJavaSdkMessage(state: ScanState, shape: Shape): void {
  if (state.javaSdkError) return;
  const { text } = state;
  const tail = text.indexOf(JAVA_SDK_MESSAGE_TAIL);
  if (tail < 0) return;
  const lineStart = text.lastIndexOf('\n', tail - 1) + 1;
  const m = shape.pattern!.exec(text.slice(lineStart, tail));
  // The match's index counts from the line's start, not the text's: pairing has always read it so.
  if (m) state.evidence.addCode(m[1]!, STRENGTH.sdk, state.pair(m.index));
}

/** aliyunsdkcore's client code: the SDK's own after its exception class, only a labelled code after a bare colon. */
export function readPyClientCode(state: ScanState): void {
  const m = ALIYUN_PY_CLIENT_CODE.exec(state.text);
  if (m) state.evidence.addCode(m[2]!, m[1] === ': ' ? STRENGTH.labelled : STRENGTH.sdk, state.pair(m.index));
}

/** A vendor SDK's exception class heading a line, unless the exception is a transport failure. */
export function readSdkExceptionHeader(state: ScanState): void {
  if (SDK_EXCEPTION_HEADER.test(state.text) && !TRANSPORT_FAILURE.test(state.text)) state.evidence.sdkHeader = true;
}

/** tencentcloud-sdk-ruby's exception as Ruby prints it (see findRubySdkExceptions): an SDK exception, its message the API's, unless a transport failure is in sight. */
export function readRubySdkExceptions(state: ScanState): void {
  for (const found of findRubySdkExceptions(state.text)) {
    if (TRANSPORT_FAILURE.test(found.line)) continue;
    state.evidence.sdkHeader = true;
    state.evidence.noteMessage(found.message);
  }
}

/**
 * aliyunsdkcore's Ruby error as Ruby prints it (see findRubyCoreErrors): the
 * API answered with an error (its signed RPC query is Alibaba's); its
 * message names the code where the catalog lists it.
 */
export function readRubyCoreErrors(state: ScanState): void {
  for (const found of findRubyCoreErrors(state.text)) {
    state.evidence.sdkHeader = true;
    state.evidence.hintVendor('alibaba', 3);
    state.evidence.noteMessage(found.message);
  }
}

/**
 * tencentcloud-sdk-nodejs's exception logged by its stack alone (see
 * findTencentNodeStackMessage): an API's error answer when its message is
 * one the catalog lists for Tencent's codes (which then names the code);
 * the same frame throws an HTTP status's reason (`Bad Gateway`), no API's answer.
 */
export function readTencentNodeStack(state: ScanState): void {
  const isTencentMessage = (message: string): boolean => state.ctx.catalog.entriesWithMessage(message).some((entry) => entry.vendor === 'tencent');
  const message = findTencentNodeStackMessage(state.text, isTencentMessage);
  if (message === null || !isTencentMessage(message)) return;
  state.evidence.sdkHeader = true;
  state.evidence.noteMessage(message);
}

/**
 * pop-core's `<Code>Error`: beside its `, URL: ` the name is the SDK's own,
 * dotted codes included (`InvalidParameter.ExpireTimeError`); elsewhere a
 * class name only suggests a code.
 */
export function readPopErrorNames(state: ScanState): void {
  const { text } = state;
  eachMatch(POP_ERROR_NAME, text, (m) => state.evidence.addCode(m[1]!, isPopCoreName(text, m.index) ? STRENGTH.sdk : STRENGTH.inferred, state.pair(m.index)));
}

/** Whether the `<Code>Error` at `at` heads pop-core's `<Message>, URL: <url>` on its line: the SDK's own error text. */
function isPopCoreName(text: string, at: number): boolean {
  const url = text.indexOf(POP_CORE_URL, at);
  if (url < 0) return false;
  const lineEnd = text.indexOf('\n', at);
  return lineEnd < 0 || url < lineEnd;
}

/**
 * XML error bodies, `<Error>…<Code>…</Code>…<RequestId>…</RequestId>…</Error>`:
 * with a `HostId` of a vendor's host it is that vendor's (an Alibaba OpenAPI
 * answer in its default format, or OSS's); with another `HostId` it is S3's,
 * another cloud's; without one it is COS's, which writes a `RequestId` (and a
 * `TraceId`) but no `HostId`.
 */
export function readXmlErrors(state: ScanState): void {
  const { text, evidence, ctx } = state;
  let found = 0;
  eachMatch(XML_ERROR_CODE, text, (m) => {
    const end = text.indexOf(XML_ERROR_END, m.index);
    const body = text.slice(m.index, end < 0 ? Math.min(text.length, m.index + MAX_XML_BODY) : Math.min(end, m.index + MAX_XML_BODY));
    const requestId = XML_REQUEST_ID.exec(body)?.[1] ?? null;
    const hostId = XML_HOST_ID.exec(body)?.[1] ?? null;
    if (hostId !== null) {
      const vendor = vendorOfHost(hostId, ctx.hosts);
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
    } else {
      return ++found >= MAX_BODIES;
    }
    const message = XML_MESSAGE.exec(body)?.[1];
    if (message !== undefined) evidence.noteMessage(xmlText(message));
    return ++found >= MAX_BODIES;
  });
}

/** XML's predefined entities, as an XML body escapes its text. */
const XML_ENTITY = /&(?:lt|gt|amp|quot|apos);/g;
const XML_ENTITY_TEXT: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

/** An XML element's text as written before it was escaped: `Can&apos;t` is `Can't`. */
function xmlText(escaped: string): string {
  return escaped.includes('&') ? escaped.replace(XML_ENTITY, (entity) => XML_ENTITY_TEXT[entity]!) : escaped;
}

/**
 * @alicloud/pop-core's message is `<Message>, URL: <url>`: even when only the
 * message is logged, the API answered. The message is what precedes the URL,
 * or its last `: `-separated part when the application prefixed it.
 */
export function readPopCoreMessage(state: ScanState): void {
  const { text, evidence } = state;
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

/** A Tea error text's message, `code: 400, <Message> request id: …`; it makes the text an SDK's error text. */
export function readTeaMessage(state: ScanState): void {
  const message = findTeaMessage(state.text);
  if (message === null) return;
  state.teaMessage = true;
  state.evidence.sdkError = true;
  state.evidence.noteMessage(message);
}

/** A Tencent SDK's `Message=` / `message:`, looked for only when the text holds no Tea message. */
export function readSdkMessage(state: ScanState): void {
  if (state.teaMessage) return;
  const message = findSdkMessage(state.text);
  if (message) state.evidence.noteMessage(message);
}

/** A response printed by util.inspect, with its RequestId and no error: a success (decideEvent prefers any error). */
export function readInspectedSuccess(state: ScanState): void {
  const requestId = findInspectedSuccess(state.text);
  if (!requestId) return;
  state.evidence.success = true;
  state.evidence.successRequestId ??= requestId;
}

/** An Alibaba OpenAPI answer in XML with its RequestId and no error: a success (decideEvent prefers any error). */
export function readXmlSuccess(state: ScanState): void {
  const requestId = XML_SUCCESS_REQUEST_ID.exec(state.text)?.[1];
  if (requestId === undefined) return;
  state.evidence.success = true;
  state.evidence.successRequestId ??= requestId;
}

/**
 * The reader of a shape whose pattern's groups say it all: each match (the
 * first, for a pattern without the `g` flag) adds its code, with the
 * strength of the shape or of its place, its status and its action.
 */
/**
 * aliyunsdkcore's ServerException as its `__str__` writes it, `HTTP Status:
 * 404 Error:<Code> <msg> RequestID: <ID>`: its code as readPattern reads it,
 * and, where the RequestID follows on the line, an SDK error text (as Tea's
 * is), which makes a code the catalog does not list an API error.
 */
export function readAliyunPyError(state: ScanState, shape: Shape): void {
  const m = shape.pattern!.exec(state.text);
  if (!m) return;
  noteGroups(state, shape, m);
  const lineEnd = state.text.indexOf('\n', m.index);
  const requestId = state.text.indexOf(ALIYUN_PY_REQUEST_ID, m.index + m[0].length);
  if (requestId >= 0 && (lineEnd < 0 || requestId < lineEnd)) state.evidence.sdkError = true;
}
/** What follows the message in aliyunsdkcore's ServerException text. */
const ALIYUN_PY_REQUEST_ID = ' RequestID: ';

export function readPattern(state: ScanState, shape: Shape): void {
  const pattern = shape.pattern!;
  if (pattern.global) eachMatch(pattern, state.text, (m) => noteGroups(state, shape, m));
  else {
    const m = pattern.exec(state.text);
    if (m) noteGroups(state, shape, m);
  }
}

function noteGroups(state: ScanState, shape: Shape, m: RegExpExecArray): void {
  const { code, requestId, status, action } = shape.groups;
  // A shape that holds its RequestId pairs it with its code (none where it writes it empty), whatever ids stand around it.
  const id = requestId === undefined ? state.pair(m.index) : (m[requestId] ?? null);
  if (code !== undefined) state.evidence.addCode(m[code]!, strengthAt(state, shape.strength, m.index), id);
  if (status !== undefined) state.evidence.noteStatus(Number(m[status]));
  if (action !== undefined) state.evidence.noteAction(m[action]!);
}

function strengthAt(state: ScanState, strength: ShapeStrength, at: number): Strength {
  if (strength === 'placed') return state.placed(at);
  if (strength === 'beside-id') return state.besideId(at);
  if (typeof strength === 'number') return strength;
  throw new Error(`a shape read by its pattern needs a strength, not ${String(strength)}`);
}

/** How much a user shape's declared vendor weighs among a record's signs: as much as an SDK's marker. */
const DECLARED_VENDOR_WEIGHT = 3;
/** An HTTP status a `status` group may capture. */
const STATUS_TEXT = /^[1-5]\d\d$/;

/**
 * The reader of a user catalog's shape (user-shape.ts): each match's named
 * groups. Its code counts as a labelled code of the vendor the shape
 * declares, paired with the RequestId of its `requestId` group (else with a
 * labelled one beside it, as a labelled code is), which makes it a paired
 * code; `status`, `message` and `action` are noted as the built-in shapes
 * note them.
 */
export function readNamedGroups(state: ScanState, shape: Shape): void {
  const { evidence } = state;
  let found = false;
  eachMatch(shape.pattern!, state.text, (m) => {
    const groups = m.groups ?? {};
    const code = groups['code'];
    if (!code) return;
    found = true;
    const requestId = groups['requestId'] || state.pair(m.index);
    evidence.addCode(code, requestId ? STRENGTH.paired : STRENGTH.labelled, requestId, shape.declares?.product ?? null);
    const status = groups['status'];
    if (status && STATUS_TEXT.test(status)) evidence.noteStatus(Number(status));
    if (groups['message']) evidence.noteMessage(groups['message']);
    if (groups['action']) evidence.noteAction(groups['action']);
  });
  if (found && shape.declares) evidence.hintVendor(shape.declares.vendor, DECLARED_VENDOR_WEIGHT);
}
