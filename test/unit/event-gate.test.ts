import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_GATE, EVENT_GATE_LOWER_CASED } from '../../src/recognition/candidate-gate.js';

function hits(pattern: RegExp, text: string): number[] {
  return [...text.matchAll(pattern)].map((m) => m.index);
}

/** Characters the gate is written with, their other cases, and Latin-1 letters that fold oddly (ÿ, µ, ß). */
const ALPHABET = [...'codeCODErequstREQUSTxpinXPINsdkSDK.-_\\uU"{}: 0', '\u00ff', '\u00b5', '\u00df', '\u00c9', '\u00e9', '\u00d7'];

describe('the lower-cased event gate', () => {
  it('finds what EVENT_GATE finds, at the same places, in any Latin-1 text lower-cased', () => {
    const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 60 }).map((chars) => chars.join(''));
    const latin1 = fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 60 });
    fc.assert(
      fc.property(fc.oneof(text, latin1), (t) => {
        expect(hits(EVENT_GATE_LOWER_CASED, t.toLowerCase())).toEqual(hits(EVENT_GATE, t));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a hit in any case and with separators', () => {
    expect(hits(EVENT_GATE_LOWER_CASED, 'X-Acs-Request-Id: 1; ERR_CODE=2'.toLowerCase())).toEqual(hits(EVENT_GATE, 'X-Acs-Request-Id: 1; ERR_CODE=2'));
    expect(hits(EVENT_GATE_LOWER_CASED, 'R_e_Q_u_E_s_T_I-d'.toLowerCase())).toEqual([0]);
  });
});
