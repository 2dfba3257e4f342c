import { describe, expect, it } from 'vitest';
import { describeDraft, findDrafts, isDraft } from '../../src/catalog/draft-entries.js';

describe('draft entries', () => {
  it('are the entries marked draft: true, and only those', () => {
    expect(isDraft({ code: 'A.B', draft: true })).toBe(true);
    expect(isDraft({ code: 'A.B', draft: false })).toBe(false);
    expect(isDraft({ code: 'A.B' })).toBe(false);
    // Filling the fields in does not apply a draft: the marker alone decides.
    expect(isDraft({ code: 'A.B', draft: true, category: 'quota', message: 'm', description: 'd', remedy: 'r', source: 's' })).toBe(true);
  });

  it('are found in every catalog of a file, in file order, with the fields still empty', () => {
    const drafts = findDrafts([
      { vendor: 'alibaba', entries: [{ code: 'Done.Code' }, { code: 'A.B', draft: true, message: null, description: '  ', remedy: 'Retry.', source: 'doc' }] },
      { vendor: 'tencent', entries: [{ code: 'C.D', draft: true, category: 'quota', message: 'm', description: 'd', remedy: 'r', source: 's' }] },
    ]);
    expect(drafts).toEqual([
      { catalog: 0, entry: 1, vendor: 'alibaba', code: 'A.B', unfilled: ['message', 'description', 'category'] },
      { catalog: 1, entry: 0, vendor: 'tencent', code: 'C.D', unfilled: [] },
    ]);
  });

  it('are described with the vendor, the code and what is left to do', () => {
    expect(describeDraft({ catalog: 0, entry: 1, vendor: 'alibaba', code: 'A.B', unfilled: ['message', 'category'] })).toBe(
      "vendor alibaba, code A.B: draft, not applied (the code stays uncatalogued); still empty: message, category; fill in and remove 'draft: true'",
    );
    expect(describeDraft({ catalog: 1, entry: 0, vendor: 'tencent', code: 'C.D', unfilled: [] })).toBe(
      "vendor tencent, code C.D: draft, not applied (the code stays uncatalogued); remove 'draft: true' to apply it",
    );
  });
});
