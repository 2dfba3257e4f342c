import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonDocumentReader, type DocumentEntry, type DocumentLimits } from '../../src/records/json-document-reader.js';
import { isFieldElement } from '../../src/records/json-normal-form.js';
import { LINE_FIELDS } from '../../src/records/envelope-fields.js';
import { timeOneLevelDown, topLevelTime } from '../../src/time/top-level-time.js';
import { splitAt } from '../helpers/split-at.js';

interface Read {
  entries: DocumentEntry[];
  lines: number;
  error: { line: number; message: string } | null;
  skipped: number;
  undecodable: number;
}

/** Reads `input` fed as the given chunks (whole when none are given). */
function read(input: string | Buffer, chunkOffsets: number[] = [], limits: Partial<DocumentLimits> = {}): Read {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const entries: DocumentEntry[] = [];
  const reader = new JsonDocumentReader((entry) => entries.push(entry), limits);
  for (const chunk of splitAt(bytes, chunkOffsets)) {
    // A copy that is wiped afterwards, as a reader that reuses its buffer would.
    const copy = Buffer.from(chunk);
    reader.write(copy);
    copy.fill(0x21);
  }
  reader.end();
  return { entries, lines: reader.lines, error: reader.error, skipped: reader.skipped, undecodable: reader.undecodable };
}


const lines = (...text: string[]): string => text.join('\n');

/** Entries as [value, context, firstLine, lastLine], for short expectations. */
const brief = (entries: DocumentEntry[]): unknown[] => entries.map((e) => [e.value, e.context, e.firstLine, e.lastLine]);

/** JSON documents of every shape the reader meets: arrays, objects, pairs, nested, pretty-printed or not. */
const key = fc.string({ unit: 'binary', maxLength: 6 }).map((s) => `k${s}`);
const scalar = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: fc.constantFrom('\\', '"', '{', '[', '\n', 'é', '😀'), maxLength: 6 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null));
/** Key/value pairs and OTLP typed values: parts of an object's fields, never entries where an object encloses them. */
const fieldElement = (inner: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.record({ key: fc.string({ maxLength: 6 }), value: inner }),
    fc.record({ Name: fc.string({ maxLength: 6 }), Value: inner }),
    fc.record({ stringValue: fc.string({ maxLength: 6 }) }),
    fc.record({ kvlistValue: fc.record({ values: fc.array(fc.record({ key: fc.string({ maxLength: 4 }), value: fc.record({ intValue: fc.constant('7') }) }), { maxLength: 2 }) }) }),
  );
/** Objects that read as log events or nearly: a time (one object down too), a line field, or a frame's `line` number. */
const eventLike = (inner: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.record({ timestamp: fc.constantFrom('2026-12-05T10:00:00Z', 1764928800000, 'soon'), data: inner }),
    fc.record({ id: fc.string({ maxLength: 4 }), content: fc.record({ timestamp: fc.constant('2026-12-05T10:00:00Z'), attributes: inner }) }),
    fc.record({ log: fc.string({ maxLength: 6 }), kx: inner }),
    fc.record({ fileName: fc.string({ maxLength: 6 }), line: fc.integer({ min: 1, max: 400 }) }),
  );
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    fc.tuple(fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 })),
    fc.array(fieldElement(tie('value')), { minLength: 1, maxLength: 3 }),
    fc.array(eventLike(tie('value')), { minLength: 1, maxLength: 3 }),
  ),
}));
const document = fc
  .tuple(fc.oneof(fc.array(value, { maxLength: 6 }), fc.dictionary(key, value, { maxKeys: 5 })), fc.constantFrom(0, 1, 2, 4, '\t'), fc.boolean())
  .map(([doc, indent, crlf]) => ({ text: crlf ? JSON.stringify(doc, null, indent).replaceAll('\n', '\r\n') : JSON.stringify(doc, null, indent) }));

/** Random bytes, and documents cut short, with bytes changed, dropped or put in. */
const damaged = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc
    .tuple(document, fc.nat(), fc.nat(), fc.uint8Array({ maxLength: 3 }), fc.nat(2))
    .map(([{ text }, at, cut, inserted, drop]) => {
      const bytes = Buffer.from(text);
      const i = at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, i), Buffer.from(inserted), bytes.subarray(i + drop, bytes.length - (cut % 3 === 0 ? cut % 50 : 0))]);
    }),
);

