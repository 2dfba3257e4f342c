import { escapeRegExp } from './escape-reg-exp.js';
import type { Shape } from './shapes.js';

/**
 * The anchors of a shape compared in any case, as one pattern.
 * @example anyCaseAnchors({ anchors: ['request'], … }).test('X-Acs-Request-Id: …') // true
 */
export function anyCaseAnchors(shape: Pick<Shape, 'anchors'>): RegExp {
  return new RegExp(shape.anchors.map(escapeRegExp).join('|'), 'i');
}

/**
 * Whether a text holds one of the shape's anchors, in any case when the
 * shape's `anyCase` says so: what scanText asks before reading a text for
 * the shape (it reads the answer from the context's LiteralIndex, which
 * the tests hold to this).
 * @example anchorTest({ anchors: ['[SDK.'], anyCase: false, … })('[SDK.TimeoutError] …') // true
 */
export function anchorTest(shape: Pick<Shape, 'anchors' | 'anyCase'>): (text: string) => boolean {
  if (shape.anyCase) {
    const pattern = anyCaseAnchors(shape);
    return (text) => pattern.test(text);
  }
  const [first, ...rest] = shape.anchors;
  if (rest.length === 0) return (text) => text.includes(first!);
  return (text) => shape.anchors.some((anchor) => text.includes(anchor));
}
