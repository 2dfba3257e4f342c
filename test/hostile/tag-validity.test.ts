import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { chunksOf, scanFastPath, scanFullPath } from '../helpers/both-paths.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

/**
 * `mqerr tag` writes valid UTF-8 JSON, one object per line, with one `mqerr`
 * key, on the fast path and the full path alike (byte for byte), whatever
 * the bytes of the lines it tags.
 */

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The problems of one tagged output: lines that are not strict UTF-8 JSON objects with exactly one top-level `mqerr`. */
function outputProblems(output: Buffer | string): string[] {
  const problems: string[] = [];
  const bytes = typeof output === 'string' ? Buffer.from(output) : output;
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return ['the output is not valid UTF-8'];
  }
  for (const line of text.split('\n').slice(0, -1)) {
    try {
      JSON.parse(line);
    } catch (err) {
      problems.push(`not JSON (${(err as Error).message}): ${line.slice(0, 200)}`);
      continue;
    }
    // A parser that keeps every duplicate: there must be one mqerr, whichever a reader keeps.
    const tree = parseTree(line);
    const keys = (tree?.children ?? []).filter((p) => p.children?.[0]?.value === 'mqerr');
    if (keys.length !== 1) problems.push(`${keys.length} top-level mqerr keys: ${line.slice(0, 200)}`);
  }
  return problems;
}

const FIXTURES = ['fixtures/sample/app.log', 'fixtures/gaps/app.log', 'fixtures/catalog-coverage/tencent-sdks.log', 'fixtures/catalog-coverage/alibaba-tea-sdks.log'];
const fixtureLines = FIXTURES.flatMap((f) =>
  readFileSync(join(ROOT, f))
    .toString('latin1')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => Buffer.from(l, 'latin1')),
);

/** One mutation of a line's bytes, as a fuzzer makes them. */
const mutationArb = fc.oneof(
  // A byte that is not a newline, often one that cannot stand alone in UTF-8.
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), byte: fc.oneof(fc.integer({ min: 0x80, max: 0xff }), fc.integer({ min: 0, max: 0x7f }).filter((b) => b !== 0x0a)) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), byte: fc.integer({ min: 0x80, max: 0xff }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('spoof' as const), key: fc.constantFrom('"mqerr":{"code":"Spoofed"},', '"mq\\u0065rr":1,', '"mqerr":"x",', '"mqerr":[1,{"a":"}"}],') }),
);

type Mutation = { kind: string; at?: number; byte?: number; key?: string };

function mutate(line: Buffer, mutations: Mutation[]): Buffer {
  let bytes = Buffer.from(line);
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : (m.at ?? 0) % bytes.length;
    if (m.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([m.byte!]), bytes.subarray(at)]);
    else if (m.kind === 'replace' && bytes.length > 0) bytes[at] = m.byte!;
    else if (m.kind === 'cut') bytes = bytes.subarray(0, at);
    else if (m.kind === 'spoof') {
      const open = bytes.indexOf(0x7b);
      if (open >= 0) bytes = Buffer.concat([bytes.subarray(0, open + 1), Buffer.from(m.key!), bytes.subarray(open + 1)]);
    }
  }
  return bytes;
}

const mutatedLogArb = fc
  .array(fc.tuple(fc.nat({ max: fixtureLines.length - 1 }), fc.array(mutationArb, { maxLength: 4 })), { minLength: 1, maxLength: 12 })
  .map((lines) => Buffer.concat(lines.flatMap(([i, ms]) => [mutate(fixtureLines[i]!, ms), Buffer.from('\n')])));

/** `mqerr tag` on `log`, with the fast path and without: each run's output lines, once its exit status and JSON are checked. */
async function taggedLinesOnBothPaths(log: string): Promise<string[][]> {
  const runs: string[][] = [];
  for (const env of [{}, { MQERR_FAST_PATH: '0' }]) {
    const run = await runCli(['tag', '-'], { stdin: `${log}\n`, env });
    expect(run.code).toBe(0);
    expect(outputProblems(run.stdout)).toEqual([]);
    runs.push(run.stdout.trimEnd().split('\n'));
  }
  return runs;
}

