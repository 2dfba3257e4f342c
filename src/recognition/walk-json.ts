import { METADATA_OBJECTS } from '../records/envelope-fields.js';
import { topLevelTime } from '../time/top-level-time.js';
import { Evidence, STRENGTH } from './evidence.js';
import { isCandidateText } from './is-candidate-text.js';
import { ACTION_KEYS, CODE_KEYS, MESSAGE_KEYS, REQUEST_ID_KEYS } from './json-keys.js';
import { BODY_CODE_SHAPE, CODE_SHAPE, REQUEST_ID_SHAPE, S3_REQUEST_ID } from './patterns.js';
import { productOfHost, vendorOfHost } from './product-rules.js';
import { expandDottedKeys, hasDottedKey, isKeyValueList, keyValueObject } from '../records/json-normal-form.js';
import type { RecognitionContext } from './recognition-context.js';
import { scanText } from './scan-text.js';

/** Deeper than any logger nests; past it a value is not looked into. */
const MAX_DEPTH = 64;
/** String values shorter than this are not scanned. */
const MIN_SCANNED_LENGTH = 8;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Parent keys under which a `code` is an error's code; `log` stands for the log line itself. */
const ERROR_CONTEXT_KEYS = new Set(['err', 'error', 'exception', 'cause', 'data', 'body', 'response', 'e', 'log']);
/** A code written as a number in a string: `"Code": "200"`. */
const NUMERIC_CODE = /^\d{1,9}$/;
/** The product in an Alibaba body's Recommend URL: `…/troubleshoot?q=X&product=OnsMqtt&…`. */
const RECOMMEND_PRODUCT = /[?&]product=([A-Za-z]{2,32})\b/;
/** Fields that name an error object's class (log4j2's `thrown.name`, ECS's `error.type`, pino's `err.type`). */
const CLASS_KEYS = new Set(['name', 'type', 'class', 'classname', 'exceptionclass', 'exceptiontype', 'errorclass', 'errortype']);
/** A class name of an exception or error, qualified or not: `com.tencentcloudapi.common.exception.TencentCloudSDKException`. */
const EXCEPTION_CLASS = /^[A-Za-z_$][\w$]{0,127}(?:[.:\\][A-Za-z_$][\w$]{0,127}){0,16}(?:Exception|Error)$/;
/** An API action's name: `CreateGroupId`. */
const PASCAL_CASE_ACTION = /^[A-Z][A-Za-z0-9]{2,63}$/;
/** google.rpc.Code names, as Google's error bodies write them in `status`. */
const GOOGLE_STATUS = /^[A-Z][A-Z_]{2,40}$/;

/** Keys repeat from line to line, so the normal forms of short ones are remembered (a bounded number). */
const normalized = new Map<string, string>();
const MAX_REMEMBERED_KEYS = 4096;
const MAX_REMEMBERED_KEY_LENGTH = 64;

/** A key as the key sets hold it: lower-cased, `_` and `-` removed. */
function normalForm(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

function normalizeKey(key: string): string {
  let norm = normalized.get(key);
  if (norm === undefined) {
    norm = normalForm(key);
    if (normalized.size < MAX_REMEMBERED_KEYS && key.length <= MAX_REMEMBERED_KEY_LENGTH) normalized.set(key, norm);
  }
  return norm;
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Walks a parsed JSON log line or body (iteratively: nesting depth cannot
 * exhaust the stack) and records what it finds: response bodies, error
 * objects with a code and a RequestId, SDK texts inside string values.
 * @example walkJson({ err: { code: 'ResourceNotFound.Topic', requestId: '…' } }, evidence, ctx)
 */
export function walkJson(root: Json, evidence: Evidence, ctx: RecognitionContext, topLevel = true): void {
  if (topLevel && isObject(root)) noteTopLevel(root, evidence);
  const stack: [Json, string, number][] = [[root, '', 0]];
  // Every value is looked at once: the work is linear in the text JSON.parse
  // already read, which --max-line-bytes and the record bound limit; an
  // error after the first thousands of values of a large payload is found.
  while (stack.length > 0) {
    const [written, parentKey, depth] = stack.pop()!;
    if (typeof written === 'string') {
      if (isScannedValue(written, ctx)) scanText(written, evidence, ctx);
      continue;
    }
    if (written === null || typeof written !== 'object' || depth >= MAX_DEPTH) continue;
    // Fields written as a key/value list or as dotted paths are read as the nested object they stand for.
    let value = Array.isArray(written) && isKeyValueList(written) ? keyValueObject(written) : written;
    if (!Array.isArray(value) && hasDottedKey(value)) value = expandDottedKeys(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i]!, parentKey, depth + 1]);
      continue;
    }
    inspectObject(value, depth === 0 && topLevel ? 'log' : parentKey, evidence, ctx);
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const child = value[key]!;
      // A log line's metadata (its pod, its image, its labels) is never evidence.
      if (depth === 0 && topLevel && METADATA_OBJECTS.has(key) && isObject(child)) continue;
      stack.push([child, key, depth + 1]);
    }
  }
}

