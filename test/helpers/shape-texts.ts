import fc from 'fast-check';
import type { Shape } from '../../src/recognition/shapes.js';

/** Texts the pattern matches, with its look-arounds and word boundaries left out (the generator knows none), in any case where the pattern ignores case. */
export function patternTexts(pattern: RegExp): fc.Arbitrary<string> {
  const loose = new RegExp(pattern.source.replace(/\(\?<?[=!][^()]*\)/g, '').replace(/\\b/g, ''));
  const texts = fc.stringMatching(loose, { size: 'small' });
  return pattern.flags.includes('i') ? texts.chain(anyCase) : texts;
}

function anyCase(text: string): fc.Arbitrary<string> {
  return fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((upper) =>
    [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''),
  );
}

/** A shape's examples with text around them, cut short at either end, or in another case when the shape ignores case. */
function exampleTexts(shape: Shape): fc.Arbitrary<string> {
  const noise = fc.string({ unit: fc.constantFrom(...' :=,."{}[]\nabcXYZ019'), maxLength: 12 });
  const example = fc.constantFrom(...shape.examples);
  const around = fc.tuple(noise, example, noise).map(([a, e, b]) => a + e + b);
  const cut = fc.tuple(example, fc.nat(), fc.nat()).map(([e, a, b]) => e.slice(a % e.length, e.length - (b % e.length)));
  return fc.oneof(around, cut, shape.anyCase ? example.chain(anyCase) : example);
}

/** Every text a shape's property tests read: from its pattern and from its examples. */
export function shapeTexts(shape: Shape): fc.Arbitrary<string> {
  return shape.pattern ? fc.oneof(patternTexts(shape.pattern), exampleTexts(shape)) : exampleTexts(shape);
}
