import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceState, FRESH_STATE, leavesCauseOpen } from '../../src/records/continuation.js';

/** What leavesCauseOpen stands for. */
const CAUSE_FOLLOWS = /caused by:\s*$/i;

/** Pieces of lines near the rule: the words in any case, every kind of space `\s` matches, and look-alikes. */
const PIECES = ['caused by:', 'Caused by:', 'CAUSED BY:', 'caused by', 'aused by:', ':', ' ', '\t', '\r', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b', 'ſ', 'K', 'x', 'at com.x(A.java:1)', 'é'];

describe('a line that leaves a cause to follow', () => {
  it('is what /caused by:\\s*$/i says, for any line', () => {
    const line = fc.oneof(
      fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((p) => p.join('')),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(line, (text) => {
        expect(leavesCauseOpen(text)).toBe(CAUSE_FOLLOWS.test(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps the next line in the record, whatever it is', () => {
    expect(advanceState('java.lang.RuntimeException: wrapped; Caused by:  ', FRESH_STATE).causeNext).toBe(true);
    expect(advanceState('Caused by: com.x.Boom: no', FRESH_STATE).causeNext).toBe(false);
  });

  it('opens an SDK field block after the SDK header, and only there', () => {
    expect(advanceState('2026/11/21 00:00:00 SDK.ServerError', FRESH_STATE).fieldBlock).toBe(true);
    expect(advanceState('com.aliyuncs.exceptions.ServerException: InvalidParameter : bad', FRESH_STATE).fieldBlock).toBe(true);
    expect(advanceState('\tat com.tencentcloudapi.common.AbstractClient.internalRequest(AbstractClient.java:310)', FRESH_STATE).fieldBlock).toBe(false);
  });
});
