import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonKeys, jsonObjectEnd } from '../../src/lines/json-line-shape.js';
import { jsonTimeFromKeys, leadingTimeAt } from '../../src/lines/line-time.js';
import { leadingTimeOf } from '../../src/time/leading-time.js';
import { topLevelTime } from '../../src/time/top-level-time.js';

/** What recognition reads as a record's leading time, the reference for every reader in place. */
const recognizedLeadingTime = leadingTimeOf;

describe('reading a line’s time in place', () => {
  it('reads a plain line’s leading time as leadingTimeOf does', () => {
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

  it('reads a record’s leading time over its whole text, the lines after the first included, as leadingTimeOf does', () => {
    const stamp = fc.constantFrom('2026-11-22 09:44:30', '[2026/11/22 09:44:30', '2026-11-22T09:44:30', '2026-11-22 09:44', '2026-11-22 09:44:30,112', '2026-11-22 09:44:30.');
    const after = fc.constantFrom('', ' ', ' ERROR x', ' +08', '\t', ']');
    const next = fc.constantFrom('Z', '+08:00 x', '+0800', '-05:00', '\tat com.example.App.main(App.java:3)', '', 'Z\n+0800', ' Z');
    fc.assert(
      fc.property(stamp, after, fc.array(next, { minLength: 1, maxLength: 3 }), (s, a, lines) => {
        const record = [`${s}${a}`, ...lines].join('\n');
        expect(leadingTimeAt(record, 0, record.length)).toBe(recognizedLeadingTime(record));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads runs of lines that share a minute’s first 16 characters, each as leadingTimeOf does, whatever follows them', () => {
    const minute = fc.constantFrom('2026-11-22 09:44', '[2026-11-22 09:44', '2026/11/22T23:59', '2026-13-40 09:44', '2026-11-22 09:45');
    const tail = fc.constantFrom(':30', ':30,112', ':59.999', ':5', 'x30', ':3a', ':30Z', ':30 +08:00', ':30.1 -0500', ':30]', ':30 INFO ok');
    const rest = fc.constantFrom('', ' INFO app: ok', ' ERROR x');
    fc.assert(
      fc.property(fc.array(fc.tuple(minute, tail, rest), { minLength: 1, maxLength: 12 }), (lines) => {
        for (const [m, t, r] of lines) {
          const line = `${m}${t}${r}`;
          const text = `x\n${line}`;
          expect(leadingTimeAt(text, 2, text.length)).toBe(recognizedLeadingTime(line));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('reads other loggers’ forms (java.util.logging, Tomcat, log4j, ctime, Ruby, journalctl’s verbose header, klog, logfmt, NestJS, toLocaleString, rich, times of day) and their look-alikes as leadingTimeOf does, between ISO lines', () => {
    const piece = fc.constantFrom(
      'Nov 22, 2026 9:44:34 AM c m', 'Nov 2, 2026 12:44:34 PM c m', 'Nov 22, 2026 9:44:34 XM', 'Nov 22 2026 9:44:34 AM', 'Nox 22, 2026 9:44:34 AM',
      '22-Nov-2026 09:44:31.250 SEVERE x', '22 Nov 2026 09:44:31,2 x', '22-Nov 2026 09:44:31 x', '2-Nov-2026 09:44:31 x', '22-Nov-2026 09:44:31.1234567891',
      '[Sun Nov 22 09:44:34.123456 2026] x', 'Sun Nov  2 09:44:34 2026', '[Sun Nov 22 09:44:34 2026 x', 'Sun Nov 22 09:44:34 2026]',
      'E, [2026-11-22T09:44:34.123456 #12]  ERROR -- : x', 'E, [2026-11-22T09:44:34 #1]', 'E, [2026-11-22 09:44:34 #1]', 'Q, [2026-11-22T09:44:34 #1]',
      'time=2026-11-22T09:44:34.123Z level=INFO msg=x', 'time="2026-11-22T09:44:34Z" level=error', 'level=error ts=2026-11-22T09:44:34Z', 'ts=1795340674.5 x', 'time=x', 'lvl=eror t=2026-11-22T09:44:34+0000', 'level=info msg=x',
      'E1122 09:44:34.123456 1 a.go:1] x', 'I0101 00:00:00.5 1 a.go:1] y', 'E1322 09:44:34 1 a.go:1] z', 'F1122 09:44', 'E11',
      '[Nest] 19096  - 11/22/2026, 9:44:34 AM   ERROR [TopicService] x', '[Nest] 1  - 1/2/2026, 12:00:00 PM   LOG x', '[Nest] 1 - 11/22/2026, 9:44:34 AM', '[Nest] 19096  - 22/11/2026, 09:44:34',
      '11/22/2026, 9:44:34 AM x', '1/2/2026, 12:44:34 AM', '13/22/2026, 9:44:34 AM', '11/22/2026 9:44:34 AM', '11/22/26, 9:44:34 AM',
      '11/22/2026, 9:44:34.085 AM x', '11/22/2026, 9:44:34.0851 AM', '11/22/2026, 9:44:34. AM', '11/22/2026, 9:44:34.5 PM',
      '[11/22/26 09:44:34] ERROR    x', '[01/02/26 23:59:59]', '[13/22/26 09:44:34]', '[11/22/26 09:44:34 x', '[11/22/2026 09:44:34]', '[1/2/26 09:44:34]',
      '09:44:34.123 [main] ERROR c.e.App - x', '09:44:34,123 ERROR x', '09:44:34 x', '[09:44:34 ERR] x', '[09:44:34.123] x', '[09:44:34x', '09:44:34.123.456 x', '24:00:00 x', '09:60:00 x', '09:44 x', '9:44:34 x',
      '9:44AM ERR x', '12:05PM INF y', '13:05PM x', '9:44am x', '9:44AMx', '0:00AM', '09:44AM x', '[9:44AM] x',
      'Sun 2026-11-22 09:44:34.085123 UTC [s=4f1e;i=1a2b]', 'Mon 2026-11-23 09:44:34 CST [s=1]', 'Sun 2026-11-22 09:44:34 UTC', 'Sun 2026-11-22 09:44 UTC', 'Sun 2026-11-22 09:44:34UTC',
      'ERROR x', 'INFO: y', 'SEVERE: z', 'Nov 22 09:44:34 host x', '22 ', 'E,', '[x', '2026-11-22 09:44:34,112 INFO ok', '2026-11-22 09:44:35 INFO ok',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, fc.constantFrom('', '\n', ' tail')), { minLength: 1, maxLength: 8 }), (lines) => {
        for (const [p, t] of lines) {
          const line = `${p}${t}`;
          const text = `x\n${line}\nnext`;
          expect(leadingTimeAt(text, 2, 2 + line.length), line).toBe(recognizedLeadingTime(line));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('reads runs of times of day alone as leadingTimeOf does, across the minute the run’s grace ends in and past midnight', async () => {
    const { setTimeReference, timeReference } = await import('../../src/time/time-reference.js');
    const saved = timeReference();
    const two = (n: number): string => String(n).padStart(2, '0');
    const clock = fc.tuple(fc.integer({ min: 0, max: 25 }), fc.constantFrom(0, 9, 10, 11, 59, 60), fc.constantFrom(0, 1, 59, 60)).map(([h, m, s]) => `${two(h)}:${two(m)}:${two(s)}`);
    const fraction = fc.constantFrom('', '.1', ',123', '.123456789', '.1234567890', '.', ',x');
    const after = fc.constantFrom('', ' INFO x', '\tERROR x', '] x', ' ERR] x', 'x', '\r', '\u00a0x');
    const open = fc.constantFrom('', '[');
    // The run's start at 12:05:30 UTC: its grace ends at 12:15:30, inside the minute 12:15.
    const references = [{ at: Date.UTC(2026, 11, 6, 12, 5, 30), year: null, date: null }, { at: Date.UTC(2026, 11, 6, 12, 5, 30), year: null, date: '2026-11-22' }];
    try {
      for (const reference of references) {
        setTimeReference(reference);
        fc.assert(
          fc.property(fc.array(fc.tuple(open, clock, fraction, after), { minLength: 1, maxLength: 8 }), (lines) => {
            for (const [o, c, f, a] of lines) {
              const line = `${o}${c}${f}${a}`;
              const text = `x\n${line}\nnext`;
              expect(leadingTimeAt(text, 2, 2 + line.length), line).toBe(recognizedLeadingTime(line));
            }
          }),
          { numRuns: 1500 },
        );
        for (const line of ['12:15:29 x', '12:15:31 x', '12:14:59.999 x', '12:16:00 x']) expect(leadingTimeAt(`x\n${line}`, 2, 2 + line.length), line).toBe(recognizedLeadingTime(line));
      }
    } finally {
      setTimeReference(saved);
    }
  });

  /** The time read from the keys jsonObjectEnd found in `line` at `at` (a line it accepts). */
  const timeFromKeys = (line: string, at = 0): number | null | undefined => {
    const keys = new JsonKeys();
    expect(jsonObjectEnd(line, at, keys)).toBeGreaterThan(at);
    return jsonTimeFromKeys(line, keys);
  };

  it('reads a JSON line’s time as JSON.parse and topLevelTime do', () => {
    const key = fc.constantFrom('time', 'Time', 'TIME', 'ts', 'timestamp', '@timestamp', 'date', 'asctime', 'datetime', 'timeUnixNano', '@t', '@T', 'instant', 'timeMillis', '__time__', '__TIMESTAMP__', '__topic__', '_time_', 'level', 'msg', 't', '@', 'times', 'tim', 'timeUnixNanos', 'instants');
    const value = fc.constantFrom('1795340670001', '"1795340670001000000"', '1795340670.5', '-1', '0', '1e3', '12345678901234567', '"2026-11-22T09:44:34Z"', '"1795340670001"', '"soon"', 'true', 'null', '{"time":5}', '{"a":{"time":"x"}}', '[1,{"ts":2}]', '"x"', '"time"', '{"epochSecond":1795340674,"nanoOfSecond":123456789}', '{"epochSecond":1795340674}', '{"epochSecond":"1795340674"}', '{"nanoOfSecond":5}');
    const space = fc.constantFrom('', ' ', '\t', ' \t ');
    const members = fc.array(fc.tuple(key, value, space, space), { maxLength: 6 });
    let read = 0;
    fc.assert(
      fc.property(members, space, fc.constantFrom('', 'x\n'), (pairs, edge, before) => {
        const object = `{${edge}${pairs.map(([k, v, s1, s2]) => `"${k}"${s1}:${s2}${v}`).join(`${edge},`)}${edge}}`;
        const line = `${before}${object}`;
        if (jsonObjectEnd(line, before.length) !== line.length) return;
        const inPlace = timeFromKeys(line, before.length);
        if (inPlace === undefined) return;
        if (inPlace !== null) read++;
        expect(inPlace).toBe(topLevelTime(JSON.parse(object) as Record<string, unknown>));
      }),
      { numRuns: 3000 },
    );
    // Most lines with a time key are read in place, not left to the parser.
    expect(read).toBeGreaterThan(500);
  });

  it('reads pino’s epoch milliseconds and a nested object’s neighbour in place', () => {
    expect(timeFromKeys('{"level":30,"time":1795340670001,"msg":"ok"}')).toBe(1795340670001);
    // A log service's own time beside an application's parsed fields: SLS's `__time__` (seconds), CLS's `__TIMESTAMP__` (milliseconds as a string).
    expect(timeFromKeys('{"__time__":1795340670,"__topic__":"app","level":"error","msg":"x"}')).toBe(1795340670000);
    expect(timeFromKeys('{"__TIMESTAMP__":"1795340670001","__SOURCE__":"10.0.0.1","SCF_Message":"x"}')).toBe(1795340670001);
    expect(timeFromKeys('{"req":{"time":1},"ts":1795340670.5}')).toBe(1795340670500);
  });

  it('leaves a line whose time key comes again to the parser, which keeps the last value', () => {
    expect(timeFromKeys('{"time":1795340670001,"msg":"ok","time":1795340679999}')).toBeUndefined();
    expect(timeFromKeys('{"time":1795340670001,"req":{"time":1}}')).toBeUndefined();
    // Another spelling is another key: JSON.parse keeps both, and topLevelTime reads the first.
    expect(timeFromKeys('{"Time":1795340670001,"time":1795340679999}')).toBe(1795340670001);
  });
});
