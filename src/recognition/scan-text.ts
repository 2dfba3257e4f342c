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
 * them): each shape whose anchors the text holds is read, in the table's
 * order, into the record's evidence.
 * @example scanText('[TencentCloudSDKError] Code=InternalError, Message=…, RequestId=…', evidence, ctx)
 */
export function scanText(value: string, evidence: Evidence, ctx: RecognitionContext): void {
  if (evidence.textsScanned++ >= MAX_TEXTS) return;
  const text = stripAnsi(value);
  noteVendorSigns(text, evidence, ctx);
  const state = new ScanState(text, evidence, ctx, (body) => walkJson(body as never, evidence, ctx, false));
  const { shapes, holdsAnchor } = ctx.shapes;
  for (let i = 0; i < shapes.length; i++) {
    if (holdsAnchor[i]!(text)) shapes[i]!.read(state, shapes[i]!);
  }
}

/** Weighs the vendor markers and hosts the text holds, each once; most texts hold none, which one search settles. */
function noteVendorSigns(text: string, evidence: Evidence, ctx: RecognitionContext): void {
  const first = text.search(ctx.anySign);
  if (first < 0) return;
  for (const [marker, vendor] of ctx.markers) if (text.includes(marker, first)) evidence.hintVendor(vendor, 3);
  for (const [host, vendor] of ctx.hosts) if (text.includes(host, first)) evidence.hintVendor(vendor, 2);
}