function noteTopLevel(line: { [key: string]: Json }, evidence: Evidence): void {
  evidence.time ??= topLevelTime(line);
}

/**
 * Whether a key can make a JSON record an event: a code field, or a
 * RequestId field spelled `RequestId` (a success body's: see inspectObject
 * and inspectTencentResponse, which read that spelling only). Any other
 * RequestId field (`requestId`, `request_id`, `x-acs-request-id`) makes an
 * event only beside a code or an SDK's error text, which are found by
 * themselves: an access log line with its request's id is no event — but
 * in a line that holds an audit trail's `eventSource` (`lineHoldsKey` says
 * whether the line holds a key), any RequestId field may make one. A
 * dotted path (`error.code`) is judged by its last name.
 */
export function isEventKey(key: string, lineHoldsKey: (key: string) => boolean = NO_KEY): boolean {
  const norm = normalizeKey(key);
  // An audit trail's event records an API call: its `requestId` makes it an event (a success without an error code).
  return namesEventField(key, norm) || (REQUEST_ID_KEYS.has(norm) && lineHoldsKey(AUDIT_EVENT_KEY));
}

/** The key an audit trail's events (ActionTrail's, CloudTrail's) carry beside the API's name, `eventName`. */
const AUDIT_EVENT_KEY = 'eventSource';
const NO_KEY = (): boolean => false;

function namesEventField(key: string, norm: string): boolean {
  if (CODE_KEYS.has(norm) || (REQUEST_ID_KEYS.has(norm) && key === 'RequestId')) return true;
  // A dotted path is read as the nested field it names (see expandDottedKeys).
  const dot = key.lastIndexOf('.');
  if (dot < 0) return false;
  const last = key.slice(dot + 1);
  return namesEventField(last, normalForm(last));
}

/** A string that may be a field's name: what a key/value list's `"key"` holds. */
const FIELD_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Whether a string value names a field isEventKey takes, as a key/value
 * list's pair does (`{"key":"error.code","value":…}`). Values are many, so
 * their normal forms are not remembered.
 */
function valueNamesEventField(value: string): boolean {
  return FIELD_NAME.test(value) && namesEventField(value, normalForm(value));
}

/** Whether walkJson scans a string value for SDK texts. */
export function isScannedValue(value: string, ctx: RecognitionContext): boolean {
  return value.length >= MIN_SCANNED_LENGTH && isCandidateText(value, ctx);
}

/**
 * Whether a string value can count toward an event: it names a code field
 * (see valueNamesEventField), or it is scanned, and the scan finds a code, a
 * RequestId, an SDK's error text or another cloud's error body (which sets
 * its record aside) in it. A value that
 * only holds a vendor's name, a message or a status makes no event unless
 * something else in its record does.
 * @example valueMayMatter('request completed', ctx) // false
 */
export function valueMayMatter(value: string, ctx: RecognitionContext): boolean {
  // Log messages repeat ("request completed" on every access line): short ones are remembered per context.
  let known = mattering.get(ctx);
  if (!known) mattering.set(ctx, (known = new Map()));
  let matters = known.get(value);
  if (matters === undefined) {
    matters = valueNamesEventField(value) || (isScannedValue(value, ctx) && scanFindsEvidence(value, ctx));
    if (known.size < MAX_REMEMBERED_VALUES && value.length <= MAX_REMEMBERED_VALUE_LENGTH) known.set(value, matters);
  }
  return matters;
}

