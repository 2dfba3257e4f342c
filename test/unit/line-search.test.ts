import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonKeys, jsonObjectEnd } from '../../src/lines/json-line-shape.js';
import { LineSearch, TOO_MANY_KEYS, type GateWord } from '../../src/lines/line-search.js';
import { classifyLines, type LineSink, type QuietLineOptions } from '../../src/lines/quiet-lines.js';
import { EVENT_GATE, EVENT_GATE_WORDS, eventGateOf } from '../../src/recognition/candidate-gate.js';
import { WRAPPERS } from '../../src/pipeline/feed-blocks.js';
import { lineGate } from '../../src/pipeline/line-gate.js';
import { alwaysStartsRecord } from '../../src/records/continuation.js';
import { builtInContext } from '../helpers/context.js';

type Line = { end: number; first: number; all: number[]; bar: number };

/** What the regular expression finds on each line of `text`: its end, its first hit, every hit; and its first `|`. */
function regexLines(regex: RegExp, text: string): Line[] {
  const lines: Line[] = [];
  for (let p = 0; ; ) {
    let nl = text.indexOf('\n', p);
    if (nl < 0) nl = text.length;
    const all: number[] = [];
    for (let q = p; ; ) {
      regex.lastIndex = q;
      const m = regex.exec(text);
      if (!m || m.index >= nl) break;
      all.push(m.index);
      q = m.index + 1;
    }
    const bar = text.indexOf('|', p);
    lines.push({ end: nl, first: all[0] ?? -1, all, bar: bar >= 0 && bar < nl ? bar : -1 });
    if (nl >= text.length) return lines;
    p = nl + 1;
  }
}

/** What the WebAssembly search finds, call after call, in `buf[start, end)`. */
function searchLines(search: LineSearch, buf: Buffer, start = 0, end = buf.length): { lines: Line[]; lost: boolean } {
  search.load(buf, start, end);
  const lines: Line[] = [];
  let lost = false;
  for (let from = 0; ; ) {
    const n = search.scan(from);
    lost ||= search.lost();
    for (let i = 0; i < n; i++) {
      lines.push({ end: search.ends[i]!, first: search.hits[i]!, all: [...search.list.subarray(search.firsts[i]!, search.firsts[i + 1]!)], bar: search.pipes[i]! });
    }
    const last = search.ends[n - 1]!;
    if (last === end - start) return { lines, lost };
    from = last + 1;
  }
}

