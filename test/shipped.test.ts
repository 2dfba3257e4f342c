import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TaggedEvent } from '../src/types.js';
import { ROOT } from './helpers/run-cli.js';
import { scanSource } from './helpers/scan-source.js';

/**
 * Logs as log platforms deliver them (fixtures/shipped/, see its README):
 * every API error found once, with its vendor, code, RequestId and the
 * stream's dimensions, whatever envelope, per-line shipping or export
 * carried it. The expectations come from what the SDKs were answered, never
 * from mqerr.
 */
interface Expected {
  vendor: string;
  code?: string | null;
  /** The code the record names only through the answered message (see fixtures/shipped/README.md). */
  codeFromMessage?: string;
  requestId: string | null;
  pod: string | null;
  container: string | null;
  namespace: string | null;
  host: string | null;
  unit: string | null;
}
interface Expectation {
  errors: (Expected & { product: string | null })[];
  successes: Expected[];
  /** `line` in an application's own log (apps/), where the record starts. */
  otherCloud: { cloud: string; code: string | null; requestId: string | null; line?: number }[];
  totals: { lines: number };
}

const DIR = join(ROOT, 'fixtures/shipped');
const CASES = [
  ...readdirSync(DIR).filter((f) => f.endsWith('.log')).map((f) => join(DIR, f)),
  ...readdirSync(join(DIR, 'apps')).filter((f) => f.endsWith('.log')).map((f) => join(DIR, 'apps', f)),
]
  .sort()
  .map((path) => ({
    name: path.slice(DIR.length + 1),
    bytes: readFileSync(path),
    expect: JSON.parse(readFileSync(path.replace(/\.log$/, '.expect.json'), 'utf8')) as Expectation,
  }));

const comparable = (e: Expected | TaggedEvent): object => ({
  vendor: e.vendor,
  code: e.code ?? ('codeFromMessage' in e ? e.codeFromMessage : null) ?? null,
  requestId: e.requestId,
  pod: e.pod,
  container: e.container,
  namespace: e.namespace,
  host: e.host,
  unit: e.unit,
});

/** The events counted: a repeat of an earlier error (same RequestId) is not another error. */
function counted(events: TaggedEvent[], kind: 'error' | 'success'): object[] {
  return events.filter((e) => e.event === kind && e.duplicateOf === null).map(comparable);
}

/** The product each counted error's text names. */
function products(events: TaggedEvent[]): (string | null)[] {
  return events.filter((e) => e.event === 'error' && e.duplicateOf === null).map((e) => e.product);
}

describe('logs as they arrive: each API error once, with its stream', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { events, summary } = await scanSource([c.bytes], c.name);
      expect(counted(events, 'error')).toEqual(c.expect.errors.map(comparable));
      expect(products(events)).toEqual(c.expect.errors.map((e) => e.product));
      expect(counted(events, 'success')).toEqual(c.expect.successes.map(comparable));
      // Another cloud's errors are set aside, never a vendor's, and counted apart.
      expect(events.filter((e) => e.otherCloud !== null).map((e) => [e.otherCloud, e.line])).toEqual(
        c.expect.otherCloud.map((x) => [x.cloud, x.line ?? expect.any(Number)]),
      );
      expect(summary.totals.lines).toBe(c.expect.totals.lines);
      // Every shipper and platform here writes a time for each line (an application's own log may not: consola's):
      // each event has one, the envelope's or the application's.
      if (!c.name.startsWith('apps/')) expect(events.filter((e) => e.event !== null && e.time === null).map((e) => e.line)).toEqual([]);
    });
  }
});

describe('chunking never changes what is found in shipped logs', () => {
  // Through the real pipeline (runOpenedSource), so documents are read as entries and lines take the fast path.
  it('gives the same events and totals however the bytes are cut', async () => {
    const whole = new Map<string, string>();
    for (const c of CASES) whole.set(c.name, JSON.stringify(await scanSource([c.bytes], c.name)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CASES), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }), async (c, cuts) => {
        const at = [...new Set(cuts.map((x) => Math.floor(x * c.bytes.length)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i) => c.bytes.subarray(from, at[i] ?? c.bytes.length)).filter((b) => b.length > 0);
        expect(JSON.stringify(await scanSource(chunks, c.name))).toBe(whole.get(c.name));
      }),
      { numRuns: 60 },
    );
  });
});