/** Whether scanText finds in a value anything that counts toward an event (see valueMayMatter). */
function scanFindsEvidence(value: string, ctx: RecognitionContext): boolean {
  const evidence = new Evidence();
  scanText(value, evidence, ctx);
  return evidence.codes.length > 0 || evidence.requestIds.length > 0 || evidence.sdkError || evidence.sdkHeader || evidence.success || evidence.otherCloud !== null;
}
const mattering = new WeakMap<RecognitionContext, Map<string, boolean>>();
const MAX_REMEMBERED_VALUES = 4096;
const MAX_REMEMBERED_VALUE_LENGTH = 256;

/** Looks at one object's own fields for a body, an error object or a success. */
function inspectObject(obj: { [key: string]: Json }, parentKey: string, evidence: Evidence, ctx: RecognitionContext): void {
  let code: string | null = null;
  let numericCode: number | null = null;
  /** A code field whose value is not a usable code (`"Bad Code!"`, `{…}`): not a success either. */
  let unusableCode = false;
  /** A `Code` only a documented body vouches for (`toString`, `__proto__`). */
  let bodyCode: string | null = null;
  let requestId: string | null = null;
  let message: string | null = null;
  let errorContext = ERROR_CONTEXT_KEYS.has(parentKey.toLowerCase());
  /** A request object's `id` is its RequestId (`"request":{"id":…}`, ECS's `http.request.id`). */
  const requestObject = normalizeKey(parentKey) === 'request';
  /** An audit trail's event (ActionTrail's, CloudTrail's): the API it records is its `eventName`, beside its `eventSource`. */
  let eventName: string | null = null;
  let eventSource: string | null = null;
  for (const key of Object.keys(obj)) {
    const norm = normalizeKey(key);
    const value = obj[key];
    if (CODE_KEYS.has(norm)) {
      if (typeof value === 'string' && CODE_SHAPE.test(value)) code = value;
      else if (typeof value === 'string' && key === 'Code' && BODY_CODE_SHAPE.test(value)) bodyCode = value;
      else if (typeof value === 'number') numericCode = value;
      else if (typeof value === 'string' && NUMERIC_CODE.test(value)) numericCode = Number(value);
      else if (value !== null && value !== '') unusableCode = true;
    } else if (REQUEST_ID_KEYS.has(norm) || (requestObject && norm === 'id')) {
      if (typeof value === 'string' && REQUEST_ID_SHAPE.test(value)) requestId = value;
    } else if (MESSAGE_KEYS.has(norm)) {
      if (typeof value === 'string') message = value;
    } else if (ACTION_KEYS.has(norm)) {
      if (typeof value === 'string' && PASCAL_CASE_ACTION.test(value)) evidence.noteAction(value);
    } else if (norm === 'eventname') {
      if (typeof value === 'string' && PASCAL_CASE_ACTION.test(value)) eventName = value;
    } else if (norm === 'eventsource') {
      if (typeof value === 'string') eventSource = value;
    } else if (norm === 'stack' || norm === 'name' || norm === 'type') {
      errorContext = true;
    } else if (norm === 'statuscode' || norm === 'httpstatus' || norm === 'status') {
      if (typeof value === 'number' && value >= 100 && value <= 599) evidence.noteStatus(value);
    }
  }

  // An error object written as its class and message (log4j2's JsonLayout `thrown`, ECS's `error.type` and
  // `error.message`) is read as the runtime prints it, `<class>: <message>`, where an SDK's text shows.
  if (message !== null && code === null) {
    const className = exceptionClassOf(obj);
    if (className !== null) scanText(`${className}: ${message}`, evidence, ctx);
  }
  const response = obj['Response'];
  if (isObject(response)) {
    inspectTencentResponse(response, evidence, ctx);
    return;
  }
  const auditEvent = eventSource !== null && eventName !== null;
  if (auditEvent) evidence.noteAction(eventName!);
  if (requestId) evidence.addRequestId(requestId);
  const hostId = typeof obj['HostId'] === 'string' ? obj['HostId'] : null;
  const hostVendor = hostId === null ? null : vendorOfHost(hostId, ctx.hosts);
  // S3's body has the same four fields as Alibaba's; its HostId is no vendor's host and its RequestId 16 hex digits.
  if ('Code' in obj && hostId !== null && hostVendor === null && typeof obj['RequestId'] === 'string' && S3_REQUEST_ID.test(obj['RequestId'])) {
    evidence.noteOtherCloud('aws');
    return;
  }
  if (isGoogleError(obj, parentKey)) {
    evidence.noteOtherCloud('google');
    return;
  }
  const alibabaBody = 'RequestId' in obj && 'Code' in obj && (typeof obj['Recommend'] === 'string' || hostVendor !== null);
  if (!code && bodyCode && alibabaBody) code = bodyCode;
  else if (bodyCode) unusableCode = true;
  // An audit trail's event names the API's host as its `eventSource`: a vendor's host vouches for its code as a body does.
  const sourceHost = auditEvent ? eventSource : null;
  const sourceVendor = sourceHost === null ? null : vendorOfHost(sourceHost, ctx.hosts);
  if (code) {
    const vendor = alibabaBody ? (hostVendor ?? ctx.upperCaseIds) : sourceVendor;
    if (vendor) evidence.hintVendor(vendor, 3);
    const documented = alibabaBody || sourceVendor !== null;
    const strength = documented ? STRENGTH.body : requestId ? STRENGTH.paired : errorContext ? STRENGTH.labelled : STRENGTH.inferred;
    const product = alibabaBody ? bodyProduct(obj, hostId, vendor, ctx) : sourceVendor ? productOfHost(sourceHost!, sourceVendor, ctx.products) : null;
    evidence.addCode(code, strength, requestId, product, parentKey === 'log');
    if (message) evidence.noteMessage(message);
  } else if (requestId && errorContext && message) {
    evidence.noteMessage(message);
  } else if (requestId && !unusableCode && (auditEvent ? numericCode === null && !('errorMessage' in obj) : obj['RequestId'] === requestId && isAlibabaSuccess(obj, numericCode))) {
    // An audit trail's event without an error code records a call that succeeded.
    evidence.success = true;
    evidence.successRequestId ??= requestId;
  }
}