/** Pieces of the gate's words, their other cases, separators, and bytes that fold oddly or not at all. */
const PIECES = [
  ...'codeCODErequstREQUSTxpinXPINkK.-_\\uU"{}: 0\n\r\t|',
  ' | ', '|||',
  'code', 'Request_Id', 'x-acs-request-id', 'EXCEPTION', 'error', 'SDK.', '\\u0063', 'c-o_d', 'r_e-Q', 'statusCode', 'sdk', 'ErrOr',
  // Words beyond ASCII, found by their UTF-8 bytes, and bytes that would fold onto theirs (`É` 0xC9 onto `é` 0xE9).
  '错误码', '请求ID', '请求 id', '错误代码', '错', '\u00c9\u0094\u0099',
  '\u00ff', '\u00b5', '\u00df', '\u00c9', '\u00e9', '\u00d7', '\u4e2d', '\ufffd',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((pieces) => pieces.join(''));
const bytes = fc.uint8Array({ maxLength: 120 }).map((b) => Buffer.from(b));

describe('the WebAssembly line search', () => {
  const search = LineSearch.of(EVENT_GATE_WORDS);

  it('is built and serves the built-in gate (a missing module would fall back to the regular expression unseen)', () => {
    expect(search).not.toBeNull();
  });

  it('finds every line and every hit the gate’s regular expression finds on the block’s Latin-1 view', () => {
    fc.assert(
      fc.property(fc.oneof(text.map((t) => Buffer.from(t, 'utf8')), bytes), (buf) => {
        const found = searchLines(search!, buf);
        expect(found.lost).toBe(false);
        expect(found.lines).toEqual(regexLines(EVENT_GATE, buf.toString('latin1')));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads only the block it is given, wherever it lies in the buffer', () => {
    const buf = Buffer.from('error\nx code y\nreques|t\nsdk.');
    for (const [start, end] of [[1, 18], [6, 11], [16, 23], [0, 0], [24, 28]] as const) {
      expect(searchLines(search!, buf, start, end).lines).toEqual(regexLines(EVENT_GATE, buf.toString('latin1', start, end)));
    }
  });

  it('finds the words of any table, with and without separators, as their regular expression does', () => {
    const word = fc.record({
      text: fc.string({ unit: fc.constantFrom(...'abcAB.- _x\u00e9\u00c9\u0094'), minLength: 1, maxLength: 5 }),
      between: fc.constantFrom('', '-_', '.', 'b'),
    });
    const words = fc.array(word, { minLength: 1, maxLength: 12 }).filter((list) => list.every((w) => ![...w.text].some((c) => w.between.toLowerCase().includes(c.toLowerCase()))));
    // Texts made of stray characters and of the words themselves, their case changed and separators put between their characters.
    const spelled = (w: GateWord) =>
      fc.array(fc.tuple(fc.boolean(), fc.nat(2), fc.nat(w.between.length)), { minLength: w.text.length, maxLength: w.text.length }).map((choices) =>
        [...w.text].map((c, i) => (i > 0 && w.between ? w.between.charAt(choices[i]![2] % w.between.length).repeat(choices[i]![1]) : '') + (choices[i]![0] ? c.toUpperCase() : c)).join(''),
      );
    const stray = fc.constantFrom(...'abcABC.-_ x\nX\u00e9');
    const pair = words.chain((list) => fc.tuple(fc.constant(list), fc.array(fc.oneof(stray, fc.constantFrom(...list).chain(spelled)), { maxLength: 40 }).map((p) => p.join(''))));
    fc.assert(
      fc.property(pair, ([list, t]) => {
        const own = LineSearch.of(list);
        expect(own).not.toBeNull();
        expect(searchLines(own!, Buffer.from(t, 'latin1')).lines).toEqual(regexLines(eventGateOf(list), t));
      }),
      { numRuns: 1000 },
    );
  });

  it('turns down words it cannot find exactly: a separator among a word’s own characters, a character beyond a byte, a control character', () => {
    const refused: GateWord[][] = [[{ text: 'a-b', between: '-' }], [{ text: '错', between: '' }], [{ text: 'a\nb', between: '' }], [{ text: 'ab', between: 'é' }], []];
    for (const words of refused) expect(LineSearch.of(words)).toBeNull();
  });

  it('carries on across calls when a block has more lines than one call writes, and says when its list of hits overflowed', () => {
    const many = Buffer.from('a\nerror code\n'.repeat(9000) + 'end');
    expect(searchLines(search!, many)).toEqual({ lines: regexLines(EVENT_GATE, many.toString('latin1')), lost: false });
    const dense = Buffer.from('error '.repeat(70_000) + '\nok');
    const found = searchLines(search!, dense);
    expect(found.lost).toBe(true);
    const expected = regexLines(EVENT_GATE, dense.toString('latin1'));
    expect(found.lines.map((l) => [l.end, l.first])).toEqual(expected.map((l) => [l.end, l.first]));
  });
});

describe('the WebAssembly JSON shape walk', () => {
  const search = LineSearch.of(EVENT_GATE_WORDS)!;

  /** What jsonObjectEnd finds at `at` in the view, and its keys when it accepts the object. */
  const reference = (view: string, at: number): unknown => {
    const keys = new JsonKeys();
    const end = jsonObjectEnd(view, at, keys);
    return end < 0 ? { end } : { end, keys: keysOf(keys) };
  };
  const keysOf = (keys: JsonKeys): unknown => {
    const n = keys.count;
    const list = (a: Int32Array): number[] => [...a.subarray(0, n)];
    return { underscore: keys.underscoreString, starts: list(keys.starts), ends: list(keys.ends), gaps: list(keys.gaps), dots: list(keys.lastDots), depths: list(keys.depths), values: list(keys.values) };
  };
  /** The module's answer at every `{` of the block, beside jsonObjectEnd's on its Latin-1 view. */
  const both = (buf: Buffer): { wasm: unknown[]; js: unknown[] } => {
    search.load(buf, 0, buf.length);
    const view = buf.toString('latin1');
    const wasm: unknown[] = [];
    const js: unknown[] = [];
    for (let at = view.indexOf('{'); at >= 0; at = view.indexOf('{', at + 1)) {
      const end = search.json(at);
      if (end === TOO_MANY_KEYS) continue;
      wasm.push(end < 0 ? { end } : { end, keys: keysOf(search.keys) });
      js.push(reference(view, at));
    }
    return { wasm, js };
  };

  /** Pieces of JSON and of what breaks it: escapes, control bytes, bare words cut short, Latin-1 and UTF-8 bytes. */
  const JSON_PIECES = [
    ...'{}[]:,"  \t\r\n\\0123456789-+.eE_atfnx\u0000\u0001\u00e9\u00ff',
    '"k":', '"_k":', '"a.b":', '"a.b.c":', '".":', '"time":', '"":', 'true', 'false', 'null', 'tru', 'fals', 'nul', '-0.5e+3', '01', '1.', '"x"', '"_"', '"\u4e2d"',
  ];
  const pieces = fc.array(fc.constantFrom(...JSON_PIECES), { maxLength: 60 }).map((p) => p.join(''));
  /** Valid JSON objects, nested at any depth, with whitespace between tokens. */
  const objects = fc
    .tuple(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 8 }), fc.constantFrom('', ' ', '\t', ' \r'))
    .map(([o, space]) => JSON.stringify(o, null, space === '' ? undefined : space).replace(/\n/g, ''));

  it('reads an object and its keys as jsonObjectEnd does, byte for byte', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, objects), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n', ''), (lines, eol) => {
        const { wasm, js } = both(Buffer.from(lines.join(eol), 'latin1'));
        expect(wasm).toEqual(js);
        accepted += js.filter((r) => (r as { end: number }).end >= 0).length;
      }),
      { numRuns: 3000 },
    );
    // The objects walked were not all turned down at their first byte.
    expect(accepted).toBeGreaterThan(1000);
  });

  it('walks the lines a logger writes, accepting them, and stops at the block’s end as at a line’s', () => {
    const line = '{"level":30,"time":1795340670002,"_meta":{"a.b":[1,null]},"req":{"url":"/x"},"msg":"été"}';
    const buf = Buffer.from(`${line}\n${line.slice(0, 40)}`, 'latin1');
    const { wasm, js } = both(buf);
    expect(wasm).toEqual(js);
    search.load(buf, 0, buf.length);
    expect(search.json(0)).toBe(line.length);
    expect(search.keys.count).toBe(7);
    expect(search.keys.underscoreString).toBe(true);
    expect(search.json(line.length + 1)).toBe(-1);
  });

  it('leaves an object with more keys than its arrays hold to jsonObjectEnd', () => {
    const many = `{${Array.from({ length: 1100 }, (_, i) => `"k${i}":${i}`).join(',')}}`;
    const buf = Buffer.from(many);
    search.load(buf, 0, buf.length);
    expect(search.json(0)).toBe(TOO_MANY_KEYS);
    expect(jsonObjectEnd(many, 0, new JsonKeys())).toBe(many.length);
  });
});

