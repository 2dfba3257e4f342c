import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { Aggregator } from '../../src/aggregation/aggregator.js';
import { LineProcessor } from '../../src/pipeline/line-processor.js';
import { createRecognitionContext } from '../../src/recognition/recognition-context.js';
import { recognize } from '../../src/recognition/recognize.js';
import { unwrapContainer } from '../../src/records/unwrap-container.js';
import { unwrapLine } from '../../src/records/unwrap-line.js';
import { parseTimestamp, parseTimestampToMinute, parseTimeValue } from '../../src/time/parse-time.js';
import type { TaggedEvent } from '../../src/types.js';

const AT = Date.UTC(2026, 10, 22, 9, 44, 34, 85);
const ctx = createRecognitionContext(loadCatalog([]));

describe('timestamps as logs write them', () => {
  it('reads RFC 3339 with Z, with an offset, and without a zone (taken as UTC)', () => {
    expect(parseTimestamp('2026-11-22T09:44:34.085Z')).toBe(AT);
    expect(parseTimestamp('2026-11-22T17:44:34.085+08:00')).toBe(AT);
    expect(parseTimestamp('2026-11-22T04:14:34.085-0530')).toBe(AT);
    expect(parseTimestamp('2026-11-22T09:44:34.085123456')).toBe(AT);
  });

  it("reads Python logging's comma milliseconds and Go log's slashes", () => {
    expect(parseTimestamp('2026-11-22 09:44:34,085')).toBe(AT);
    expect(parseTimestamp('2026/11/22 09:45:00')).toBe(Date.UTC(2026, 10, 22, 9, 45, 0));
  });

  it('reads a time to the minute where it is asked to (PM2’s `YYYY-MM-DD HH:mm Z`), and every other form as parseTimestamp does', () => {
    const minute = Date.UTC(2026, 10, 22, 9, 44);
    expect(parseTimestamp('2026-11-22 17:44 +08:00')).toBeNull();
    expect(parseTimestampToMinute('2026-11-22 17:44 +08:00')).toBe(minute);
    expect(parseTimestampToMinute('2026-11-22T09:44Z')).toBe(minute);
    expect(parseTimestampToMinute('2026/11/22 09:44')).toBe(minute);
    for (const text of ['2026-11-22T17:44:34.085+08:00', '2026-11-22 09:44:34,085', '2026-11-22 09:44:3', '2026-11-22 09:445', 'x']) {
      expect(parseTimestampToMinute(text), text).toBe(parseTimestamp(text));
    }
  });

  it("reads pino's epoch milliseconds and zap's epoch seconds with a fraction", () => {
    expect(parseTimeValue(AT)).toBe(AT);
    expect(parseTimeValue(AT / 1000)).toBe(AT);
    expect(parseTimeValue(String(AT))).toBe(AT);
    expect(parseTimeValue('2026-11-22T09:44:34.085Z')).toBe(AT);
  });

  it("reads log4j2 JsonLayout's instant object, and no other object", () => {
    expect(parseTimeValue({ epochSecond: 1795340674, nanoOfSecond: 85_123_456 })).toBe(AT);
    expect(parseTimeValue({ epochSecond: 1795340674 })).toBe(AT - 85);
    expect(parseTimeValue({ epochSecond: '1795340674' })).toBeNull();
    expect(parseTimeValue({ time: AT })).toBeNull();
    expect(parseTimeValue([AT])).toBeNull();
  });

  it('rejects what is not a time', () => {
    expect(parseTimestamp('yesterday')).toBeNull();
    expect(parseTimeValue(-5)).toBeNull();
    expect(parseTimeValue(true)).toBeNull();
  });

  it('takes the time of CRI, Docker json-file and kubectl --timestamps wrappers', () => {
    expect(unwrapContainer('2026-11-22T09:44:34.085123456Z stderr F boom')?.origin.time).toBe(AT);
    expect(unwrapLine('{"log":"boom\\n","stream":"stderr","time":"2026-11-22T09:44:34.085Z"}')?.origin.time).toBe(AT);
    expect(unwrapContainer('[pod/api-0/app] 2026-11-22T09:44:34.085Z boom')?.origin.time).toBe(AT);
  });

  it("reads a JSON line's time field and a text line's leading timestamp", () => {
    expect(recognize(`{"level":50,"time":${AT},"msg":"x"}`, ctx).time).toBe(AT);
    expect(recognize('{"ts":"2026-11-22T09:44:34.085Z","msg":"x"}', ctx).time).toBe(AT);
    expect(recognize('2026-11-22 09:44:34,085 ERROR mqtt: x', ctx).time).toBe(AT);
    expect(recognize('[2026-11-22T09:44:34.085Z] x', ctx).time).toBe(AT);
  });

  it('gives a record without a time the last time seen in its source, never another source’s', () => {
    const events: TaggedEvent[] = [];
    const aggregator = new Aggregator({ version: 'test', entries: 0 }, 5);
    const sink = (_r: unknown, _g: unknown, e: TaggedEvent): void => void events.push(e);
    const a = new LineProcessor('a.log', ctx, aggregator, sink);
    const b = new LineProcessor('b.log', ctx, aggregator, sink);
    b.pushLine('no time yet');
    a.pushLine('2026-11-22 09:44:34,085 INFO start');
    a.pushLine('[TencentCloudSDKError] Code=InternalError, Message=x, RequestId=6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61');
    b.pushLine('still none');
    a.flush();
    b.flush();
    const bySource = (s: string) => events.filter((e) => e.source === s).map((e) => e.time);
    expect(bySource('a.log')).toEqual([AT, AT]);
    expect(bySource('b.log')).toEqual([null, null]);
  });
});