describe('entries of a JSON document', () => {
  it('reads a pretty-printed array of entries with the lines each one spans', () => {
    const doc = lines(
      '[',
      '  {',
      '    "timestamp": "2026-12-05T10:00:00Z",',
      '    "message": "connect failed"',
      '  },',
      '  {"timestamp": "2026-12-05T10:00:01Z", "message": "ok"}',
      ']',
      '',
    );
    const { entries, lines: count, error } = read(doc);
    expect(error).toBeNull();
    expect(count).toBe(7);
    expect(brief(entries)).toEqual([
      [{ timestamp: '2026-12-05T10:00:00Z', message: 'connect failed' }, null, 2, 5],
      [{ timestamp: '2026-12-05T10:00:01Z', message: 'ok' }, null, 6, 6],
    ]);
  });

  it('reads an aws logs filter-log-events document, whose searchedLogStreams objects are array elements too', () => {
    const doc = `${JSON.stringify(
      {
        events: [
          { logStreamName: 'mq/a', timestamp: 1764928800000, message: 'ERROR code=Throttling.User', ingestionTime: 1764928800100, eventId: '375' },
          { logStreamName: 'mq/a', timestamp: 1764928801000, message: 'INFO ok', ingestionTime: 1764928801100, eventId: '376' },
        ],
        searchedLogStreams: [{ logStreamName: 'mq/a', searchedCompletely: true }],
      },
      null,
      4,
    )}\n`;
    const { entries, lines: count, error } = read(doc);
    expect(error).toBeNull();
    expect(count).toBe(24);
    expect(brief(entries)).toEqual([
      [{ logStreamName: 'mq/a', timestamp: 1764928800000, message: 'ERROR code=Throttling.User', ingestionTime: 1764928800100, eventId: '375' }, null, 3, 9],
      [{ logStreamName: 'mq/a', timestamp: 1764928801000, message: 'INFO ok', ingestionTime: 1764928801100, eventId: '376' }, null, 10, 16],
      [{ logStreamName: 'mq/a', searchedCompletely: true }, null, 19, 22],
    ]);
  });

  it('reads Elasticsearch hits with the fields read before them as context', () => {
    const doc = lines(
      '{',
      '  "took": 5,',
      '  "timed_out": false,',
      '  "_shards": {"total": 1, "successful": 1, "failed": 0},',
      '  "hits": {',
      '    "total": {"value": 2, "relation": "eq"},',
      '    "max_score": 1.0,',
      '    "hits": [',
      '      {"_index": "logs-1", "_id": "a", "_source": {"message": "MQTT publish failed", "level": "error"}},',
      '      {"_index": "logs-1", "_id": "b", "_source": {"message": "ok"}}',
      '    ]',
      '  }',
      '}',
    );
    const { entries, lines: count, error } = read(doc);
    expect(error).toBeNull();
    expect(count).toBe(13);
    const context = { took: 5, timed_out: false, _shards: { total: 1, successful: 1, failed: 0 }, total: { value: 2, relation: 'eq' }, max_score: 1 };
    expect(brief(entries)).toEqual([
      [{ _index: 'logs-1', _id: 'a', _source: { message: 'MQTT publish failed', level: 'error' } }, context, 9, 9],
      [{ _index: 'logs-1', _id: 'b', _source: { message: 'ok' } }, context, 10, 10],
    ]);
  });

  it('reads Loki streams: each [time, line] value is an entry, its stream labels in the context', () => {
    const doc = lines(
      '{"status": "success", "data": {"resultType": "streams", "result": [',
      '  {"stream": {"app": "mq-client", "pod": "p-1"}, "values": [',
      '    ["1764928800000000000", "ERROR Throttling.User"],',
      '    ["1764928801000000000", "INFO ok"]',
      '  ]},',
      '  {"stream": {"app": "mq-client", "pod": "p-2"}, "values": [["1764928802000000000", "WARN retry"]]}',
      '], "stats": {"summary": {}}}}',
    );
    const { entries, error } = read(doc);
    expect(error).toBeNull();
    const around = { status: 'success', resultType: 'streams' };
    expect(brief(entries)).toEqual([
      [['1764928800000000000', 'ERROR Throttling.User'], { ...around, stream: { app: 'mq-client', pod: 'p-1' } }, 3, 3],
      [['1764928801000000000', 'INFO ok'], { ...around, stream: { app: 'mq-client', pod: 'p-1' } }, 4, 4],
      [['1764928802000000000', 'WARN retry'], { ...around, stream: { app: 'mq-client', pod: 'p-2' } }, 6, 6],
    ]);
    // One context object for all the entries of one stream.
    expect(entries[0]!.context).toBe(entries[1]!.context);
  });

  it('reads an OTLP document: the log records are the entries, their attribute lists a part of them, the resource in the context', () => {
    const kv = (key: string, value: string): object => ({ key, value: { stringValue: value } });
    const record = (ns: string, body: string): object => ({ timeUnixNano: ns, body: { stringValue: body }, attributes: [kv('log.iostream', 'stderr')] });
    const resource = { attributes: [kv('k8s.pod.name', 'api-1'), kv('k8s.namespace.name', 'iot')] };
    const doc = JSON.stringify({ resourceLogs: [{ resource, scopeLogs: [{ scope: {}, logRecords: [record('1', 'first'), record('2', 'second')] }] }] }, null, 2);
    const { entries, error } = read(doc);
    expect(error).toBeNull();
    expect(entries.map((e) => [e.value, e.context])).toEqual([
      [record('1', 'first'), { resource, scope: {} }],
      [record('2', 'second'), { resource, scope: {} }],
    ]);
  });

  it('takes a HAR entry, not its headers, as an entry; a document that only holds a tag list is its one entry; pairs with no object around them are entries', () => {
    const headers = [{ name: 'x-acs-request-id', value: '0C9A1B2C-3D4E-5F60-7182-93A4B5C6D7E8' }, { name: 'content-type', value: 'application/json' }];
    const har = { log: { version: '1.2', entries: [{ startedDateTime: '2026-11-22T09:44:34Z', response: { status: 404, headers } }] } };
    expect(read(JSON.stringify(har, null, 2)).entries.map((e) => [e.value, e.context])).toEqual([[har.log.entries[0], { version: '1.2' }]]);
    const tagged = { InstanceId: 'i-1', Tags: [{ Key: 'env', Value: 'prod' }] };
    expect(read(JSON.stringify(tagged, null, 2)).entries.map((e) => e.value)).toEqual([tagged]);
    expect(read('[{"key":"a","value":1},{"key":"b","value":2}]').entries.map((e) => e.value)).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
    ]);
  });

  it('takes a document without an array of entries as its one entry', () => {
    const doc = lines('{', '  "code": "InvalidParameter",', '  "detail": {"list": [1, 2, "three"]}', '}', '');
    const { entries, lines: count } = read(doc);
    expect(count).toBe(4);
    expect(brief(entries)).toEqual([[{ code: 'InvalidParameter', detail: { list: [1, 2, 'three'] } }, null, 1, 4]]);
  });

  it('finds entries in arrays nested five deep, and merges the context of objects nested five deep', () => {
    const arrays = JSON.stringify([[[[[{ message: 'deep' }]]]], [{ message: 'shallow' }]], null, 2);
    expect(brief(read(arrays).entries)).toEqual([
      [{ message: 'deep' }, null, 6, 8],
      [{ message: 'shallow' }, null, 14, 16],
    ]);
    const objects = '{"app":"a","x":{"region":"r","y":{"app":"b","z":{"w":{"events":[{"m":1}]}}}}}';
    expect(brief(read(objects).entries)).toEqual([[{ m: 1 }, { app: 'b', region: 'r' }, 1, 1]]);
  });

  it('follows strings that hold brackets, quotes, escaped newlines and any Unicode', () => {
    const messages = ['a { b [ c', 'quote \\" ] } inside', 'line\\nbreak \\\\', 'ü 消息 😀 \\u00fc \\ud83d\\ude00', '\\\\', '\\\\\\"'];
    const doc = `[\n${messages.map((m) => `  {"message": "${m}", "{": "["}`).join(',\n')}\n]`;
    const { entries, error } = read(doc);
    expect(error).toBeNull();
    expect(entries.map((e) => (e.value as { message: string }).message)).toEqual(messages.map((m) => JSON.parse(`"${m}"`) as string));
    expect(entries.map((e) => e.firstLine)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('takes only pairs of strings or numbers as [time, line] entries', () => {
    const doc = '[["t","l"],[1,2],["a","b","c"],[1,true],["x"],[],[["u","v"]]]';
    expect(read(doc).entries.map((e) => e.value)).toEqual([['t', 'l'], [1, 2], ['u', 'v']]);
  });

  it('makes an object that holds a pair an enclosing object, not an entry', () => {
    expect(brief(read('[{"id":1,"values":[["t","l"]]},{"id":2,"values":[[1,2,3]]}]').entries)).toEqual([
      [['t', 'l'], { id: 1 }, 1, 1],
      [{ id: 2, values: [[1, 2, 3]] }, null, 1, 1],
    ]);
  });

  it('puts scalars and small objects read before the entries in the context, never arrays, large values or what comes after', () => {
    const big = 'x'.repeat(100);
    const doc = `{"tags":["a"],"big":"${big}","small":{"k":"v"},"n":null,"__proto__":{"polluted":true},"events":[{"m":1}],"after":2}`;
    const [entry] = read(doc, [], { maxContextFieldBytes: 50 }).entries;
    expect(entry!.context).toEqual(JSON.parse('{"small":{"k":"v"},"n":null,"__proto__":{"polluted":true}}'));
    expect(Object.hasOwn(entry!.context!, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(entry!.context)).toBe(Object.prototype);
  });

  it('reads documents written one after another, NDJSON among them', () => {
    const doc = '{"a":1}\n{"b":2}\n[{"c":3}]\n';
    expect(brief(read(doc).entries)).toEqual([
      [{ a: 1 }, null, 1, 1],
      [{ b: 2 }, null, 2, 2],
      [{ c: 3 }, null, 3, 3],
    ]);
  });

  it('counts lines as the rest of mqerr does', () => {
    expect(read('').lines).toBe(0);
    expect(read('[]').lines).toBe(1);
    expect(read('[]\n').lines).toBe(1);
    expect(read('[\r\n{"a":1}\r\n]\r\n\n').lines).toBe(4);
    expect(read('\ufeff[\n{"a":1}]').entries).toHaveLength(1);
  });
});

describe('a damaged document', () => {
  const doc = lines('[', '  {"message": "one"},', '  {"message": "two"},', '  {"message": "thr');

  it('yields the entries before a cut, then one error, and counts every line', () => {
    const { entries, error, lines: count } = read(doc);
    expect(entries.map((e) => e.value)).toEqual([{ message: 'one' }, { message: 'two' }]);
    expect(error).toEqual({ line: 4, message: 'expected the document to go on, but the input ends inside a string' });
    expect(count).toBe(4);
  });

  it('stops at a byte the grammar does not allow and still counts the lines after it', () => {
    const broken = lines('[', '  {"message": "one"}', '  {"message": "two"},', '  {"message": "three"}', ']', '');
    const { entries, error, lines: count } = read(broken);
    expect(entries).toHaveLength(1);
    expect(error).toEqual({ line: 3, message: 'expected "," or "]", got "{"' });
    expect(count).toBe(5);
  });

  it('stops at an entry JSON.parse refuses, a raw newline in a string, garbage after the document, or nesting too deep', () => {
    const badEscape = read('[{"a":1},\n{"a":"\\x"},\n{"a":3}]');
    expect(badEscape.entries).toHaveLength(1);
    expect(badEscape.error?.line).toBe(2);
    expect(badEscape.error?.message).toMatch(/^expected the entry at line 2 to be valid JSON: /);

    const rawNewline = read('[{"a":"one\ntwo"},\n{"a":3}]\n');
    expect(rawNewline.entries).toHaveLength(0);
    expect(rawNewline.error).toEqual({ line: 1, message: 'expected a string to close before the end of its line, got a raw control character 0x0a inside it' });
    expect(rawNewline.lines).toBe(3);

    expect(read('[{"a":1}]\n[INFO] text').error).toEqual({ line: 2, message: 'expected a value or "]", got "I"' });
    expect(read('[{"a":1}]\nINFO text').error).toEqual({ line: 2, message: 'expected a JSON array or object, got "I"' });
    expect(read('[{"a":01}]').error?.message).toBe('expected a number, true, false or null, got "01"');
    expect(read('['.repeat(20), [], { maxDepth: 10 }).error?.message).toBe('expected arrays and objects nested at most 10 deep, got deeper');
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(damaged, fc.array(fc.nat(4000), { maxLength: 20 }), (bytes, offsets) => {
        const whole = read(bytes);
        expect(read(bytes, offsets)).toEqual(whole);
        expect(whole.lines).toBe(countLines(bytes));
      }),
      { numRuns: 500 },
    );
  });
});

describe('an exported event that holds lists of its own', () => {
  it('is one entry: a response’s list, a stack’s frames and a tag list are its values, not entries', () => {
    const gcp = [
      { insertId: 'a1', jsonPayload: { msg: 'groups listed', response: { RequestId: 'F36B…', Data: [{ GroupId: 'GID_a' }, { GroupId: 'GID_b' }] } }, timestamp: '2026-11-22T10:00:03.412Z' },
      { insertId: 'a2', jsonPayload: { err: { code: 'X', stack: [{ fileName: 'rpc.js', line: 246 }, { fileName: 'main.js', line: 3 }] } }, timestamp: '2026-11-22T10:00:07.208Z' },
    ];
    expect(read(JSON.stringify(gcp, null, 2)).entries.map((e) => e.value)).toEqual(gcp);
    // Datadog's Logs Search API: the event's time one object down, its parsed fields (a list among them) in its own `attributes`.
    const datadog = { data: [{ id: 'AQAA', type: 'log', attributes: { timestamp: '2026-11-22T10:00:03.412Z', tags: ['env:prod'], message: 'groups listed', attributes: { response: { Data: [{ GroupId: 'GID_a' }] } } } }], meta: { status: 'done' } };
    expect(brief(read(JSON.stringify(datadog)).entries)).toEqual([[datadog.data[0], null, 1, 1]]);
  });

  it('leaves entries inside an element that is no event where they read as events: OpenTelemetry’s records, Loki’s values', () => {
    const otlp = { resourceLogs: [{ resource: { attributes: [{ key: 'k8s.pod.name', value: { stringValue: 'api-1' } }] }, scopeLogs: [{ scope: { name: 's' }, logRecords: [{ timeUnixNano: '1795340674085000000', body: { stringValue: 'boom' } }] }] }] };
    expect(read(JSON.stringify(otlp)).entries.map((e) => e.value)).toEqual([otlp.resourceLogs[0]!.scopeLogs[0]!.logRecords[0]]);
    const loki = { data: { result: [{ stream: { pod: 'api-1' }, values: [['1795340674085000000', 'boom'], ['1795340675085000000', 'ok']] }] } };
    expect(read(JSON.stringify(loki)).entries.map((e) => [e.value, e.context])).toEqual([
      [['1795340674085000000', 'boom'], { stream: { pod: 'api-1' } }],
      [['1795340675085000000', 'ok'], { stream: { pod: 'api-1' } }],
    ]);
  });
});

describe('bounded memory', () => {
  it('skips an entry longer than the limit, counts it, and reads on', () => {
    const long = JSON.stringify({ message: 'x'.repeat(10_000) });
    const doc = `[{"a":1},\n${long},\n{"a":2},\n["1","${'y'.repeat(10_000)}"]]`;
    for (const offsets of [[], Array.from({ length: 50 }, (_, i) => i * 512)]) {
      const result = read(doc, offsets, { maxEntryBytes: 4096 });
      expect(result.skipped).toBe(2);
      expect(brief(result.entries)).toEqual([
        [{ a: 1 }, null, 1, 1],
        [{ a: 2 }, null, 3, 3],
      ]);
    }
  });

  it('streams a 50 MB document with the heap growing by a small fraction of it', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const reader = new JsonDocumentReader(() => undefined, { maxEntryBytes: 1 << 20 });
    const entry = (n: number): string =>
      `    {\n      "timestamp": ${1764928800000 + n},\n      "message": "2026-12-05 10:00:00 ERROR publish failed code=Throttling.User ${'消息 '.repeat(n % 50)}",\n      "eventId": "${n}"\n    },\n`;
    gc();
    const before = process.memoryUsage().heapUsed;
    let bytes = 0;
    let held = 0;
    reader.write(Buffer.from('{\n  "events": [\n'));
    for (let n = 0; bytes < 50e6; ) {
      let text = '';
      while (text.length < 60_000) text += entry(n++);
      const chunk = Buffer.from(text);
      bytes += chunk.length;
      reader.write(chunk);
      held = Math.max(held, reader.heldBytes);
    }
    reader.write(Buffer.from('    {"last": true}\n  ]\n}\n'));
    reader.end();
    gc();
    const growth = process.memoryUsage().heapUsed - before;
    expect(reader.error).toBeNull();
    expect(reader.entries).toBeGreaterThan(100_000);
    expect(held).toBeLessThan(64 * 1024);
    expect(growth).toBeLessThan(16 * 1024 * 1024);
  });
});

