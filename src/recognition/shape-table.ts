import { anchorTest } from './anchor-test.js';
import { BUILT_IN_GATES, computeGates, type Gates } from './candidate-gate.js';
import { HOLDS_ANCHOR, SHAPES, type Shape } from './shapes.js';

/**
 * The table of shapes a run recognizes with, and what is derived from it:
 * per row, the test of its anchors, and the gates. The built-in table
 * unless the run's catalog adds shapes.
 */
export interface ShapeTable {
  shapes: readonly Shape[];
  /** Per shape, in the table's order: whether a text holds one of its anchors (what the context's LiteralIndex answers in one pass; see anchorTest). */
  holdsAnchor: readonly ((text: string) => boolean)[];
  gates: Gates;
}

/** SHAPES, with the anchor tests and gates computed once when the module loads. */
export const BUILT_IN_SHAPE_TABLE: ShapeTable = { shapes: SHAPES, holdsAnchor: HOLDS_ANCHOR, gates: BUILT_IN_GATES };

/**
 * The built-in table with a user catalog's shapes after its rows, and the
 * gates computed from the whole (so they admit every text that holds a
 * user shape's anchor). Without added shapes, the built-in table itself:
 * a run without user shapes does exactly the work it did before.
 * @example shapeTableWith(catalog.shapes.map(toUserShape)).gates.words
 */
export function shapeTableWith(added: readonly Shape[]): ShapeTable {
  if (added.length === 0) return BUILT_IN_SHAPE_TABLE;
  const shapes = [...SHAPES, ...added];
  return { shapes, holdsAnchor: [...HOLDS_ANCHOR, ...added.map(anchorTest)], gates: computeGates(shapes) };
}
