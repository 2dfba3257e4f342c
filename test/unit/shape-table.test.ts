import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Evidence } from '../../src/recognition/evidence.js';
import { ScanState } from '../../src/recognition/scan-state.js';
import { readPattern } from '../../src/recognition/shape-readers.js';
import { HOLDS_ANCHOR, SHAPES, type Shape } from '../../src/recognition/shapes.js';
import { walkJson } from '../../src/recognition/walk-json.js';
import { builtInContext } from '../helpers/context.js';
import { ROOT } from '../helpers/run-cli.js';
import { shapeTexts } from '../helpers/shape-texts.js';

/** What a reader found, in a form to compare. */
function findings(evidence: Evidence): string {
  const { codes, requestIds, messages, sdkError, sdkHeader, success, successRequestId, otherCloud, action, observedStatus } = evidence;
  return JSON.stringify({ codes, requestIds, messages, sdkError, sdkHeader, success, successRequestId, otherCloud, action, observedStatus });
}

const NOTHING = findings(new Evidence());

/** Reads `text` for `shape` alone, whatever anchors the text holds: what the shape would find if it were read. */
function readAlone(shape: Shape, text: string): string {
  const ctx = builtInContext();
  const evidence = new Evidence();
  shape.read(new ScanState(text, evidence, ctx, (body) => walkJson(body as never, evidence, ctx, false)), shape);
  return findings(evidence);
}

describe('the table of shapes', () => {
  it('names each shape once', () => {
    expect(new Set(SHAPES.map((s) => s.name)).size).toBe(SHAPES.length);
  });

  it('gives a shape read by its pattern the groups and strength that reading needs', () => {
    for (const shape of SHAPES.filter((s) => s.read === readPattern)) {
      expect(shape.pattern, shape.name).not.toBeNull();
      const groups = new RegExp(`${shape.pattern!.source}|`).exec('')!.length - 1;
      for (const group of Object.values(shape.groups)) expect(group, shape.name).toBeLessThanOrEqual(groups);
      if (shape.groups.code !== undefined) expect(['number', 'string'], shape.name).toContain(typeof shape.strength);
      expect(shape.strength, shape.name).not.toBe('by-reader');
    }
  });

  for (const shape of SHAPES) {
    it(`${shape.name}: each example holds an anchor and is found`, () => {
      expect(shape.examples.length).toBeGreaterThan(0);
      for (const example of shape.examples) {
        expect(HOLDS_ANCHOR[SHAPES.indexOf(shape)]!(example), example).toBe(true);
        expect(readAlone(shape, example), example).not.toBe(NOTHING);
      }
    });

    it(`${shape.name}: finds nothing in a text without its anchors`, () => {
      const holds = HOLDS_ANCHOR[SHAPES.indexOf(shape)]!;
      fc.assert(
        fc.property(shapeTexts(shape), (text) => {
          if (!holds(text)) expect(readAlone(shape, text)).toBe(NOTHING);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('is the table docs/architecture.md shows: the same rows in the same order, with their anchors and words', () => {
    const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| \d+ \| `([a-z0-9-]+)` \| (.*?) \| (.*?) \|/gm)].map((m) => ({ name: m[1], anchors: m[2], words: m[3] }));
    const code = (texts: readonly string[]): string => texts.map((t) => '`' + t.replace(/\n/g, '\\n') + '`').join(' ');
    expect(rows).toEqual(
      SHAPES.map((s) => ({ name: s.name, anchors: code(s.anchors) + (s.anyCase ? ' (any case)' : ''), words: code(s.words) || '—' })),
    );
  });
});
