import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonObjectEnd } from '../../src/lines/json-line-shape.js';
import { jsonTimeAt, leadingTimeAt } from '../../src/lines/line-time.js';
import { LEADING_TIME } from '../../src/time/leading-time.js';
import { topLevelTime } from '../../src/time/top-level-time.js';
import { parseTimestamp } from '../../src/time/parse-time.js';

function recognizedLeadingTime(line: string): number | null {
  const m = LEADING_TIME.exec(line);
  return m ? parseTimestamp(m[1]!) : null;
}

describe('reading a line’s time in place', () => {
  it('reads a plain line’s leading time as LEADING_TIME and parseTimestamp do', () => {
    const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const stamp = fc.record({
      open: fc.constantFrom('', '['),
      year: fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
      seps: fc.constantFrom(['-', '-'], ['/', '/'], ['-', '/']),
      month: two,
      day: two,
      t: fc.constantFrom('T', ' ', 'x'),
      hour: two,
      minute: two,
      second: two,
      fraction: fc.constantFrom('', '.1', ',112', '.123456789', '.1234567891', '.', ','),
      zone: fc.constantFrom('', 'Z', ' Z', '+08:00', ' +0800', '-05', ' - ', ' -12 x', '\tZ', '+1', ' INFO x', ']'),
      rest: fc.constantFrom('', ' INFO app: ok', ' [main] c.e.App - x', 'Z'),
    });
    fc.assert(
      fc.property(stamp, fc.constantFrom('', 'before\n'), (s, before) => {
        const line = `${s.open}${s.year}${s.seps[0]}${s.month}${s.seps[1]}${s.day}${s.t}${s.hour}:${s.minute}:${s.second}${s.fraction}${s.zone}${s.rest}`;
        const text = `${before}${line}\nZ next line`;
        expect(leadingTimeAt(text, before.length, before.length + line.length)).toBe(recognizedLeadingTime(line));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a JSON line’s time as JSON.parse and topLevelTime do', () => {
    const key = fc.constantFrom('time', 'Time', 'ts', 'timestamp', '@timestamp', 'date', 'asctime', 'datetime', 'level', 'msg', 't', 'times');
    const value = fc.constantFrom('1795340670001', '1795340670.5', '-1', '0', '1e3', '12345678901234567', '"2026-11-22T09:44:34Z"', '"1795340670001"', '"soon"', 'true', 'null', '{"time":5}', '[1,2]', '"x"');
    const members = fc.array(fc.tuple(key, value), { maxLength: 6 });
    fc.assert(
      fc.property(members, (pairs) => {
        const line = `{${pairs.map(([k, v]) => `"${k}":${v}`).join(',')}}`;
        if (jsonObjectEnd(line, 0) !== line.length) return;
        const inPlace = jsonTimeAt(line, 0, line.length);
        if (inPlace !== undefined) expect(inPlace).toBe(topLevelTime(JSON.parse(line) as Record<string, unknown>));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads pino’s epoch milliseconds and a nested object’s neighbour in place', () => {
    expect(jsonTimeAt('{"level":30,"time":1795340670001,"msg":"ok"}', 0, 44)).toBe(1795340670001);
    const line = '{"req":{"time":1},"ts":1795340670.5}';
    expect(jsonTimeAt(line, 0, line.length)).toBe(1795340670500);
  });
});
