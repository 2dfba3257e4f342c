import { describe, expect, it } from 'vitest';
import { Aggregator } from '../../src/aggregation/aggregator.js';
import { CrossTabs } from '../../src/aggregation/cross-tabs.js';
import { validateSummary } from '../../src/aggregation/validate-summary.js';
import { parseGroupings, crossTabsOf } from '../../src/cli/by-option.js';
import { taggedEvent } from '../helpers/tagged-event.js';

const events = [
  taggedEvent({ pod: 'api-0', code: 'RequestLimitExceeded', category: 'throttling' }),
  taggedEvent({ pod: 'api-1', code: 'RequestLimitExceeded', category: 'throttling' }),
  taggedEvent({ pod: 'api-0', code: 'RequestLimitExceeded', category: 'throttling' }),
  taggedEvent({ pod: null, code: 'InternalError', category: 'server' }),
  taggedEvent({ pod: 'api-1', code: 'InternalError', category: 'server', httpStatus: 500 }),
];

describe('cross-tabs', () => {
  it('count every combination seen, most errors first, then by value with unknowns last', () => {
    const tabs = new CrossTabs([['pod', 'code'], ['category', 'httpStatus']]);
    for (const e of events) tabs.add(e);
    expect(tabs.toJson()).toEqual([
      {
        dimensions: ['pod', 'code'],
        rows: [
          { pod: 'api-0', code: 'RequestLimitExceeded', count: 2 },
          { pod: 'api-1', code: 'InternalError', count: 1 },
          { pod: 'api-1', code: 'RequestLimitExceeded', count: 1 },
          { pod: null, code: 'InternalError', count: 1 },
        ],
      },
      {
        dimensions: ['category', 'httpStatus'],
        rows: [
          { category: 'throttling', httpStatus: null, count: 3 },
          { category: 'server', httpStatus: '500', count: 1 },
          { category: 'server', httpStatus: null, count: 1 },
        ],
      },
    ]);
  });

  it('of shards add up to the cross-tab of one run over all of them', () => {
    const whole = new Aggregator({ version: 'v', entries: 0 }, 5, undefined, undefined, undefined, [['pod', 'code']]);
    const a = new Aggregator({ version: 'v', entries: 0 }, 5, undefined, undefined, undefined, [['pod', 'code']]);
    const b = new Aggregator({ version: 'v', entries: 0 }, 5, undefined, undefined, undefined, [['pod', 'code']]);
    events.forEach((e, i) => {
      whole.add(e);
      (i % 2 === 0 ? a : b).add(e);
    });
    const merged = new Aggregator({ version: 'v', entries: 0 }, 5, undefined, undefined, undefined, [['pod', 'code']]);
    merged.absorb(a.toSummary());
    merged.absorb(b.toSummary());
    expect(merged.toSummary().groups).toEqual(whole.toSummary().groups);
  });

  it('count at most --max-keys combinations on their own, the rest in an (other) row, the same in any order and merged', () => {
    const tabOf = (order: typeof events, maxKeys: number): unknown => {
      const tabs = new CrossTabs([['pod', 'code']], maxKeys);
      for (const e of order) tabs.add(e);
      return tabs.toJson();
    };
    const bounded = tabOf(events, 2) as { rows: { count: number; overflow?: true }[] }[];
    expect(bounded[0]!.rows).toHaveLength(3);
    expect(bounded[0]!.rows[2]).toEqual({ pod: '(other)', code: '(other)', count: expect.any(Number), overflow: true });
    expect(bounded[0]!.rows.reduce((n, r) => n + r.count, 0)).toBe(events.length);
    expect(tabOf([...events].reverse(), 2)).toEqual(bounded);
    const a = new CrossTabs([['pod', 'code']], 2);
    const b = new CrossTabs([['pod', 'code']], 2);
    events.forEach((e, i) => (i < 2 ? a : b).add(e));
    const merged = new CrossTabs([['pod', 'code']], 2);
    merged.absorb(b.toJson());
    merged.absorb(a.toJson());
    expect(merged.toJson()).toEqual(bounded);
  });

  it('are in the JSON summary only when asked for, and a summary with them validates', () => {
    const plain = new Aggregator({ version: 'v', entries: 0 }, 5);
    plain.add(events[0]!);
    expect(plain.toSummary().groups).toBeUndefined();
    const crossed = new Aggregator({ version: 'v', entries: 0 }, 5, undefined, undefined, undefined, [['pod', 'code']]);
    crossed.add(events[0]!);
    expect(validateSummary(crossed.toSummary())).toBeNull();
    expect(validateSummary({ ...crossed.toSummary(), groups: [{ dimensions: ['pod', 'nope'], rows: [] }] })).toMatch(/groups/);
  });
});

describe('--by', () => {
  it('takes one dimension per flag, and dimensions joined by commas as one cross-tab', () => {
    const by = parseGroupings(['category', 'pod,code', 'vendor, action']);
    expect(by).toEqual(['category', ['pod', 'code'], ['vendor', 'action']]);
    expect(crossTabsOf(by!)).toEqual([['pod', 'code'], ['vendor', 'action']]);
  });

  it.each([
    ['pod,cod', "--by expects category, code, vendor, product, source, httpStatus, action, pod, container, or some of them joined by commas, got 'cod' in 'pod,cod'"],
    ['pod,pod', "--by 'pod,pod': a dimension is named twice"],
    ['', "--by expects category, code, vendor, product, source, httpStatus, action, pod, container, or some of them joined by commas, got ''"],
  ])('refuses %j', (value, message) => {
    expect(() => parseGroupings([value])).toThrow(message);
  });
});