describe('tag output stays valid', () => {
  it('mutated fixture lines: every output line is strict UTF-8 JSON with one mqerr key, byte-identical on both paths', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedLogArb, fc.integer({ min: 1, max: 64 }), async (log, chunk) => {
        const fast = scanFastPath(chunksOf(log, chunk)).tag;
        const full = (await scanFullPath([log])).tag;
        expect(outputProblems(fast)).toEqual([]);
        expect(fast).toBe(full);
      }),
      // Bounded in time: as many runs as fit, at least the ones that ran must pass.
      { numRuns: 2_000, interruptAfterTimeLimit: 8_000, markInterruptAsFailure: false },
    );
  });

  it('invalid UTF-8 is written as U+FFFD on the fast path exactly as on the full path (the built CLI, both paths)', async () => {
    const log = Buffer.concat([
      Buffer.from('{"level":30,"msg":"caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}\nplain caf'),
      Buffer.from([0xe9, 0xff, 0xc3]),
      Buffer.from(' end\n{"msg":"cut '),
      Buffer.from([0xe2, 0x82]),
      Buffer.from('"}\n'),
    ]);
    const fast = await runCli(['tag', '-'], { stdin: log });
    const full = await runCli(['tag', '-'], { stdin: log, env: { MQERR_FAST_PATH: '0' } });
    expect(fast.code).toBe(0);
    expect(outputProblems(fast.stdout)).toEqual([]);
    expect(fast.stdout).toBe(full.stdout);
    expect(fast.stdout).toContain('caf\ufffd');
  });

  it('a JSON error record with terminal escapes in it is written as JSON without them, on both paths', async () => {
    // Recognition reads the record without its escapes; raw, an escape character in a string is not JSON.
    const log = [
      '{"level":50,"err":{"code":"\u001b[31mFailedOperation.NotSupportDisableAuthorizationPolicy\u001b[39m","requestId":"730c831a-d5bc-4bc9-be5f-2f07966107e7"},"msg":"ModifyInstance failed"}',
      '{"level":50,"err":{"code":"\u001bFFailedOperation","requestId":"730c831a-d5bc-4bc9-be5f-2f07966107e8"},"msg":"ModifyInstance failed"}',
    ].join('\n');
    for (const lines of await taggedLinesOnBothPaths(log)) {
      expect(lines[0]).toMatch(/^\{"level":50,"err":\{"code":"FailedOperation\.NotSupportDisableAuthorizationPolicy","requestId":"730c831a-d5bc-4bc9-be5f-2f07966107e7"\},"msg":"ModifyInstance failed","mqerr":\{/);
      expect(lines[1]).toMatch(/^\{"level":50,"err":\{"code":"FailedOperation","requestId":"730c831a-d5bc-4bc9-be5f-2f07966107e8"\}/);
    }
  });

  it('a record that already has an mqerr key gets it replaced, not a second one', async () => {
    const log = [
      '{"mqerr":{"code":"Spoofed","event":"error"},"level":30,"msg":"hello"}',
      '{"level":30,"mq\\u0065rr":"spoof","msg":"hello"}',
      '{"level":30,"msg":"hello","mqerr":1,"mqerr":2}',
      '{"mqerr":{"event":"error"}}',
    ].join('\n');
    for (const lines of await taggedLinesOnBothPaths(log)) {
      expect(lines[0]).toMatch(/^\{"level":30,"msg":"hello","mqerr":\{"source":"-","line":1,"event":null,/);
      expect(lines[1]).toMatch(/^\{"level":30,"msg":"hello","mqerr":\{"source":"-","line":2,/);
      expect(lines[2]).toMatch(/^\{"level":30,"msg":"hello","mqerr":\{"source":"-","line":3,/);
      expect(lines[3]).toMatch(/^\{"mqerr":\{"source":"-","line":4,/);
    }
  });
});
