import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateSummary } from '../../src/aggregation/validate-summary.js';
import { mergeSummaries } from '../../src/cli/commands/merge.js';
import { NOT_A_CODE } from '../../src/recognition/patterns.js';
import type { Compression } from '../../src/sources/detect-compression.js';
import { describeEmbeddedData } from '../../src/sources/embedded-compression.js';
import { expectedLines, totalsProblems } from '../helpers/scan-json.js';
import { catalog, cutAt, newAggregator, runChunks } from './pipeline-harness.js';

/**
 * Properties of the whole pipeline, run in process on generated input:
 * the summary does not depend on how the bytes were chunked, merging is
 * exact, an embedded error body is found exactly once, and garbage makes
 * no event. Each property is bounded in runs and in time.
 */

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

const catalogued = [...new Set([...catalog.entries()].map((e) => e.code).filter((c) => !c.includes('%')))];
/** Codes: catalogued ones, and any code-shaped word but the words that are not codes. */
const codeArb = fc
  .oneof(fc.constantFrom(...catalogued), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{1,30}(?:\.[A-Za-z0-9_]{1,20}){0,2}$/))
  .filter((code) => !NOT_A_CODE.has(code));
const upperId = fc.uuid().map((id) => id.toUpperCase());

/** One API error body, as Tencent and Alibaba return them. */
const bodyArb = fc.record({ code: codeArb, lower: fc.uuid(), upper: upperId, message: fc.string({ maxLength: 40 }), tencent: fc.boolean() }).map((b) => ({
  code: b.code,
  requestId: b.tencent ? b.lower : b.upper,
  text: b.tencent
    ? JSON.stringify({ Response: { Error: { Code: b.code, Message: b.message }, RequestId: b.lower } })
    : JSON.stringify({ RequestId: b.upper, HostId: 'onsmqtt.cn-hangzhou.aliyuncs.com', Code: b.code, Message: b.message }),
}));

/** Text on one line: any Unicode but line breaks. */
const lineText = fc.string({ unit: 'binary', maxLength: 60 }).map((s) => s.replace(/[\n\r]/g, ' '));

/** Log lines of every kind mqerr meets, as bytes; some are not UTF-8 at all. */
const logLineArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  bodyArb.map((b) => encode(`2026-11-22 09:44:35,480 ERROR call failed: ${b.text}`)),
  bodyArb.map((b) => encode(JSON.stringify({ level: 50, time: 1795340674085, msg: `failed: ${b.text}` }))),
  bodyArb.map((b) => encode(b.text)),
  fc.record({ code: codeArb, id: fc.uuid() }).map((e) => encode(`[TencentCloudSDKError] Code=${e.code}, Message=boom, RequestId=${e.id}`)),
  fc.constantFrom('Traceback (most recent call last):', '  File "a.py", line 1, in f', '\tat com.example.App.main(App.java:10)', '', '}').map(encode),
  fc.string({ unit: 'grapheme', maxLength: 80 }).map(encode),
  lineText.map((t) => encode(JSON.stringify({ level: 30, msg: t }))),
  fc.uint8Array({ maxLength: 80 }),
);

/** A log: lines joined by LF or CRLF, with or without a final newline. */
const logArb = fc
  .record({ lines: fc.array(logLineArb, { maxLength: 12 }), crlf: fc.boolean(), finalNewline: fc.boolean() })
  .map(({ lines, crlf, finalNewline }) => {
    const eol = encode(crlf ? '\r\n' : '\n');
    const parts: Uint8Array[] = [];
    lines.forEach((line, i) => {
      parts.push(line);
      if (i < lines.length - 1 || finalNewline) parts.push(eol);
    });
    return concat(parts);
  });

const offsetsArb = fc.array(fc.nat({ max: 4096 }), { maxLength: 24 });

