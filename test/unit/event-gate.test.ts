import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_GATE } from '../../src/recognition/candidate-gate.js';

/** The gate's own source without case folding, for a text lower-cased first. */
const LOWER_CASED = new RegExp(EVENT_GATE.source, 'g');

function hits(pattern: RegExp, text: string): number[] {
  return [...text.matchAll(pattern)].map((m) => m.index);
}

/** Characters the gate is written with, their other cases, and Latin-1 letters that fold oddly (ÿ, µ, ß). */
const ALPHABET = [...'codeCODErequstREQUSTxpinXPINsdkSDK.-_\\uU"{}: 0', '\u00ff', '\u00b5', '\u00df', '\u00c9', '\u00e9', '\u00d7'];

describe('the event gate on a block’s Latin-1 view', () => {
  it('finds, in any case, what its lower-case source finds in the text lower-cased: no character beyond ASCII folds onto a letter', () => {
    const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 60 }).map((chars) => chars.join(''));
    const latin1 = fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 60 });
    fc.assert(
      fc.property(fc.oneof(text, latin1), (t) => {
        expect(hits(EVENT_GATE, t)).toEqual(hits(LOWER_CASED, t.toLowerCase()));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a hit in any case and with separators', () => {
    expect(hits(EVENT_GATE, 'X-Acs-Request-Id: 1; ERR_CODE=2')).toEqual([6, 25]);
    expect(hits(EVENT_GATE, 'R_e_Q_u_E_s_T_I-d')).toEqual([0]);
  });
});