/** Physical lines as mqerr counts them. */
function countLines(bytes: Buffer): number {
  let newlines = 0;
  for (const b of bytes) if (b === 0x0a) newlines++;
  return newlines + (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? 1 : 0);
}

/** The entries and contexts the rule describes, found in the parsed document. */
function expectedEntries(doc: unknown): { value: unknown; context: Record<string, unknown> | null }[] {
  const out: { value: unknown; context: Record<string, unknown> | null }[] = [];
  const isPair = (v: unknown[]): boolean => v.length === 2 && v.every((x) => typeof x === 'string' || typeof x === 'number');
  /** An object that reads as a log event: a time (one object down too) or a field that carries a line. */
  const looksLikeEvent = (v: Record<string, unknown>): boolean =>
    topLevelTime(v) !== null || timeOneLevelDown(v) !== null || LINE_FIELDS.some((f) => typeof v[f] === 'string' || (v[f] !== null && typeof v[f] === 'object' && !Array.isArray(v[f])));
  /**
   * An object element inside an object that is a part of its fields: no entry, though what it holds may be —
   * a key/value pair, or, inside an object that is an array's element, an object that reads as no log event.
   */
  const isPart = (v: unknown, inObject: boolean, inElement: boolean): boolean =>
    inObject && (isFieldElement(v) || (inElement && !looksLikeEvent(v as Record<string, unknown>)));
  /**
   * Whether a value (an array element when `element`; an object encloses it when `inObject`, an object that is an
   * array's element when `inElement`) is an entry or holds one.
   */
  const holds = (v: unknown, element: boolean, inObject: boolean, inElement: boolean): boolean => {
    if (Array.isArray(v)) return (element && isPair(v)) || v.some((x) => holds(x, true, inObject, inElement));
    if (v !== null && typeof v === 'object') {
      return (element && !isPart(v, inObject, inElement)) || Object.values(v).some((x) => holds(x, false, true, inElement || element));
    }
    return false;
  };
  const visit = (v: unknown, element: boolean, context: Record<string, unknown> | null, inObject: boolean, inElement: boolean): void => {
    if (Array.isArray(v)) {
      if (element && isPair(v)) out.push({ value: v, context });
      else for (const x of v) visit(x, true, context, inObject, inElement);
    } else if (v !== null && typeof v === 'object') {
      const members = Object.entries(v);
      const within = inElement || element;
      if (element && !isPart(v, inObject, inElement) && !members.some(([, x]) => holds(x, false, true, within))) {
        out.push({ value: v, context });
        return;
      }
      const first = members.findIndex(([, x]) => holds(x, false, true, within));
      const fields = Object.fromEntries(members.slice(0, first).filter(([, x]) => !Array.isArray(x)));
      const inner = Object.keys(fields).length > 0 ? { ...context, ...fields } : context;
      for (const [, x] of members) visit(x, false, inner, true, within);
    }
  };
  // The document's own object is an entry when it holds none, but no array's element; its own array is no pair.
  if (Array.isArray(doc)) visit(doc, false, null, false, false);
  else if (doc !== null && typeof doc === 'object') {
    const members = Object.entries(doc);
    if (!members.some(([, x]) => holds(x, false, true, false))) out.push({ value: doc, context: null });
    else {
      const first = members.findIndex(([, x]) => holds(x, false, true, false));
      const fields = Object.fromEntries(members.slice(0, first).filter(([, x]) => !Array.isArray(x)));
      const inner = Object.keys(fields).length > 0 ? fields : null;
      for (const [, x] of members) visit(x, false, inner, true, false);
    }
  }
  return out;
}

