import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentEntry } from '../../src/records/entry-finder.js';
import { startsYamlStream, YamlStreamReader } from '../../src/records/yaml-stream-reader.js';

const STREAM = [
  '---',
  'insertId: 3n9g',
  'resource:',
  '  labels:',
  '    pod_name: api-7d9f8c6b5-x2k4p',
  '  type: k8s_container',
  'textPayload: |-',
  '  Error: boom',
  '      at x (/a.js:1:2)',
  "timestamp: '2026-11-22T09:44:34.085Z'",
  '---',
  'insertId: 4n9g',
  'textPayload: "folded \\',
  '  \\ text"',
  '---',
  '# a comment alone is no entry',
  '---',
  '- a list is no entry',
  '',
].join('\n');

function read(chunks: Buffer[]): { entries: DocumentEntry[]; reader: YamlStreamReader } {
  const entries: DocumentEntry[] = [];
  const reader = new YamlStreamReader((entry) => entries.push(entry));
  for (const chunk of chunks) reader.write(chunk);
  reader.end();
  return { entries, reader };
}

describe('YamlStreamReader', () => {
  it('hands over each mapping with the lines it spans, and counts every line', () => {
    const { entries, reader } = read([Buffer.from(STREAM)]);
    expect(entries.map((e) => [e.value, e.firstLine, e.lastLine])).toEqual([
      [{ insertId: '3n9g', resource: { labels: { pod_name: 'api-7d9f8c6b5-x2k4p' }, type: 'k8s_container' }, textPayload: 'Error: boom\n    at x (/a.js:1:2)', timestamp: '2026-11-22T09:44:34.085Z' }, 1, 10],
      [{ insertId: '4n9g', textPayload: 'folded  text' }, 11, 14],
    ]);
    expect([reader.lines, reader.entries, reader.error]).toEqual([18, 2, null]);
  });

  it('gives the same entries however the bytes are cut', () => {
    const bytes = Buffer.from(`${STREAM}---\nmsg: "请求ID：x"\r\n`);
    const whole = JSON.stringify(read([bytes]).entries);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 8 }), (cuts) => {
        const at = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i) => bytes.subarray(from, at[i] ?? bytes.length));
        expect(JSON.stringify(read(chunks).entries)).toBe(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('skips a document longer than 4 MiB without holding it, a line longer than that too, and counts its lines', () => {
    const long = `---\nmsg: ${'x'.repeat(5 << 20)}\n---\nmsg: after\n`;
    const bytes = Buffer.from(long);
    const entries: DocumentEntry[] = [];
    const reader = new YamlStreamReader((entry) => entries.push(entry));
    let held = 0;
    for (let at = 0; at < bytes.length; at += 64 << 10) {
      reader.write(bytes.subarray(at, at + (64 << 10)));
      held = Math.max(held, reader.heldBytes);
    }
    reader.end();
    expect(entries.map((e) => e.value)).toEqual([{ msg: 'after' }]);
    expect([reader.skipped, reader.lines]).toEqual([1, 4]);
    expect(held).toBeLessThanOrEqual((4 << 20) + (64 << 10));
  });

  it('names the first document that is not YAML, and reads the ones around it', () => {
    const { entries, reader } = read([Buffer.from('---\na: 1\n---\nb: [1\nc: 2\n---\nd: 4\n')]);
    expect(entries.map((e) => e.value)).toEqual([{ a: 1 }, { d: 4 }]);
    // Where the parser saw the damage: the unclosed list ends at the next line.
    expect(reader.error).toMatchObject({ line: 5 });
    expect(reader.error!.message).toMatch(/^a document that is not YAML \(/);
  });
});

describe('startsYamlStream', () => {
  it('is a `---` line and a mapping’s key, nothing else', () => {
    expect(startsYamlStream(Buffer.from('---\ninsertId: 3n9g\n'), false)).toBe(true);
    expect(startsYamlStream(Buffer.from('\ufeff---\r\nlogName: projects/p\r\n'), false)).toBe(true);
    expect(startsYamlStream(Buffer.from('---\n'), false)).toBe(false);
    expect(startsYamlStream(Buffer.from('--- a separator in a log\nsomething: else\n'), false)).toBe(true);
    expect(startsYamlStream(Buffer.from('----\nkey: value\n'), false)).toBe(false);
    expect(startsYamlStream(Buffer.from('---\n2026-11-22 09:44:34 INFO ok\n'), false)).toBe(false);
    expect(startsYamlStream(Buffer.from('insertId: 3n9g\n'), true)).toBe(false);
  });
});