/** The exception class an error object names (see CLASS_KEYS), or null. */
function exceptionClassOf(obj: { [key: string]: Json }): string | null {
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    if (typeof value === 'string' && CLASS_KEYS.has(normalizeKey(key)) && EXCEPTION_CLASS.test(value)) return value;
  }
  return null;
}

/** The product an Alibaba body names: its HostId's host, else its Recommend URL's `product=`. */
function bodyProduct(obj: { [key: string]: Json }, hostId: string | null, vendor: string | null, ctx: RecognitionContext): string | null {
  const fromHost = hostId === null ? null : productOfHost(hostId, vendor, ctx.products);
  if (fromHost) return fromHost;
  const recommend = obj['Recommend'];
  const m = typeof recommend === 'string' ? RECOMMEND_PRODUCT.exec(recommend) : null;
  return m ? m[1]!.toLowerCase() : null;
}

/** Google's error body: `{"error":{"code":403,"message":"…","status":"PERMISSION_DENIED"}}`. */
function isGoogleError(obj: { [key: string]: Json }, parentKey: string): boolean {
  return parentKey === 'error' && typeof obj['code'] === 'number' && typeof obj['status'] === 'string' && GOOGLE_STATUS.test(obj['status']);
}

/** `{"Response":{"Error":{"Code","Message"},"RequestId"}}`, or a success without `Error`. */
function inspectTencentResponse(response: { [key: string]: Json }, evidence: Evidence, ctx: RecognitionContext): void {
  const requestId = typeof response['RequestId'] === 'string' ? response['RequestId'] : null;
  const error = response['Error'];
  if (ctx.lowerCaseIds && (requestId || isObject(error))) evidence.hintVendor(ctx.lowerCaseIds, 3);
  if (isObject(error) && typeof error['Code'] === 'string' && BODY_CODE_SHAPE.test(error['Code'])) {
    evidence.addCode(error['Code'], STRENGTH.body, requestId && REQUEST_ID_SHAPE.test(requestId) ? requestId : null);
    if (typeof error['Message'] === 'string') evidence.noteMessage(error['Message']);
  } else if (requestId && !isObject(error)) {
    evidence.success = true;
    evidence.successRequestId ??= requestId;
  }
  if (requestId) evidence.addRequestId(requestId);
}

/**
 * An Alibaba OpenAPI success body: `RequestId` beside the action's own
 * PascalCase fields, and no error code (a numeric `Code` of 200 is a success).
 */
function isAlibabaSuccess(obj: { [key: string]: Json }, numericCode: number | null): boolean {
  if (numericCode !== null && numericCode !== 200) return false;
  if (obj['Success'] === false || isObject(obj['Error'])) return false;
  const keys = Object.keys(obj);
  return keys.length >= 2 && keys.every((k) => /^[A-Z]/.test(k));
}
