import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { takeLabelSet } from '../../src/records/loki-labels.js';
import { unwrapLine } from '../../src/records/unwrap-line.js';

describe('takeLabelSet', () => {
  it('reads a Prometheus label set and the padding after it, the pod, container and namespace it names, the set as the stream', () => {
    expect(takeLabelSet('{container="api", namespace="iot", pod="api-7d9f-abcde"}    boom')).toEqual({
      text: 'boom',
      origin: { pod: 'api-7d9f-abcde', container: 'api', namespace: 'iot', host: null, unit: null, stream: 'labels=container="api", namespace="iot", pod="api-7d9f-abcde"', time: null, zoned: false },
    });
    expect(takeLabelSet('{filename="/var/log/pods/iot_api-1_5f648931-c71b-4cc8-9b6d-4a4448f745ea/api/0.log"} x')?.origin).toMatchObject({ pod: 'api-1', namespace: 'iot', container: 'api' });
    expect(takeLabelSet('{job="a \\"b\\" c"} x')?.origin.stream).toBe('labels=job="a \\"b\\" c"');
  });

  it('reads back any label set Prometheus writes, whatever its values hold', () => {
    const name = fc.oneof(fc.constant('pod'), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/));
    const value = fc.string({ unit: fc.constantFrom('a', '"', '\\', ',', ' ', '}', '=', '\n', 'é'), maxLength: 8 });
    fc.assert(
      fc.property(fc.dictionary(name, value, { maxKeys: 5 }), fc.constantFrom('', ' ', '   '), (labels, pad) => {
        const names = Object.keys(labels).sort();
        const set = `{${names.map((n) => `${n}=${JSON.stringify(labels[n])}`).join(', ')}}`;
        const taken = takeLabelSet(`${set}${pad} line`);
        expect(taken?.text).toBe('line');
        expect(taken?.origin.stream).toBe(names.length === 0 ? null : `labels=${set.slice(1, -1)}`);
        if (labels['pod']) expect(taken?.origin.pod).toBe(labels['pod']);
      }),
      { numRuns: 500 },
    );
  });

  it('takes an empty set (every label common to all streams) and a set that ends the line', () => {
    expect(takeLabelSet('{} boom')).toMatchObject({ text: 'boom', origin: { stream: null } });
    expect(takeLabelSet('{pod="a"}')).toMatchObject({ text: '', origin: { pod: 'a' } });
  });

  it('leaves a JSON line, an object of another form, and a set glued to its line as they are', () => {
    for (const text of ['{"level":50,"msg":"x"}', '{level=50} x', '{pod=a} x', '{pod="a"}x', '{pod="a" container="b"} x', '{ pod="a"} x']) expect(takeLabelSet(text), text).toBeNull();
  });
});

describe("logcli's default output", () => {
  it('gives the line its time and labels after the stamp, as kubectl --timestamps gives its time', () => {
    expect(unwrapLine('2026-11-22T10:00:02Z {pod="api-1"} {"level":50,"msg":"x"}')).toMatchObject({ text: '{"level":50,"msg":"x"}', origin: { pod: 'api-1', time: Date.UTC(2026, 10, 22, 10, 0, 2) } });
    expect(unwrapLine('2026-11-22T10:00:02.123456789Z {"level":50}')).toMatchObject({ text: '{"level":50}', origin: { pod: null } });
  });
});
