import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayBeWrapped } from '../../src/records/may-be-wrapped.js';
import { mayStartWithPodTail, unwrapPodTail } from '../../src/records/unwrap-pod-tail.js';
import { unwrapLine } from '../../src/records/unwrap-line.js';

const POD = 'mqtt-admin-7d9f8c6b5-x2k4p';
const LINE = '2026-11-22 09:44:34,123 ERROR describe failed';

describe('stern’s and kubetail’s pod prefixes', () => {
  it('takes stern’s `<pod> <container> <line>`, the namespace first, colours, the kubelet’s time', () => {
    expect(unwrapPodTail(`${POD} app ${LINE}`)).toEqual({ text: LINE, origin: expect.objectContaining({ pod: POD, container: 'app', namespace: null, time: null }), partial: false });
    expect(unwrapPodTail(`iot ${POD} app ${LINE}`)?.origin).toMatchObject({ namespace: 'iot', pod: POD, container: 'app' });
    const coloured = `\x1b[96miot\x1b[0m \x1b[96m${POD}\x1b[0m \x1b[32mapp\x1b[0m 2026-11-22T09:44:34.123456789Z ${LINE}`;
    expect(unwrapPodTail(coloured)).toEqual({ text: LINE, origin: expect.objectContaining({ namespace: 'iot', pod: POD, container: 'app', time: Date.parse('2026-11-22T09:44:34.123Z') }), partial: false });
    // An empty line: stern prints the names and a space.
    expect(unwrapPodTail(`${POD} app `)?.text).toBe('');
    expect(unwrapPodTail(`${POD} app \tat com.example.App.main(App.java:10)`)?.text).toBe('\tat com.example.App.main(App.java:10)');
  });

  it('takes kubetail’s `[<pod>] <line>` and `[<pod> <container>] <line>`, with tput’s colours', () => {
    expect(unwrapPodTail(`\x1b[31m[${POD}] ${LINE} \x1b(B\x1b[m`)).toEqual({ text: LINE, origin: expect.objectContaining({ pod: POD, container: null }), partial: false });
    expect(unwrapPodTail(`\x1b(B\x1b[m[${POD} app] ${LINE} \x1b(B\x1b[m`)?.origin).toMatchObject({ pod: POD, container: 'app' });
    expect(unwrapPodTail(`\x1b[32m[${POD}]\x1b(B\x1b[m ${LINE}`)?.text).toBe(LINE);
    expect(unwrapPodTail(`[${POD}] ${LINE} `)?.text).toBe(`${LINE} `);
  });

  it('tells a pod by the suffix its controller gave it: a Deployment’s, a DaemonSet’s or Job’s, a CronJob’s', () => {
    for (const pod of ['api-7d9f8c6b5-x2k4p', 'node-agent-x2k4p', 'report-29071440-b7wzq', 'a.b-c-5f6c7d8b9-q8w7z']) {
      expect(unwrapPodTail(`${pod} app x`)?.origin.pod, pod).toBe(pod);
    }
  });

  it('leaves lines whose first words are no generated pod name', () => {
    for (const line of [
      '[main] INFO started',
      '[worker-0] x', // a StatefulSet's pod: not told from a word
      '[mqtt-admin-7d9f8c6b5-x2k4e] x', // a vowel: Kubernetes never generates one
      '[mqtt-admin-7d9f8c6b5-x3k4p] x', // nor a 3
      `${POD}`,
      `${POD}  app x`,
      `${POD} App x`,
      'mqtt admin started on port 8080',
      'at com.example.App.main(App.java:10)',
      'time=2026-11-22T09:44:34Z level=error msg=x',
      `x ${POD} app y z`.replace('x ', 'X '),
      `[${POD} x`,
    ]) {
      expect(unwrapPodTail(line), line).toBeNull();
    }
  });

  it('is looked for by the fast path wherever it may be: mayStartWithPodTail is a superset', () => {
    const piece = fc.constantFrom('', ' ', '[', ']', '\x1b[31m', '\x1b(B\x1b[m', '\x1b[0m', POD, 'iot', 'app', 'x2k4p', '-', 'worker-0', 'App', LINE, '2026-11-22T09:44:34Z', 'at', 'a');
    // Prefixes as the tools write them, pieces around them, or pieces alone.
    const prefix = fc.constantFrom(`${POD} app `, `iot ${POD} app `, `[${POD}] `, `\x1b[31m[${POD} app] `, `\x1b[96m${POD}\x1b[0m \x1b[32mapp\x1b[0m `, '');
    let taken = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 3 }), prefix, fc.array(piece, { maxLength: 6 }), (before, p, after) => {
        const line = before.join('') + p + after.join('');
        if (unwrapPodTail(line) !== null) {
          taken++;
          expect(mayStartWithPodTail(line, 0, line.length), line).toBe(true);
          expect(mayBeWrapped(line), line).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
    expect(taken).toBeGreaterThan(500);
  });

  it('reaches unwrapLine, and only on the line as read', () => {
    expect(unwrapLine(`${POD} app ${LINE}`)?.origin.pod).toBe(POD);
    expect(unwrapLine(`${POD} app ${LINE}`, false)).toBeNull();
  });
});
