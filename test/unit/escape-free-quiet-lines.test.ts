import { describe, expect, it } from 'vitest';
import type { LineSink } from '../../src/lines/quiet-lines.js';
import { classifyBlock } from '../helpers/classify-block.js';
import { fixtureFiles } from '../helpers/fixture-files.js';

/** The quiet lines of `buf`, decoded, with their JSON and escape-free flags. */
function quietLines(buf: Buffer, wasm: boolean): { text: string; json: boolean; escapeFree: boolean }[] {
  const out: { text: string; json: boolean; escapeFree: boolean }[] = [];
  const sink: LineSink = {
    quiet: (b, start, end, json, _time, _ascii, _wrapperTime, escapeFree) => out.push({ text: b.toString('utf8', start, end), json, escapeFree: escapeFree === true }),
    loud: () => {},
  };
  classifyBlock(buf, sink, wasm);
  return out;
}

/**
 * The tag writer copies a quiet JSON line's bytes without searching it for
 * a `\u` escape (that might spell an `mqerr` key) when the line is marked
 * escape-free: the mark must never be on a line with a backslash.
 */
describe('a quiet line marked escape-free', () => {
  it('is a JSON line without a backslash, in every fixture, with either gate search', () => {
    let marked = 0;
    for (const [name, bytes] of fixtureFiles()) {
      for (const wasm of [true, false]) {
        for (const line of quietLines(bytes, wasm)) {
          if (!line.escapeFree) continue;
          marked++;
          expect(line.json, `${name}: ${line.text}`).toBe(true);
          expect(line.text.includes('\\'), `${name}: ${line.text}`).toBe(false);
        }
      }
    }
    // The fixtures' pino and bunyan lines (64 marked by both searches): the mark is at work.
    expect(marked).toBeGreaterThan(40);
  });

  it('is a JSON line the shape walk reads whole; an escaped, a deeply nested or a plain text line is not', () => {
    const lines = [
      '{"level":30,"time":1795340670001,"msg":"topic refreshed","req":{"id":7}}',
      '{"level":30,"time":1795340670001,"msg":"a \\"quoted\\" word"}',
      '{"level":30,"time":1795340670001,"a":{"b":{"c":{"d":1}}}}',
      '2026-11-22 09:44:30,112 INFO app: topic refreshed',
    ];
    for (const wasm of [true, false]) {
      const quiet = quietLines(Buffer.from(lines.join('\n')), wasm);
      expect(quiet.map((l) => [l.json, l.escapeFree])).toEqual([[true, true], [true, false], [true, false], [false, false]]);
    }
  });
});
