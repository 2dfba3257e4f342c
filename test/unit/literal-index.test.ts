import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { anyCaseAnchors } from '../../src/recognition/anchor-test.js';
import { LiteralSet, type Literal } from '../../src/recognition/literal-index.js';
import { createRecognitionContext } from '../../src/recognition/recognition-context.js';
import { ROOT } from '../helpers/run-cli.js';
import { join } from 'node:path';

/** What each literal's own search says: `includes`, or the `i` pattern an anchor in any case is. */
function reference(literals: readonly Literal[], text: string): number[] {
  return literals.map(({ text: literal, anyCase }) => ((anyCase ? anyCaseAnchors({ anchors: [literal] }).test(text) : text.includes(literal)) ? 1 : 0));
}

function indexOf(literals: readonly Literal[], wasm = true) {
  const set = new LiteralSet();
  const ids = literals.map((l) => set.add(l.text, l.anyCase));
  return { index: set.index({ wasm }), ids };
}

/** Characters literals and texts are made of: a few letters in both cases, separators, and characters beyond Latin-1 whose low byte is an ASCII letter's. */
const CHARS = ['a', 'A', 'b', 'B', 'q', 'Q', 'e', 'E', ':', ' ', '.', '"', '\u0161' /* low byte 0x61, 'a' */, '\u0141' /* 0x41, 'A' */, 'é', 'É', 'ſ', 'K', 'k', '\u212a' /* Kelvin */];
const piece = fc.constantFrom(...CHARS);
const literal = fc.record({ text: fc.array(piece, { minLength: 0, maxLength: 4 }).map((cs) => cs.join('')), anyCase: fc.boolean() });

describe('LiteralIndex', () => {
  it('makes its pass in WebAssembly where the module is built', () => {
    expect(indexOf([{ text: 'Exception', anyCase: false }]).index.inWasm).toBe(true);
    expect(indexOf([{ text: 'Exception', anyCase: false }], false).index.inWasm).toBe(false);
  });

  for (const wasm of [true, false]) {
    it(`finds in one pass${wasm ? ' (WebAssembly)' : ' (JavaScript)'} exactly the literals their own searches find, in any mix of cases, lengths and characters`, () => {
      fc.assert(
        fc.property(fc.array(literal, { minLength: 1, maxLength: 12 }), fc.array(fc.array(piece, { maxLength: 40 }).map((cs) => cs.join('')), { minLength: 1, maxLength: 4 }), (literals, texts) => {
          const { index, ids } = indexOf(literals, wasm);
          for (const text of texts) {
            const held = index.holds(text);
            expect(ids.map((id) => held[id]), JSON.stringify({ literals, text })).toEqual(reference(literals, text));
          }
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('grows its WebAssembly memory for a long text and still finds what is at its end', () => {
    const { index, ids } = indexOf([{ text: 'TeaException', anyCase: false }, { text: 'request', anyCase: true }]);
    const text = `${'x'.repeat(300_000)}TeaException: REQUEST`;
    expect(ids.map((id) => index.holds(text)[id])).toEqual([1, 1]);
    expect(ids.map((id) => index.holds('short TeaException')[id])).toEqual([1, 0]);
  });

  it('gives the same id to the same literal in the same case, and another to it in any case', () => {
    const set = new LiteralSet();
    const a = set.add('Code', false);
    expect(set.add('Code', false)).toBe(a);
    const any = set.add('code', true);
    expect(any).not.toBe(a);
    expect(set.add('CODE', true)).toBe(any);
    expect(set.index().size).toBe(2);
  });

  it('compares a literal in any case as the `i` flag does: ASCII letters only fold onto ASCII letters', () => {
    const { index, ids } = indexOf([
      { text: 'status', anyCase: true },
      { text: 'ask', anyCase: true },
    ]);
    expect(ids.map((id) => index.holds('HTTP STATUS 500')[id])).toEqual([1, 0]);
    // U+017F (long s) and U+212A (Kelvin sign) case-fold onto `s` and `k` only with the `u` flag.
    expect(ids.map((id) => index.holds('\u017ftatus a\u017f\u212a')[id])).toEqual([0, 0]);
    expect(ids.map((id) => index.holds('ASK')[id])).toEqual([0, 1]);
  });

  it('answers a text it was just given again, and a new text anew', () => {
    const { index, ids } = indexOf([{ text: 'Exception', anyCase: false }]);
    expect(index.holds('TeaException: x')[ids[0]!]).toBe(1);
    expect(index.holds('TeaException: x')[ids[0]!]).toBe(1);
    expect(index.holds('no error here')[ids[0]!]).toBe(0);
  });

  it('holds the recognition context’s literals as their own searches find them, on the shapes’ examples and on texts around them', () => {
    const ctx = createRecognitionContext(loadCatalog([join(ROOT, 'fixtures/catalogs/in-house-shapes.yaml')]));
    const literals: Literal[] = [];
    ctx.shapes.shapes.forEach((shape) => shape.anchors.forEach((text) => literals.push({ text, anyCase: shape.anyCase })));
    const ids = ctx.anchorIds.flat();
    const texts = ctx.shapes.shapes.flatMap((shape) => shape.examples);
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (example, before, after) => {
        const text = before + example + after;
        const held = ctx.literals.holds(text);
        expect(ids.map((id) => held[id])).toEqual(reference(literals, text));
        // What scanText reads of a shape is what the table's anchor test says.
        expect(ctx.anchorIds.map((shapeIds) => shapeIds.some((id) => held[id] === 1))).toEqual(ctx.shapes.holdsAnchor.map((holds) => holds(text)));
        const signs = [...ctx.markers, ...ctx.hosts].map(([sign]) => (text.includes(sign) ? 1 : 0));
        expect([...ctx.markerIds, ...ctx.hostIds].map((id) => held[id])).toEqual(signs);
      }),
      { numRuns: 1000 },
    );
  });
});
