import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINE_FIELDS, SHIPPER_FIELDS } from '../../src/records/envelope-fields.js';
import { mayBeWrapped } from '../../src/records/may-be-wrapped.js';
import { mayCarryEnvelope } from '../../src/records/may-carry-envelope.js';
import { peelEnvelope } from '../../src/records/peel-envelope.js';

/** Keys as logs write them: the envelope vocabulary, `_`-led and capitalized ones, an application's, any string. */
const key = fc.oneof(
  fc.constantFrom(...LINE_FIELDS),
  fc.constantFrom(...SHIPPER_FIELDS),
  fc.constantFrom('_SYSTEMD_UNIT', '__source__', '_id', 'PRIORITY', 'level', 'time', 'pid', 'hostname', 'err', 'code', 'requestId', 'action', 'data'),
  fc.string({ maxLength: 12 }),
);
const leaf = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 6 }));
const object = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('object')),
  object: fc.dictionary(key, tie('value'), { maxKeys: 6 }),
})).object as fc.Arbitrary<Record<string, unknown>>;

describe('the byte-level envelope check (derived from the same words as the peeler)', () => {
  it('admits every JSON object the peeler takes apart, however it is spaced', () => {
    let peeled = 0;
    fc.assert(
      fc.property(object, fc.constantFrom(undefined, 2, '\t'), (obj, space) => {
        if (peelEnvelope(obj) === null) return;
        peeled++;
        const line = JSON.stringify(obj, null, space).replace(/\n\s*/g, ' ');
        expect(mayCarryEnvelope(line)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // The law is checked on envelopes, not only on objects the peeler turns away.
    expect(peeled).toBeGreaterThan(300);
  });

  it('turns away the lines of application loggers, so they stay on the fast path', () => {
    for (const line of [
      '{"level":30,"time":1795340674085,"pid":1,"hostname":"api-1","req":{"method":"GET"},"msg":"request completed"}',
      '{"level":"info","message":"ready","timestamp":"2026-11-22T09:44:34.085Z"}',
      '2026-11-22 09:44:34,085 INFO app: {"ok":true} done',
    ]) {
      expect(mayCarryEnvelope(line), line).toBe(false);
    }
  });
});

describe('the check on a line inside a block (the fast path reads a block’s view)', () => {
  it('answers for the line alone, whatever stands around it', () => {
    const lines = [
      'api-1  | at x',
      'Nov 22 09:44:34 node-1 app[1]: x',
      '<134>1 2026-11-22T09:44:34Z h a - - - x',
      '{"log":"x\\n","stream":"stdout"}',
      '2026-11-22 09:44:34 INFO ready',
      'plain text without a bar',
      '{"level":30,"msg":"ok"}',
    ];
    for (const line of lines) {
      for (const [before, after] of [['', ''], ['head | 1\n', '\nweb-1 | tail'], ['{"log":"a"}\n', '\n{"log":"b","stream":"x"}']] as const) {
        const block = `${before}${line}${after}`;
        expect(mayBeWrapped(block, before.length, before.length + line.length), `${JSON.stringify(before)} ${line}`).toBe(mayBeWrapped(line));
      }
    }
  });
});
