import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LineSink } from '../../src/lines/quiet-lines.js';
import { alwaysStartsRecord } from '../../src/records/continuation.js';
import { classifyBlock } from '../helpers/classify-block.js';

/** The lines of `buf` the fast path found quiet, decoded. */
function quietLines(buf: Buffer, wasm: boolean): string[] {
  const out: string[] = [];
  const sink: LineSink = { quiet: (b, start, end) => out.push(b.toString('utf8', start, end)), loud: () => {} };
  classifyBlock(buf, sink, wasm);
  return out;
}

describe('a line the fast path finds quiet', () => {
  it('is one the record rules say starts a record whatever came before: a bracket-led line but Monolog’s `[stacktrace]` alone', () => {
    const piece = fc.constantFrom('[stacktrace]', '[stacktrace', 'stacktrace]', '[', ']', ' ', '\t', '\r', '\f', '\u00a0', 'x', '2026-11-22 09:44:34', 'INFO', '#0 /var/www/a.php(1): f()');
    let quiet = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 5 }), fc.boolean(), (pieces, wasm) => {
        const line = `[${pieces.join('')}`.replace(/\n/g, '');
        for (const found of quietLines(Buffer.from(`${line}\n`), wasm)) {
          quiet++;
          expect(alwaysStartsRecord(found), JSON.stringify(found)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
    expect(quiet).toBeGreaterThan(500);
    for (const wasm of [true, false]) {
      expect(quietLines(Buffer.from('[stacktrace]\n[stacktrace] \r\n'), wasm)).toEqual([]);
      expect(quietLines(Buffer.from('[stacktrace] follows\n'), wasm)).toEqual(['[stacktrace] follows']);
    }
  });
});
