import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINE_FIELDS, SHIPPER_FIELDS } from '../../src/records/envelope-fields.js';
import { mayBeWrapped } from '../../src/records/may-be-wrapped.js';
import { JsonKeys, jsonObjectEnd } from '../../src/lines/json-line-shape.js';
import { ENVELOPE_KEY_CLASSES, keysMayCarryEnvelope, mayCarryEnvelope } from '../../src/records/may-carry-envelope.js';
import { LineSearch } from '../../src/lines/line-search.js';
import { EVENT_GATE_WORDS } from '../../src/recognition/candidate-gate.js';
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
      'api.1.k3x9q2m8v7n1@node    | at x',
      'api | at x',
      'Nov 22 09:44:34 node-1 app[1]: x',
      '<134>1 2026-11-22T09:44:34Z h a - - - x',
      '{"log":"x\\n","stream":"stdout"}',
      '2026-11-22 09:44:34 INFO ready',
      'plain text without a bar',
      '{"level":30,"msg":"ok"}',
    ];
    for (const line of lines) {
      for (const [before, after] of [['', ''], ['head | 1\n', '\nweb-1 | tail'], ['{"log":"a"}\n', '\n{"log":"b","stream":"x"}'], ['ops@example.com\n', '\nx@y | z']] as const) {
        const block = `${before}${line}${after}`;
        expect(mayBeWrapped(block, before.length, before.length + line.length), `${JSON.stringify(before)} ${line}`).toBe(mayBeWrapped(line));
      }
    }
  });
});

/** Keys that sit on the edges of the envelope patterns: dots near and far from the end, capitals, `_`-led, empty. */
const edgeKey = fc.oneof(
  key,
  fc.constantFrom('k8s.pod.name', 'a.', '.', 'A_B', 'AB', 'ABC', 'A1_', 'Abc', '_', '', 'LOG', 'Log', 'msg ', 'é', 'x'.repeat(66), 'X'.repeat(66)),
  fc.tuple(fc.string({ maxLength: 4 }), fc.integer({ min: 120, max: 135 })).map(([head, n]) => `${head}.${'a'.repeat(n)}`),
);
const edgeObject = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.constantFrom('_x', '_', 'a.b'), tie('object')),
  object: fc.dictionary(edgeKey, tie('value'), { maxKeys: 6 }),
})).object as fc.Arbitrary<Record<string, unknown>>;

/**
 * The WebAssembly walk's keys of an ASCII line, with the union of their
 * classes in the envelope check's table (JsonKeys.classes), which the check
 * reads first: null for a line the walk does not take whole.
 */
const search = LineSearch.of(EVENT_GATE_WORDS, ENVELOPE_KEY_CLASSES);
function wasmKeys(line: string, at = 0, length = line.length): JsonKeys | null {
  if (!/^[\x00-\x7f]*$/.test(line)) return null;
  if (!search) throw new Error('the WebAssembly line search is not available');
  search.load(Buffer.from(line, 'latin1'), 0, line.length);
  return search.json(at) === at + length ? search.keys : null;
}

describe('the envelope check from a JSON line’s keys (one walk for the shape and the keys)', () => {
  it('answers as mayCarryEnvelope on every line of the accepted shape, however it is spaced', () => {
    const keys = new JsonKeys();
    let accepted = 0;
    let envelopes = 0;
    let fromClasses = 0;
    fc.assert(
      fc.property(edgeObject, fc.array(fc.constantFrom('', ' ', '  ', '\t', ' '.repeat(8), ' '.repeat(9), ' '.repeat(12)), { minLength: 1, maxLength: 4 }), fc.constantFrom('', ' ', '\t \r'), (obj, gaps, tail) => {
        let n = 0;
        // Spaces before colons, around commas and braces: the patterns allow at most 8 before a colon.
        const line = JSON.stringify(obj).replace(/":/g, () => `"${gaps[n++ % gaps.length]}:`).replace(/,"/g, () => `,${gaps[n++ % gaps.length]}"`) + tail;
        if (jsonObjectEnd(line, 0, keys) < 0) return;
        accepted++;
        const expected = mayCarryEnvelope(line);
        if (expected) envelopes++;
        expect(keysMayCarryEnvelope(line, keys), line).toBe(expected);
        const walked = wasmKeys(line.trimEnd());
        if (walked) {
          fromClasses++;
          expect(keysMayCarryEnvelope(line, walked), line).toBe(expected);
        }
      }),
      { numRuns: 4000 },
    );
    // Both answers are exercised, on lines the walk accepts.
    expect(accepted).toBeGreaterThan(1500);
    expect(envelopes).toBeGreaterThan(200);
    // The WebAssembly walk's keys, read through their classes first, answer the same on the ASCII lines.
    expect(fromClasses).toBeGreaterThan(1000);
  });

  it('answers as mayCarryEnvelope at the edges of each key form', () => {
    const keys = new JsonKeys();
    const forms = [
      `a.${'b'.repeat(127)}`, `a.${'b'.repeat(128)}`, `a.${'b'.repeat(129)}`, `${'c'.repeat(200)}.d`,
      `A${'B'.repeat(63)}`, `A${'B'.repeat(64)}`, `A${'B'.repeat(65)}`, 'AB', 'A_9', 'Ab9', '_x', 'x_', 'stream', 'streams',
    ];
    for (const form of forms) {
      for (const gap of ['', ' '.repeat(8), ' '.repeat(9)]) {
        const line = `{"msg":"x","${form}"${gap}:1}`;
        expect(jsonObjectEnd(line, 0, keys), line).toBe(line.length);
        expect(keysMayCarryEnvelope(line, keys), line).toBe(mayCarryEnvelope(line));
        expect(keysMayCarryEnvelope(line, wasmKeys(line)!), line).toBe(mayCarryEnvelope(line));
      }
    }
    // Both answers occur among the forms.
    expect(mayCarryEnvelope(`{"msg":"x","a.${'b'.repeat(128)}":1}`)).toBe(true);
    expect(mayCarryEnvelope(`{"msg":"x","a.${'b'.repeat(129)}":1}`)).toBe(false);
  });

  it('answers for the line alone when the walk reads it inside a block', () => {
    const keys = new JsonKeys();
    const line = '{"level":30,"msg":"ok","req":{"url":"/"}}';
    for (const before of ['', '{"log":"x","stream":"stdout"}\n', 'k8s.pod.name"  :\n']) {
      const block = `${before}${line}\n{"kubernetes":{},"log":"y"}`;
      expect(jsonObjectEnd(block, before.length, keys)).toBe(before.length + line.length);
      expect(keysMayCarryEnvelope(block, keys)).toBe(false);
      expect(keysMayCarryEnvelope(block, wasmKeys(block, before.length, line.length)!)).toBe(false);
    }
  });
});
