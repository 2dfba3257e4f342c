import { describe, expect, it } from 'vitest';
import { startsJsonDocument } from '../../src/records/starts-json-document.js';

const starts = (text: string): boolean => startsJsonDocument(Buffer.from(text));

describe('telling a JSON document from lines', () => {
  it('takes an array of entries or arrays, even empty, after any whitespace or a byte order mark', () => {
    expect(starts('[\n  {\n    "timestamp": 1,')).toBe(true);
    expect(starts('  \r\n[ [ "1764928800000000000", "line" ]')).toBe(true);
    expect(starts('[]\n')).toBe(true);
    expect(starts('\ufeff[{"a":1}]')).toBe(true);
  });

  it('takes an object that does not close on its first line', () => {
    expect(starts('{\n    "events": [\n')).toBe(true);
    expect(starts('{ "status": "success",\n  "data": {')).toBe(true);
  });

  it('reads a first line longer than the sample as a line: one JSON record walked whole', () => {
    expect(starts('{"hits":{"hits":[{"_source":{"message":"'.padEnd(500, 'x'))).toBe(false);
  });

  it('leaves NDJSON, JSON log lines and bracketed log lines to the line reader', () => {
    expect(starts('{"level":50,"msg":"connect failed {"}\n{"level":30')).toBe(false);
    expect(starts('{"msg":"a \\" } quote"} trailing text\n')).toBe(false);
    expect(starts('{}\n')).toBe(false);
    expect(starts('[INFO] 2026-12-05 started\n')).toBe(false);
    expect(starts('[2026-12-05 10:00:00] ERROR x\n')).toBe(false);
    expect(starts('[ main] INFO x\n')).toBe(false);
    expect(starts('{main} started\n')).toBe(false);
    expect(starts('2026-12-05 {"a":\n')).toBe(false);
  });

  it('does not decide on too little', () => {
    expect(starts('')).toBe(false);
    expect(starts('   ')).toBe(false);
    expect(starts('[  ')).toBe(false);
    expect(starts('{ ')).toBe(false);
  });
});
