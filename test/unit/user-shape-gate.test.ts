import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import type { RawShape } from '../../src/catalog/raw-catalog.js';
import { CANDIDATE_TEXT, EVENT_GATE } from '../../src/recognition/candidate-gate.js';
import { createRecognitionContext } from '../../src/recognition/recognition-context.js';
import { BUILT_IN_SHAPE_TABLE, shapeTableWith, type ShapeTable } from '../../src/recognition/shape-table.js';
import { SHAPES } from '../../src/recognition/shapes.js';
import { sampleText, toUserShape } from '../../src/recognition/user-shape.js';
import { scanFastPath, scanFullPath } from '../helpers/both-paths.js';

const EXAMPLE = 'fixtures/catalogs/in-house-shapes.yaml';

/** What the fast path's gate finds in a text, as quiet-lines asks it. */
function eventGateFinds(table: ShapeTable, text: string): boolean {
  const gate = table.gates.eventGate;
  gate.lastIndex = 0;
  return gate.test(text);
}

/** Every way a text reaches the gates: as it is, as a JSON line's message, and so with `/` written `\/`. */
function admitted(table: ShapeTable, text: string): boolean {
  const line = JSON.stringify({ level: 50, msg: text });
  return (
    table.gates.candidateText.test(text) &&
    eventGateFinds(table, text) &&
    eventGateFinds(table, line) &&
    eventGateFinds(table, line.replaceAll('/', '\\/'))
  );
}

/** Anchors as the schema takes them: printable ASCII without `"` or `\`, at least 3 characters. */
const anchor = fc.string({ unit: fc.constantFrom(...[...Array(95).keys()].map((i) => String.fromCharCode(32 + i)).filter((c) => c !== '"' && c !== '\\')), minLength: 3, maxLength: 16 });
const noise = fc.string({ unit: fc.constantFrom(...' :=,.{}[]abcXYZ019\u00e9'), maxLength: 24 });

function randomCase(text: string): fc.Arbitrary<string> {
  return fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((up) => [...text].map((c, i) => (up[i] ? c.toUpperCase() : c.toLowerCase())).join(''));
}

describe('the gates derived from a table with user shapes', () => {
  it('are the built-in ones, unchanged, when no catalog adds a shape', () => {
    expect(shapeTableWith([])).toBe(BUILT_IN_SHAPE_TABLE);
    expect(createRecognitionContext(loadCatalog()).shapes).toBe(BUILT_IN_SHAPE_TABLE);
    expect(BUILT_IN_SHAPE_TABLE.gates.candidateText).toBe(CANDIDATE_TEXT);
    expect(BUILT_IN_SHAPE_TABLE.gates.eventGate).toBe(EVENT_GATE);
  });

  it('put the user shapes after the built-in rows', () => {
    const ctx = createRecognitionContext(loadCatalog([EXAMPLE]));
    expect(ctx.shapes.shapes.map((s) => s.name)).toEqual([...SHAPES.map((s) => s.name), 'mqapi-fail']);
    expect(ctx.shapes.holdsAnchor).toHaveLength(ctx.shapes.shapes.length);
  });

  it('admit every sample of the worked example, which the built-in gates do not', () => {
    const catalog = loadCatalog([EXAMPLE]);
    const ctx = createRecognitionContext(catalog);
    for (const text of catalog.shapes.flatMap((s) => s.samples.map(sampleText))) {
      expect(admitted(ctx.shapes, text), text).toBe(true);
      expect(admitted(BUILT_IN_SHAPE_TABLE, text), text).toBe(false);
    }
  });

  it('admit every text holding a user shape’s anchor, in any case where the shape says so', () => {
    fc.assert(
      fc.property(fc.array(anchor, { minLength: 1, maxLength: 3 }), fc.nat(), fc.boolean(), noise, noise, (anchors, pick, anyCase, before, after) => {
        const raw: RawShape = { name: 'in-house', vendor: 'tencent', anchors, anyCase, pattern: '(?<code>[A-Z]\\w{0,40})', samples: ['x'] };
        const table = shapeTableWith([toUserShape(raw)]);
        const held = anchors[pick % anchors.length]!;
        fc.assert(
          fc.property(anyCase ? randomCase(held) : fc.constant(held), (written) => {
            const text = `${before}${written}${after}`;
            expect(admitted(table, text), JSON.stringify(text)).toBe(true);
            // The row's own anchor test agrees: a text the gates admit for it is read for it.
            expect(table.holdsAnchor[table.holdsAnchor.length - 1]!(text), JSON.stringify(text)).toBe(true);
          }),
          { numRuns: 5 },
        );
      }),
      { numRuns: 300 },
    );
  });

  it('let the fast path take every sample line to recognition, as the full path does', async () => {
    const catalog = loadCatalog([EXAMPLE]);
    const ctx = createRecognitionContext(catalog);
    const lines = catalog.shapes.flatMap((s) => s.samples.map(sampleText));
    const bytes = [Buffer.from(`${lines.join('\n')}\n`)];
    const fast = scanFastPath(bytes, { ctx });
    const full = await scanFullPath(bytes, { ctx });
    expect(fast.events.filter((e) => e.event === 'error')).toHaveLength(lines.length);
    expect(fast.summary).toEqual(full.summary);
  });
});
