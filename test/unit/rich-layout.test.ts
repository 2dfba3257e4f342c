import { describe, expect, it } from 'vitest';
import { richMessage } from '../../src/records/rich-layout.js';
import { recognizeAll } from '../../src/recognition/recognize.js';
import { builtInContext } from '../helpers/context.js';

const RECORD = [
  '[09:59:02] INFO     topic list answered: {"TopicList": [{"Topic":   topics.py:34',
  '                    "fleet/telemetry"}], "TotalCount": 1,                       ',
  '                    "RequestId":                                                ',
  '                    "5e6f7a8b-9c0d-4e1f-8a2b-4c5d6e7f8091"}                     ',
].join('\n');

describe('a message rich wrapped in its column', () => {
  it('is read back as written: the caller taken off the first line, the wrapped lines joined by a space', () => {
    expect(richMessage(RECORD)).toBe('topic list answered: {"TopicList": [{"Topic": "fleet/telemetry"}], "TotalCount": 1, "RequestId": "5e6f7a8b-9c0d-4e1f-8a2b-4c5d6e7f8091"}');
    // Under a blank time, and without a caller column.
    expect(richMessage('           ERROR    failed: {"a":\n                    1}')).toBe('failed: {"a": 1}');
  });

  it('is no such record where the layout is another', () => {
    expect(richMessage('[09:59:02] INFO     one line only   topics.py:34')).toBeNull();
    expect(richMessage('2026-11-22 09:59:02 INFO x\n  at y')).toBeNull();
    // A line indented less than the message column is not the message's.
    expect(richMessage('[09:59:02] INFO     a   t.py:1\n  at y\n                    b')).toBe('a b');
  });

  it('makes the success its body says, where the record as laid out shows none', () => {
    const [recognized] = recognizeAll(RECORD, builtInContext());
    expect(recognized).toMatchObject({ event: 'success', requestId: '5e6f7a8b-9c0d-4e1f-8a2b-4c5d6e7f8091' });
  });
});