describe('classifyLines, with the WebAssembly search and with the regular expression', () => {
  const ctx = builtInContext();
  const options = (wasm: boolean): QuietLineOptions => ({
    unwrap: true,
    wrappers: WRAPPERS,
    gate: lineGate(ctx, wasm),
    alwaysStartsRecord,
  });
  const classify = (buf: Buffer, wasm: boolean): string[] => {
    const out: string[] = [];
    const sink: LineSink = {
      quiet: (b, start, end, json, time, ascii, wrapperTime) => out.push(`quiet ${start} ${end} ${json} ${time} ${ascii} ${wrapperTime ?? ''}`),
      loud: (b, start, end) => out.push(`loud ${start} ${end}`),
    };
    classifyLines(buf, 0, buf.length, sink, options(wasm), true);
    return out;
  };

  it('sorts the same lines the same way, JSON lines whose hits are all harmless included', () => {
    const line = fc.constantFrom(
      '{"level":30,"time":1795340670002,"res":{"statusCode":200},"msg":"request completed","errorCount":0}',
      '{"level":30,"time":1795340670002,"res":{"statusCode":200},"code":"x"}',
      '{"level":50,"time":1795340674085,"err":{"requestId":"6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61","code":"ResourceNotFound.Topic"}}',
      '2026-11-22 09:44:36,002 INFO app: ready',
      '2026-11-22 09:44:36,002 ERROR app: code=InternalError requestId=6B6F0E2A-5C1D-4F3E-9A7B-2C8D1E0F4A61',
      '2026-11-22T09:44:34.085Z stderr F {"level":30}',
      '\tat com.example.App.main(App.java:10)',
      '{"msg":"été","time":1795340670001}',
      '{"time":1795340670001,"tags":["error budget","ok"],"res":{"statusCode":200},"msg":"request completed"}',
      '{"time":1795340670001,"a":{"errorCount":1,"b":[{"requestId":"req-1"}]},"note":"code review done","code":"x"}',
      '{"time":1795340670001,"list":["InternalError","RequestId: 8C1D2E3F-4A5B-4C6D-8E7F-9A0B1C2D3E4F"],"msg":"ok"}',
      '{"a":"\\u0063ode"}',
      'api-1  | 2026-11-22 09:44:36,002 INFO app: ready',
      'web-2 | {"level":30,"time":1795340670002,"msg":"ok"}',
      '2026-11-22T09:44:34.085Z worker-3  | 2026-11-22 09:44:36,002 INFO app: ready',
      '2026-11-22 09:44:36,002 INFO a|b 3 | c',
      'x|y 1 | z',
      '2026-11-22 09:44:36,002 | api-1 ready',
      '2026-11-22 09:44:36,002 a|b 1 | c',
      '',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const buf = Buffer.from(lines.join(eol), 'utf8');
        expect(classify(buf, true)).toEqual(classify(buf, false));
      }),
      { numRuns: 500 },
    );
  });

  it('sorts a line whose harmless hits overflow the search’s list as the regular expression does', () => {
    const keys = Array.from({ length: 70_000 }, (_, i) => `"errors${i}":"error"`).join(',');
    const buf = Buffer.from(`{"time":1795340670001,${keys}}\n{"statusCode":200,"code":"x"}`);
    const sorted = classify(buf, false);
    // Every hit of the first line was looked at, and found harmless.
    expect(sorted[0]).toMatch(/^quiet 0 /);
    expect(classify(buf, true)).toEqual(sorted);
  });
});
