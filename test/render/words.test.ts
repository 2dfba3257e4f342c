import { describe, expect, it } from 'vitest';
import { Aggregator } from '../../src/aggregation/aggregator.js';
import { cellWord } from '../../src/render/groupings.js';
import { plural } from '../../src/render/plural.js';
import { renderCsv } from '../../src/render/render-csv.js';
import { taggedEvent } from '../helpers/tagged-event.js';

/** RFC 4180 fields of a CSV text, as a strict reader (csvkit, mlr) takes them. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += c;
  }
  return rows;
}

describe('words people read', () => {
  it('count nouns in the number they take', () => {
    expect([plural(0, 'success', true), plural(1, 'success', true), plural(2, 'success', true)]).toEqual(['0 successes', '1 success', '2 successes']);
    expect(plural(1, 'error')).toBe('error');
  });

  it('show unknown as - and yes-or-no values as yes or no', () => {
    expect([cellWord(null), cellWord(true), cellWord(false), cellWord(0), cellWord('x')]).toEqual(['-', 'yes', 'no', '0', 'x']);
  });
});

describe('CSV of several groupings', () => {
  const aggregator = new Aggregator({ version: 'v', entries: 0 }, 5, undefined, undefined, undefined, [['pod', 'code']]);
  aggregator.add(taggedEvent({ pod: 'api-0', vendor: 'tencent', code: 'RequestLimitExceeded', category: 'throttling', retryable: true, catalogued: true, requestId: 'a' }));
  aggregator.add(taggedEvent({ code: '=cmd|x', category: 'unknown' }));
  const rows = parseCsv(renderCsv(aggregator.toSummary(), ['category', 'code', ['pod', 'code']]));

  it('is one table: every row as wide as the header, the grouping first', () => {
    const [header, ...body] = rows;
    expect(header!.slice(0, 4)).toEqual(['grouping', 'category', 'count', 'vendor']);
    for (const row of body) expect(row).toHaveLength(header!.length);
    expect(body.map((r) => r[0])).toEqual(['category', 'category', 'code', 'code', 'pod,code', 'pod,code']);
  });

  it('writes unknowns as -, retryable as yes or no, and defuses formulas', () => {
    const [header, ...body] = rows;
    const get = (row: string[], column: string): string => row[header!.indexOf(column)]!;
    const limit = body.find((r) => r[0] === 'code' && get(r, 'code') === 'RequestLimitExceeded')!;
    expect([get(limit, 'retryable'), get(limit, 'catalogued'), get(limit, 'httpStatus')]).toEqual(['yes', 'yes', '-']);
    expect(body.some((r) => get(r, 'code') === "'=cmd|x")).toBe(true);
    const crossed = body.find((r) => r[0] === 'pod,code' && get(r, 'code') === "'=cmd|x")!;
    expect(get(crossed, 'pod')).toBe('-');
  });
});
