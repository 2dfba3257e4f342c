import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_DIMENSIONS } from '../../src/records/envelope-dimensions.js';
import { mayBeFluentBitStdout, takeFluentBitStdout } from '../../src/records/fluent-bit-stdout.js';
import { mayBeWrapped } from '../../src/records/may-be-wrapped.js';
import { readPrinted } from '../../src/records/printed-map.js';
import { unwrapLine } from '../../src/records/unwrap-line.js';
import { scanChunks } from '../helpers/scan-in-process.js';

const AT = 1795340674085;
const TAG = 'kube.var.log.containers.api-7d9f_iot_api-0a1b2c3d0a1b2c3d0a1b2c3d0a1b2c3d0a1b2c3d0a1b2c3d0a1b2c3d0a1b2c3d.log';

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
  it('takes the record’s line, the event’s time and its tag as its stream (the pod its container log path names), in the 2.x and 1.x forms', () => {
    const v2 = `[0] ${TAG}: [[1795340674.085000000, {}], {"log"=>"boom", "stream"=>"stderr", "kubernetes"=>{"pod_name"=>"other"}}]`;
    const v1 = `[12] ${TAG}: [1795340674.085000000, {"log"=>"boom", "stream"=>"stderr"}]`;
    // Fluent Bit prints the event's time as an epoch value: the moment itself (zoned).
    const origin = { ...NO_DIMENSIONS, time: AT, zoned: true, stream: `tag=${TAG}`, pod: 'api-7d9f', namespace: 'iot', container: 'api' };
    for (const line of [v2, v1]) expect(takeFluentBitStdout(line), line).toEqual({ text: 'boom', origin, partial: false });
    expect(takeFluentBitStdout('[0] app.0: [1795340674.085000000, {"log"=>"boom"}]')?.origin).toEqual({ ...NO_DIMENSIONS, time: AT, zoned: true, stream: 'tag=app.0' });
  });

  it('says a record whose line ran past its own opens a run, and takes the tail that closes it as nothing', () => {
    expect(takeFluentBitStdout(`[0] ${TAG}: [[1795340674.085000000, {}], {"log"=>"2026-11-22 09:44:34.085 ERROR failed`)).toMatchObject({ text: '2026-11-22 09:44:34.085 ERROR failed', runOn: 'opens' });
    expect(takeFluentBitStdout('", "stream"=>"stderr", "time"=>"2026-11-22T09:44:34.085Z", "kubernetes"=>{"pod_name"=>"api-7d9f"}}]')).toMatchObject({ text: '', runOn: 'closes' });
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
        expect(takeFluentBitStdout(`${head}", "stream"=>"stdout"}]`)).toEqual({ text: t, origin: expect.anything(), partial: false });
        expect(takeFluentBitStdout(head)).toMatchObject({ text: t, runOn: 'opens' });
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

  it('keeps the lines an event’s text runs on over in its tag’s record, however tags alternate', async () => {
    const other = TAG.replace('api-7d9f', 'api-5c2e');
    const event = (tag: string, n: number, seconds: string, text: string): string => `[${n}] ${tag}: [[17953406${seconds}.000000000, {}], {"log"=>"${text}`;
    const log = [
      // A multiline parser joined a stack trace into one record's log: its frames follow on lines of their own.
      `${event(TAG, 0, '74', '2026-11-22 09:44:34.085 ERROR DeleteTopic failed')}`,
      'com.tencentcloudapi.common.exception.TencentCloudSDKException: [TencentCloudSDKException]code: InternalError message:x requestId:6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61',
      '\tat com.tencentcloudapi.common.AbstractClient.internalRequest(AbstractClient.java:300)',
      'Caused by: java.net.SocketTimeoutException: Read timed out',
      '", "stream"=>"stderr"}]',
      // Another tag's chunk, then the first tag's next flush: a frame that continues its record.
      `${event(other, 0, '75', '2026-11-22 09:44:35.000 ERROR CreateTopic failed')}`,
      '", "stream"=>"stderr"}]',
      `${event(TAG, 0, '75', '\tat com.example.App.main(App.java:10)')}`,
      '", "stream"=>"stderr"}]',
      `${event(other, 1, '75', '[TencentCloudSDKException]code: LimitExceeded message:y requestId:7c7f1f3b-6d2e-4a4f-8b8c-3d9e2f1a5b72')}", "stream"=>"stderr"}]`,
      '',
    ].join('\n');
    const { events, summary } = await scanChunks([Buffer.from(log, 'utf8')]);
    expect(summary.totals).toMatchObject({ lines: 10, records: 2, errors: 2 });
    expect(events.filter((e) => e.event !== null).map((e) => [e.line, e.code, e.pod])).toEqual([
      [1, 'InternalError', 'api-7d9f'],
      [6, 'LimitExceeded', 'api-5c2e'],
    ]);
  });
});
