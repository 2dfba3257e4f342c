import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alternation } from '../../src/recognition/alternation.js';
import { escapeRegExp } from '../../src/recognition/escape-reg-exp.js';

/** Where matches of a global pattern start, searched from every position (as the gates are asked). */
function starts(pattern: RegExp, text: string): number[] {
  const found: number[] = [];
  for (let from = 0; from <= text.length; from++) {
    pattern.lastIndex = from;
    const m = pattern.exec(text);
    found.push(m ? m.index : -1);
  }
  return found;
}

/** Words over a small alphabet, so that they share prefixes and extend each other often. */
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '.', '\\'), minLength: 1, maxLength: 5 });
/** Atoms as the gates use them: a literal character, optionally followed by a run of separators. */
const atoms = (w: string, separated: boolean): string[] => [...w].flatMap((c, i) => (separated && i > 0 ? ['[-_]*', escapeRegExp(c)] : [escapeRegExp(c)]));

describe('an alternation joined as a trie', () => {
  it('finds the first match at or after every position where the plain alternation does', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.boolean()), { minLength: 1, maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', '.', '\\', '-', '_', 'x'), maxLength: 40 }), (words, text) => {
        const alternatives = words.map(([w, separated]) => atoms(w, separated));
        const plain = new RegExp(alternatives.map((a) => a.join('')).join('|'), 'g');
        const trie = new RegExp(alternation(alternatives), 'g');
        expect(starts(trie, text)).toEqual(starts(plain, text));
      }),
      { numRuns: 2000 },
    );
  });

  it('groups alternatives by their first atoms and drops those that extend a shorter one', () => {
    expect(alternation([['e', 'x'], ['e', 'r', 'r']])).toBe('e(?:x|rr)');
    expect(alternation([['a', 'b', 'c'], ['a', 'b'], ['d']])).toBe('(?:ab|d)');
    expect(alternation([['a'], ['a', 'b']])).toBe('a');
    expect(alternation([])).toBe('(?!)');
  });
});