describe('properties of the pipeline', () => {
  it('any chunking of the input (bytes split anywhere, inside characters too) gives the same summary and events', async () => {
    await fc.assert(
      fc.asyncProperty(logArb, offsetsArb, fc.constantFrom(4 * 1024 * 1024, 64, 17, 1), async (bytes, offsets, maxLineBytes) => {
        const whole = await runChunks([bytes], { maxLineBytes });
        const chunked = await runChunks(cutAt(bytes, offsets), { maxLineBytes });
        expect(chunked.summary).toEqual(whole.summary);
        expect(chunked.events).toEqual(whole.events);
        expect(whole.summary.totals.lines).toBe(expectedLines(Buffer.from(bytes)));
        expect(totalsProblems(whole.summary)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('merge is exact, associative and commutative: merging shard summaries in any order equals one run over all shards', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(logArb, { minLength: 3, maxLength: 3 }), async (shards) => {
        const names = shards.map((_, i) => `shard-${i}.log`);
        const alone = await Promise.all(shards.map(async (bytes, i) => (await runChunks([bytes], { name: names[i] })).summary));
        for (const summary of alone) expect(validateSummary(summary)).toBeNull();
        const together = newAggregator();
        for (const [i, bytes] of shards.entries()) await runChunks([bytes], { name: names[i], aggregator: together });
        const merge = (...summaries: typeof alone) => mergeSummaries(summaries.map((summary, i) => ({ file: `s${i}.json`, summary })), { redact: false });
        const [a, b, c] = alone as [(typeof alone)[0], (typeof alone)[0], (typeof alone)[0]];
        const all = together.toSummary();
        expect(merge(a, b, c)).toEqual(all);
        expect(merge(merge(a, b), c)).toEqual(merge(a, merge(b, c)));
        expect(merge(b, a)).toEqual(merge(a, b));
        expect(merge(c, b, a)).toEqual(all);
      }),
      { numRuns: 100 },
    );
  });

  it('a log line with an embedded error body, whatever surrounds it, is found exactly once with its code and RequestId', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ before: lineText, body: bodyArb, after: lineText, json: fc.boolean() }), { minLength: 1, maxLength: 6 }), async (lines) => {
        const text = lines
          .map(({ before, body, after, json }) => {
            const line = `${before}${body.text}${after}`;
            return json ? JSON.stringify({ level: 50, msg: line }) : `2026-11-22 09:44:35 ERROR ${line}`;
          })
          .join('\n');
        const run = await runChunks([encode(text)]);
        const errors = run.events.filter((e) => e.event === 'error');
        expect(errors.map((e) => [e.code, e.requestId])).toEqual(lines.map((l) => [l.body.code, l.body.requestId]));
        expect(run.summary.totals.errors).toBe(lines.length);
      }),
      { numRuns: 300 },
    );
  });

  it('random garbage never yields an error (or a success) event', async () => {
    const garbage = fc.oneof(fc.uint8Array({ maxLength: 2048 }), fc.string({ unit: 'binary', maxLength: 512 }).map(encode), fc.string({ maxLength: 512 }).map(encode));
    await fc.assert(
      fc.asyncProperty(garbage, async (bytes) => {
        const run = await runChunks([bytes]);
        expect(run.events.filter((e) => e.event !== null)).toEqual([]);
        expect(run.summary.totals.lines).toBe(expectedLines(Buffer.from(bytes)));
      }),
      { numRuns: 300 },
    );
  });
});

/** Fragments hostile input is made of: the start of every shape mqerr looks for, and what breaks parsers. */
const FRAGMENTS = [
  '{"Response":{"Error":{"Code":"', '{"RequestId":"', '"Code":"InternalError"', '"HostId":"x","Recommend":"y"', '{', '}', '[', ']', '"', '\\',
  'code: 400, ', ' request id: ', 'RequestId=', 'requestId:', 'Message=', '[TencentCloudSDKException]message:', 'SDK.ServerError',
  'ClientException: ', 'Error: ', 'InternalError', 'ResourceNotFound.Topic', '.', '%s', '__proto__', 'constructor', 'toString',
  '6b6f0e2a-5c1d-4f3e-9a7b-2c8d1e0f4a61', '5E0B1D4A-2C3B-4D5E-8F90-A1B2C3D4E5F6', '2026-11-22T09:44:34.085123456Z stdout P ',
  '2026-11-22T09:44:34Z stderr F ', '[pod/api-1/app] ', '{"log":"', '\\n","stream":"stderr","time":"2026-11-22T09:44:34Z"}',
  '\tat ', 'Caused by: ', 'Traceback (most recent call last):', '\n', '\r\n', '\r', '\u0000', '\u001b[31m', '\ufeff', '\ufffd', '错误', '\u202e',
];

/** Magic numbers of the compressed data a text source says it holds (gzip with deflate, zstd, xz). */
const EMBEDDED_MAGIC: readonly (readonly [string, readonly number[]])[] = [
  ['gzip', [0x1f, 0x8b, 0x08]],
  ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
];

const hostileArb = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS).map(encode), fc.uint8Array({ maxLength: 8 }), fc.constantFrom(...EMBEDDED_MAGIC.map(([, magic]) => Uint8Array.from(magic))), fc.constantFrom(...FRAGMENTS).chain((f) => fc.integer({ min: 2, max: 300 }).map((n) => encode(f.repeat(n))))), { maxLength: 40 })
  .map(concat);

/** What a source of these bytes says about compressed data in it: the first line that starts with a magic number, or null. */
function embeddedMessage(bytes: Buffer): string | null {
  for (let at = 0; at < bytes.length; at = bytes.indexOf(0x0a, at) + 1 || bytes.length) {
    const found = EMBEDDED_MAGIC.find(([, magic]) => magic.every((b, i) => bytes[at + i] === b));
    if (found) return describeEmbeddedData({ compression: found[0] as Compression, offset: at });
  }
  return null;
}

describe('fuzz (bounded in time)', () => {
  it('hostile fragments in any order, chunking and line limit: nothing throws, every line is counted, the totals add up', async () => {
    await fc.assert(
      fc.asyncProperty(hostileArb, offsetsArb, fc.constantFrom(4 * 1024 * 1024, 100, 7), async (bytes, offsets, maxLineBytes) => {
        const whole = await runChunks([bytes], { maxLineBytes });
        expect(whole.error).toBe(embeddedMessage(Buffer.from(bytes)));
        expect(whole.summary.totals.lines).toBe(expectedLines(Buffer.from(bytes)));
        expect(totalsProblems(whole.summary)).toEqual([]);
        expect(validateSummary(whole.summary)).toBeNull();
        const chunked = await runChunks(cutAt(bytes, offsets), { maxLineBytes });
        expect(chunked.summary).toEqual(whole.summary);
        expect(chunked.error).toBe(whole.error);
      }),
      { numRuns: 1_000_000, interruptAfterTimeLimit: 5_000, markInterruptAsFailure: false },
    );
  }, 30_000);
});
