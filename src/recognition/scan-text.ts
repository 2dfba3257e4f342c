import type { Evidence } from './evidence.js';
import type { RecognitionContext } from './recognition-context.js';
import { ScanState } from './scan-state.js';
import { stripAnsi } from './strip-ansi.js';
import { walkJson } from './walk-json.js';

/** Texts scanned per record; a record with more strings is not worth more work. */
const MAX_TEXTS = 200;

/**
 * Scans free text (a plain log line, a JSON string value, a stack) for the
 * shapes of the context's table (SHAPES, and a user catalog's shapes after
 * them): each shape whose anchors the text holds — all found in one pass,
 * with the vendors' signs — is read, in the table's order, into the
 * record's evidence.
 * @example scanText('[TencentCloudSDKError] Code=InternalError, Message=…, RequestId=…', evidence, ctx)
 */
export function scanText(value: string, evidence: Evidence, ctx: RecognitionContext, escapesRead = false): void {
  if (evidence.textsScanned++ >= MAX_TEXTS) return;
  const text = stripAnsi(value);
  const codes = evidence.codes.length;
  readShapes(text, evidence, ctx, !escapesRead);
  // A multi-line text logged on one line with its breaks escaped (logfmt's quoted values, `%q`, a flattened
  // stack trace): where the text as written showed no code with its RequestId, it is read again with its breaks
  // and tabs restored.
  if (!escapesRead && !pairedSince(evidence, codes) && text.includes('\\n')) {
    const restored = restoreBreaks(text);
    if (restored !== text) scanText(restored, evidence, ctx, true);
  }
}

/** Whether a code found since the first `from` findings came with its RequestId. */
function pairedSince(evidence: Evidence, from: number): boolean {
  for (let i = from; i < evidence.codes.length; i++) if (evidence.codes[i]!.requestId !== null) return true;
  return false;
}

/** `\n`, `\r` and `\t` as the characters they stand for; an escaped backslash (`\\`) stays as written. */
function restoreBreaks(text: string): string {
  return text.replace(ESCAPED_BREAK, (escape, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : escape));
}
const ESCAPED_BREAK = /\\([\\nrt])/g;

/** Reads the shapes whose anchors `text` holds, in the table's order, into the evidence, and its vendors' signs when `signs` (a text read again has the same). */
function readShapes(text: string, evidence: Evidence, ctx: RecognitionContext, signs: boolean): void {
  const held = ctx.literals.holds(text);
  if (signs) noteVendorSigns(held, evidence, ctx);
  const { shapes } = ctx.shapes;
  const { anchorIds } = ctx;
  // Taken before any shape is read: reading one may scan a text within (an embedded body), which refills `held`.
  const read = new Uint8Array(shapes.length);
  for (let i = 0; i < shapes.length; i++) read[i] = holdsAny(held, anchorIds[i]!) ? 1 : 0;
  const state = new ScanState(text, evidence, ctx, (body) => walkJson(body as never, evidence, ctx, false));
  for (let i = 0; i < shapes.length; i++) {
    if (read[i] === 1) shapes[i]!.read(state, shapes[i]!);
  }
}

function holdsAny(held: Uint8Array, ids: readonly number[]): boolean {
  for (let i = 0; i < ids.length; i++) if (held[ids[i]!] === 1) return true;
  return false;
}

/** Weighs the vendor markers and hosts the text holds (`held`: see LiteralIndex), each once. */
function noteVendorSigns(held: Uint8Array, evidence: Evidence, ctx: RecognitionContext): void {
  const { markers, hosts, markerIds, hostIds } = ctx;
  for (let i = 0; i < markers.length; i++) if (held[markerIds[i]!] === 1) evidence.hintVendor(markers[i]![1], 3);
  for (let i = 0; i < hosts.length; i++) if (held[hostIds[i]!] === 1) evidence.hintVendor(hosts[i]![1], 2);
}
