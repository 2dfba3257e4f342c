import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonNumberEnd, jsonObjectEnd } from '../../src/lines/json-line-shape.js';

/** How deep containers nest in a parsed JSON value (a scalar is 0). */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

describe('the in-place JSON line shape', () => {
  it('accepts only valid JSON objects, and every escape-free one nested at most three deep', () => {
    const text = fc.oneof(
      fc.json({ depthSize: 'small' }),
      fc.json({ depthSize: 'small' }).map((json) => json.replace(/,/, ' , ')),
      fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', ' ', '1', '-', '.', 'e', 'a', 'true', 'null', '\\') }),
    );
    fc.assert(
      fc.property(text, (line) => {
        const end = jsonObjectEnd(line, 0);
        let parsed: unknown;
        let valid = true;
        try {
          parsed = JSON.parse(line);
        } catch {
          valid = false;
        }
        const eligible = valid && typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && !line.includes('\\') && depthOf(parsed) <= 3 && !/^\s/.test(line);
        if (end === line.length) expect(valid && !Array.isArray(parsed) && typeof parsed === 'object').toBe(true);
        if (eligible && line.trimEnd() === line) expect(end).toBe(line.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('stops at the end of the object and refuses escapes, control characters and deeper nesting', () => {
    expect(jsonObjectEnd('{"level":30,"req":{"url":"/"}}  ', 0)).toBe(30);
    expect(jsonObjectEnd('x{"a":1}', 1)).toBe(8);
    expect(jsonObjectEnd('{"a":"b\\"c"}', 0)).toBe(-1);
    expect(jsonObjectEnd('{"a":"b\tc"}', 0)).toBe(-1);
    expect(jsonObjectEnd('{"a":[[1]]}', 0)).toBe(11);
    expect(jsonObjectEnd('{"a":[[[1]]]}', 0)).toBe(-1);
    expect(jsonObjectEnd('{"a":1,}', 0)).toBe(-1);
    expect(jsonObjectEnd('{"a":01}', 0)).toBe(-1);
    expect(jsonObjectEnd('{"a":1\n}', 0)).toBe(-1);
    expect(jsonObjectEnd('[1]', 0)).toBe(-1);
  });

  it('reads numbers as the JSON grammar writes them', () => {
    expect(jsonNumberEnd('-1.5e+3,', 0)).toBe(7);
    expect(jsonNumberEnd('0123', 0)).toBe(1);
    expect(jsonNumberEnd('1.', 0)).toBe(-1);
    expect(jsonNumberEnd('1e', 0)).toBe(-1);
    expect(jsonNumberEnd('-', 0)).toBe(-1);
    expect(jsonNumberEnd('.5', 0)).toBe(-1);
  });
});
