import { describe, expect, it } from 'vitest';
import { dropOwnTimeAndLevel } from '../../src/tagging/drop-own-time-level.js';
import { parseTimestamp } from '../../src/time/parse-time.js';

const at = (text: string) => parseTimestamp(text)!;

describe('dropOwnTimeAndLevel', () => {
  it('drops the leading time that is the record\'s, and the level word the pretty line shows', () => {
    const line = '2026-12-01 10:00:00,123 ERROR [main] c.a.Foo - call failed: ErrorCode: InternalError RequestId: 1';
    expect(dropOwnTimeAndLevel(line, at('2026-12-01 10:00:00,123'), 'ERROR')).toBe('[main] c.a.Foo - call failed: ErrorCode: InternalError RequestId: 1');
    expect(dropOwnTimeAndLevel('[2026-12-01 10:00:00.123] [ERROR] mqtt.admin: x', at('2026-12-01 10:00:00.123'), 'ERROR')).toBe('mqtt.admin: x');
    expect(dropOwnTimeAndLevel('2026/12/01 10:00:00 INFO: connected', at('2026/12/01 10:00:00'), 'INFO')).toBe('connected');
    // After the time, a level in any case is the line's level (zap's console encoder writes `error`).
    expect(dropOwnTimeAndLevel('2026-12-01T10:00:00.123Z\terror\tsvc/x.go:42\tfailed', at('2026-12-01T10:00:00.123Z'), 'ERROR')).toBe('svc/x.go:42\tfailed');
  });

  it('keeps a level that is not the one shown, after dropping the time', () => {
    expect(dropOwnTimeAndLevel('2026-12-01 10:00:00,123 WARNING mqtt.sync: x', at('2026-12-01 10:00:00,123'), 'ERROR')).toBe('WARNING mqtt.sync: x');
    expect(dropOwnTimeAndLevel('2026-12-01 10:00:00,123 INFO x', at('2026-12-01 10:00:00,123'), 'ERROR')).toBe('INFO x');
  });

  it('keeps the whole line when its leading time is not the record\'s time', () => {
    const line = '2026-12-01 10:00:00,123 ERROR x';
    expect(dropOwnTimeAndLevel(line, at('2026-12-01 10:00:01,000'), 'ERROR')).toBe(line);
    expect(dropOwnTimeAndLevel(line, null, 'ERROR')).toBe(line);
  });

  it('keeps a time that does not end where a word does, and an unclosed bracket', () => {
    expect(dropOwnTimeAndLevel('2026-12-01 10:00:00Zfoo ERROR x', at('2026-12-01 10:00:00Z'), 'ERROR')).toBe('2026-12-01 10:00:00Zfoo ERROR x');
    expect(dropOwnTimeAndLevel('[2026-12-01 10:00:00 ERROR x', at('2026-12-01 10:00:00'), 'ERROR')).toBe('[2026-12-01 10:00:00 ERROR x');
    expect(dropOwnTimeAndLevel('2026-12-01 10:00:00 [ERROR x', at('2026-12-01 10:00:00'), 'ERROR')).toBe('[ERROR x');
  });

  it('drops a capitalized level word at the start of a line without a time, never an ordinary word', () => {
    expect(dropOwnTimeAndLevel('ERROR c.x.Svc - failed', null, 'ERROR')).toBe('c.x.Svc - failed');
    expect(dropOwnTimeAndLevel('Error calling ApplyToken', null, 'ERROR')).toBe('Error calling ApplyToken');
    expect(dropOwnTimeAndLevel('ERRORS piled up', null, 'ERROR')).toBe('ERRORS piled up');
  });

  it('leaves the lines after the first as they are', () => {
    expect(dropOwnTimeAndLevel('2026-12-01 10:00:00 ERROR failed\n\tat com.x.Main.main(Main.java:7)', at('2026-12-01 10:00:00'), 'ERROR')).toBe(
      'failed\n\tat com.x.Main.main(Main.java:7)',
    );
  });
});
