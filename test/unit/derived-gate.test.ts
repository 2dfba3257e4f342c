import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANDIDATE_TEXT, EVENT_GATE, GATE_WORDS } from '../../src/recognition/candidate-gate.js';
import { Evidence } from '../../src/recognition/evidence.js';
import { recognizeAll } from '../../src/recognition/recognize.js';
import { ScanState } from '../../src/recognition/scan-state.js';
import { SHAPES, type Shape } from '../../src/recognition/shapes.js';
import { walkJson } from '../../src/recognition/walk-json.js';
import { builtInContext } from '../helpers/context.js';
import { shapeTexts } from '../helpers/shape-texts.js';

/** Whether reading `text` for `shape` alone finds what can make an event: a code, a RequestId, an SDK's error text, a success, another cloud's error. */
function findsEventAlone(shape: Shape, text: string): boolean {
  const ctx = builtInContext();
  const e = new Evidence();
  shape.read(new ScanState(text, e, ctx, (body) => walkJson(body as never, e, ctx, false)), shape);
  return e.codes.length > 0 || e.requestIds.length > 0 || e.sdkError || e.sdkHeader || e.success || e.otherCloud !== null;
}

/** Whether EVENT_GATE finds a word in the text as the fast path reads it: its UTF-8 bytes, a character each. */
function eventGateFinds(text: string): boolean {
  EVENT_GATE.lastIndex = 0;
  return EVENT_GATE.test(Buffer.from(text, 'utf8').toString('latin1'));
}

/** Nothing recognition reports for the record: no event, no other cloud's error. */
function yieldsNothing(record: string): boolean {
  return recognizeAll(record, builtInContext()).every((r) => r.event === null && r.otherCloud === null);
}

/** JSON objects built from the keys walk-json reads, spelled as loggers spell them, and values of the shapes' kinds. */
const KEYS = ['Code', 'code', 'err_code', 'ERR-CODE', 'c-o-d-e', 'ErrorCode', 'RequestId', 'request_id', 'X-Acs-Request-Id', 'r_e_q_u_e_s_t_i_d', '错误码', '请求ID', '错_误_码', '错误', 'Response', 'Error', 'error', 'HostId', 'Recommend', 'Message', 'msg', 'data', 'status', 'Action', 'Success', 'stack'];
const VALUES = fc.constantFrom('InstanceNotFound', 'ResourceNotFound.Topic', 'InternalError', 'AuthFailure', '0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E', '8c1d5c6e-0f2a-4b7e-9d3c-1a2b3c4d5e6f', 'onsmqtt.cn-hangzhou.aliyuncs.com', 'https://api.aliyun.com/troubleshoot?q=InstanceNotFound', 'PERMISSION_DENIED', 'CreateGroupId', 'not found');
const bodies = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, VALUES, fc.integer({ min: 100, max: 599 }), fc.boolean(), tie('object')),
  object: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 5 }),
})).object;

describe('the gates computed from the table of shapes', () => {
  it('has the words of the shapes, each anchor holding one of its shape’s', () => {
    for (const shape of SHAPES) {
      for (const word of shape.words) expect(GATE_WORDS.some((w) => word.toLowerCase().includes(w)), shape.name).toBe(true);
      if (shape.words.length === 0) continue;
      for (const anchor of shape.anchors) expect(shape.words.some((w) => anchor.toLowerCase().includes(w.toLowerCase())), `${shape.name}: ${anchor}`).toBe(true);
    }
  });

  for (const shape of SHAPES.filter((s) => s.words.length > 0)) {
    it(`admit every text ${shape.name} finds an event in`, () => {
      fc.assert(
        fc.property(shapeTexts(shape), (text) => {
          if (!findsEventAlone(shape, text)) return;
          expect(CANDIDATE_TEXT.test(text), text).toBe(true);
          expect(eventGateFinds(text), text).toBe(true);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('let no event through in a text EVENT_GATE finds nothing in, plain or as a JSON line’s message', () => {
    const texts = fc.oneof(...SHAPES.map(shapeTexts));
    fc.assert(
      fc.property(texts, (text) => {
        if (eventGateFinds(text)) return;
        expect(yieldsNothing(text), text).toBe(true);
        const line = JSON.stringify({ level: 50, time: 1795219200000, msg: text });
        if (!eventGateFinds(line)) expect(yieldsNothing(line), line).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('let no event through in a JSON line EVENT_GATE finds nothing in, however its keys are spelled', () => {
    fc.assert(
      fc.property(bodies, fc.boolean(), (body, embedded) => {
        const line = embedded ? `response: ${JSON.stringify(body)}` : JSON.stringify(body);
        if (!eventGateFinds(line)) expect(yieldsNothing(line), line).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the keys walk-json reads with `_` or `-` between their letters', () => {
    for (const key of ['c-o-d-e', 'ERR_CODE', 'r_e_q_u_e_s_t_i_d', 'X-Acs-Request-Id']) expect(eventGateFinds(`{"${key}":1}`), key).toBe(true);
  });
});
