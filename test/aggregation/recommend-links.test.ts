import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Aggregator } from '../../src/aggregation/aggregator.js';
import { validateSummary } from '../../src/aggregation/validate-summary.js';
import { taggedEvent } from '../helpers/tagged-event.js';

const link = (id: string): string => `https://api.aliyun.com/troubleshoot?q=InstanceNotFound&product=OnsMqtt&requestId=${id}`;
const body = (id: string, url = link(id)): string =>
  `{"RequestId":"${id}","HostId":"onsmqtt.cn-hangzhou.aliyuncs.com","Code":"InstanceNotFound","Message":"x","Recommend":"${url}"}`;
const error = (id: string) => taggedEvent({ vendor: 'alibaba', code: 'InstanceNotFound', category: 'not-found', requestId: id });

function summarize(ids: readonly string[], texts = ids.map((id) => body(id))) {
  const aggregator = new Aggregator({ version: 'test', entries: 0 }, 5);
  ids.forEach((id, i) => aggregator.add(error(id), texts[i]));
  return aggregator.toSummary();
}

describe("a code's Recommend link in the summary", () => {
  it('is the least of the links its records carried, whatever their order', () => {
    const summary = summarize(['B2', 'A1', 'C3']);
    expect(summary.byCode[0]!.recommend).toBe(link('A1'));
    expect(validateSummary(summary)).toBeNull();
  });

  it('is left out when no record of the code carried one on aliyun.com over https', () => {
    const summary = summarize(['A1', 'B2'], [body('A1', 'https://api.aliyun.com.evil.example/x'), body('B2', 'http://api.aliyun.com/troubleshoot?q=X')]);
    expect(summary.byCode[0]).not.toHaveProperty('recommend');
  });

  it('merges exactly: absorbing the shards of a run gives the whole run’s link', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-F0-9]{4}$/), { minLength: 1, maxLength: 12 }), fc.nat(12), (ids, cut) => {
        const at = Math.min(cut, ids.length);
        const merged = new Aggregator({ version: 'test', entries: 0 }, 5);
        merged.absorb(summarize(ids.slice(0, at)));
        merged.absorb(summarize(ids.slice(at)));
        expect(merged.toSummary().byCode[0]!.recommend).toBe(summarize(ids).byCode[0]!.recommend);
      }),
    );
  });

  it('refuses a summary whose link is not an https URL', () => {
    const summary = summarize(['A1']);
    summary.byCode[0]!.recommend = 'javascript:alert(1)';
    expect(validateSummary(summary)).toMatch(/recommend/);
  });
});