describe('chunking never changes what is read', () => {
  it('reads what the rule describes, and the same entries and lines however the bytes are chunked', () => {
    fc.assert(
      fc.property(document, fc.array(fc.nat(4000), { maxLength: 30 }), fc.boolean(), ({ text }, offsets, atSpecialBytes) => {
        const bytes = Buffer.from(text);
        const whole = read(bytes);
        expect(whole.error).toBeNull();
        expect(whole.lines).toBe(countLines(bytes));
        expect(whole.entries.map((e) => ({ value: e.value, context: e.context }))).toEqual(expectedEntries(JSON.parse(text)));
        // Cuts everywhere inside escapes (\uXXXX included) and multi-byte characters, or at random.
        const inEscape = (i: number): boolean => [1, 2, 3, 4, 5].some((back) => bytes[i - back] === 0x5c);
        const cuts = atSpecialBytes ? [...bytes.keys()].filter((i) => i > 0 && (inEscape(i) || bytes[i]! >= 0x80)) : offsets;
        expect(read(bytes, cuts)).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });

  it('reads the same one byte at a time', () => {
    const doc = JSON.stringify({ data: { result: [{ stream: { a: 'ü' }, values: [['1', 'é\\"😀']] }] } }, null, 2);
    const bytes = Buffer.from(doc);
    expect(read(bytes, [...bytes.keys()])).toEqual(read(bytes));
  });
});
