import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayBeFluentBitStdout, takeFluentBitStdout } from '../../src/records/fluent-bit-stdout.js';
import { mayBeWrapped } from '../../src/records/may-be-wrapped.js';
import { readPrinted } from '../../src/records/printed-map.js';
import { unwrapLine } from '../../src/records/unwrap-line.js';

const AT = 1795340674085;
const TAG = 'kube.var.log.containers.api-7d9f_iot_api-0a1b2c.log';

describe('a value as msgpack-c prints it', () => {
  it('reads maps, arrays, nil, booleans and numbers, strings raw', () => {
    const text = '{"log"=>"x", "kubernetes"=>{"pod_name"=>"p", "labels"=>{"app"=>"a"}}, "n"=>3, "f"=>nil, "t"=>true, "d"=>0.500000, "arr"=>["a", "b"]}]';
    expect(readPrinted(text, 0)).toEqual({
      value: { log: 'x', kubernetes: { pod_name: 'p', labels: { app: 'a' } }, n: 3, f: null, t: true, d: 0.5, arr: ['a', 'b'] },
      end: text.length - 1,
      open: false,
    });
  });

  it('ends a string where what follows is the next key or the event’s end, not at a quote of its text', () => {
    expect(readPrinted('{"log"=>"{"a":"b"}", "stream"=>"stderr"}]', 0)?.value).toEqual({ log: '{"a":"b"}', stream: 'stderr' });
    expect(readPrinted('{"log"=>"tags=["a","b"]", "stream"=>"stderr"}]', 0)?.value).toEqual({ log: 'tags=["a","b"]', stream: 'stderr' });
    expect(readPrinted('{"log"=>"said "hi", then left"}]', 0)?.value).toEqual({ log: 'said "hi", then left' });
  });

  it('leaves a string that runs to the line’s end open, a JSON line’s own closing brace included', () => {
    expect(readPrinted('{"log"=>"{"a":"b"}', 0)).toEqual({ value: { log: '{"a":"b"}' }, end: 18, open: true });
    expect(readPrinted('{"log"=>"boom', 0)).toEqual({ value: { log: 'boom' }, end: 13, open: true });
  });

  it('reads nothing that is not a printed value', () => {
    for (const text of ['{log=>"x"}', '{"log":"x"}', '{"log"=>x}', '{"n"=>3 "m"=>4}', '{"n"=>[1 2]}', '']) expect(readPrinted(text, 0), text).toBeNull();
  });
});

describe('Fluent Bit’s stdout output', () => {
  it('takes the record’s line and the event’s time, in the 2.x and 1.x forms', () => {
    const v2 = `[0] ${TAG}: [[1795340674.085000000, {}], {"log"=>"boom", "stream"=>"stderr", "kubernetes"=>{"pod_name"=>"api-7d9f"}}]`;
    const v1 = `[12] ${TAG}: [1795340674.085000000, {"log"=>"boom", "stream"=>"stderr"}]`;
    for (const line of [v2, v1]) expect(takeFluentBitStdout(line), line).toEqual({ text: 'boom', origin: expect.objectContaining({ time: AT, pod: null, stream: null }), partial: false });
  });

  it('leaves a record whose line ran past its own partial, and takes the tail that closes it as nothing', () => {
    expect(takeFluentBitStdout(`[0] ${TAG}: [[1795340674.085000000, {}], {"log"=>"2026-11-22 09:44:34.085 ERROR failed`)).toMatchObject({ text: '2026-11-22 09:44:34.085 ERROR failed', partial: true });
    expect(takeFluentBitStdout('", "stream"=>"stderr", "time"=>"2026-11-22T09:44:34.085Z", "kubernetes"=>{"pod_name"=>"api-7d9f"}}]')).toMatchObject({ text: '', partial: false });
  });

  it('writes a record with no line field as JSON, for its fields to be read', () => {
    expect(takeFluentBitStdout('[0] cpu.local: [1509483014.000000000, {"cpu_p"=>0.000000, "user_p"=>1.500000}]')?.text).toBe('{"cpu_p":0,"user_p":1.5}');
  });

  it('takes no other line', () => {
    for (const line of [
      '[2026-11-22 09:44:34] app.ERROR: x',
      '[2026-11-22T09:44:34.085] [ERROR] default - x',
      '[api-7d9f] 2026-11-22 ERROR x',
      '[0] not a record',
      '", "said she',
      '"quoted", "words"',
    ]) {
      expect(takeFluentBitStdout(line), line).toBeNull();
    }
  });

  it('gives back any line of text printed as a record’s log, whole or run on (a property)', () => {
    const text = fc.string({ maxLength: 80 }).filter((t) => !t.includes('\n') && !t.includes('\r') && !t.includes('"=>'));
    fc.assert(
      fc.property(text, (t) => {
        const head = `[3] ${TAG}: [[1795340674.085000000, {}], {"log"=>"${t}`;
        expect(takeFluentBitStdout(`${head}", "stream"=>"stdout"}]`)).toMatchObject({ text: t, partial: false });
        expect(takeFluentBitStdout(head)).toMatchObject({ text: t, partial: true });
      }),
      { numRuns: 2000 },
    );
  });

  it('is looked for by the fast path wherever it may be: its check is a superset', () => {
    const head = fc.constantFrom('[0] ', '[12] ', '[1234567890] ', '[] ', '[0]', '[x] ', '", "', '"', '');
    const rest = fc.constantFrom(`${TAG}: [[1795340674.085000000, {}], {"log"=>"boom", "stream"=>"stderr"}]`, `${TAG}: [1795340674.085000000, {"log"=>"boom`, 'stream"=>"stderr"}]', 'x');
    let taken = 0;
    fc.assert(
      fc.property(head, rest, (h, r) => {
        const line = `${h}${r}`;
        if (takeFluentBitStdout(line) !== null) {
          taken++;
          expect(mayBeFluentBitStdout(line, 0, line.length), line).toBe(true);
          expect(mayBeWrapped(line), line).toBe(true);
          expect(unwrapLine(line), line).not.toBeNull();
        }
      }),
      { numRuns: 500 },
    );
    expect(taken).toBeGreaterThan(20);
  });
});
