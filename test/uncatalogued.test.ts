import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Aggregator } from '../src/aggregation/aggregator.js';
import type { Summary } from '../src/aggregation/summary.js';
import { MAX_SAMPLE_CHARS, sampleText } from '../src/aggregation/uncatalogued.js';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import { renderMarkdown } from '../src/render/render-markdown.js';
import { renderTable } from '../src/render/render-table.js';
import { ROOT } from './helpers/run-cli.js';
import { scanLines } from './helpers/scan-lines.js';

const catalog = loadCatalog();
const GAPS = readFileSync(join(ROOT, 'fixtures/gaps/app.log'), 'utf8');
const newAggregator = () => new Aggregator({ version: catalog.version, entries: catalog.size }, 3);

function summaryOf(sources: [string, string][]): Summary {
  const aggregator = newAggregator();
  for (const [name, text] of sources) scanLines(name, text, catalog, aggregator);
  return aggregator.toSummary();
}

describe('uncatalogued codes in the summary', () => {
  it('lists each code the catalog lacks with its count, nearest parent and one redacted sample', () => {
    const list = summaryOf([['app.log', GAPS]]).uncatalogued;
    expect(list.map(({ vendor, code, count, parent }) => ({ vendor, code, count, parent }))).toEqual([
      { vendor: 'tencent', code: 'ResourceNotFound.Cluster', count: 3, parent: 'ResourceNotFound' },
      { vendor: 'alibaba', code: 'InvalidInstanceId.NotFound', count: 1, parent: null },
      { vendor: 'tencent', code: 'FailedOperation.TopicCreating', count: 1, parent: 'FailedOperation' },
      { vendor: null, code: 'InternalError.BrokerTimeout', count: 1, parent: 'InternalError' },
    ]);
    const alibaba = list[1]!.sample;
    expect(alibaba).toMatchObject({ source: 'app.log', line: 5 });
    expect(alibaba.text).toContain('AccessKeyId=[REDACTED]&');
    expect(alibaba.text).toContain('&Signature=[REDACTED]');
    expect(alibaba.text).not.toContain('LTAI5tFAKE');
  });

  it('ends the table and Markdown reports with the gaps, one line per code, only when there are any', () => {
    const gaps = summaryOf([['app.log', GAPS]]);
    const table = renderTable(gaps, ['code'], { color: false });
    expect(table).toContain('\nUncatalogued codes (mqerr catalog --suggest SUMMARY.json drafts entries for them)\n');
    expect(table).toMatch(/\n {2}tencent {2}ResourceNotFound\.Cluster +3 {2}ResourceNotFound {2}app\.log:3 {2}\{\\?"level/);
    const markdown = renderMarkdown(gaps, ['category']);
    expect(markdown).toContain('### Uncatalogued codes');
    expect(markdown).toContain('| alibaba | InvalidInstanceId.NotFound | 1 | - | app.log:5 | {"level":50,');
    const clean = summaryOf([['sample.log', readFileSync(join(ROOT, 'fixtures/sample/app.log'), 'utf8')]]);
    expect(renderTable(clean, ['code'], { color: false })).not.toContain('Uncatalogued');
    expect(renderMarkdown(clean, ['code'])).not.toContain('Uncatalogued');
  });

  it('leaves catalogued codes (exact or by pattern) out of the list', () => {
    const coverage = readFileSync(join(ROOT, 'fixtures/catalog-coverage/alibaba-tea-sdks.log'), 'utf8');
    expect(summaryOf([['tea.log', coverage]]).uncatalogued).toEqual([]);
  });

  it('cuts a long sample before redacting it and marks the cut', () => {
    const line = `${'x'.repeat(MAX_SAMPLE_CHARS - 60)} Authorization: Bearer ${'s'.repeat(200)} tail`;
    const text = sampleText(line);
    // The scheme (Bearer) stays: it says what kind of credential was there, and is not one.
    expect(text).toBe(`${'x'.repeat(MAX_SAMPLE_CHARS - 60)} Authorization: Bearer [REDACTED]…`);
    // A short secret's `[REDACTED]` mark can make the text longer: it is cut again, never past the cap.
    const grown = sampleText(`${'x'.repeat(MAX_SAMPLE_CHARS - 10)} Token=ab`);
    expect(grown).toBe(`${'x'.repeat(MAX_SAMPLE_CHARS - 10)} Token=[RE…`);
    expect(sampleText('short Token=abc')).toBe('short Token=[REDACTED]');
    // A surrogate pair at the cut is kept whole, not halved.
    const emoji = sampleText(`${'y'.repeat(MAX_SAMPLE_CHARS - 1)}😀tail`);
    expect(emoji).toBe(`${'y'.repeat(MAX_SAMPLE_CHARS - 1)}…`);
  });

  it('merges exactly: absorbing the summaries of shards equals one run over all their sources, in any order', () => {
    const codes = ['ResourceNotFound.Cluster', 'FailedOperation.TopicCreating', 'LimitExceeded.Group', 'InternalError'];
    const record = fc
      .record({ code: fc.constantFrom(...codes), id: fc.stringMatching(/^[0-9a-f]{8}$/), pad: fc.nat(40) })
      .map(
        ({ code, id, pad }) =>
          `{"Response":{"Error":{"Code":"${code}","Message":"${'m'.repeat(pad)}"},"RequestId":"${id}-0000-4000-8000-000000000000"}}`,
      );
    const sources = fc.array(fc.array(record, { maxLength: 8 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(sources, fc.array(fc.nat(3), { maxLength: 5 }), fc.boolean(), (texts, shardOf, reverse) => {
        const named = texts.map((lines, i): [string, string] => [`s${i}.log`, [...lines, ...(i === 0 ? GAPS.split('\n') : [])].join('\n')]);
        const whole = summaryOf(named);
        const shards = new Map<number, [string, string][]>();
        named.forEach((source, i) => shards.set(shardOf[i] ?? 0, [...(shards.get(shardOf[i] ?? 0) ?? []), source]));
        const parts = [...shards.values()].map((group) => JSON.parse(JSON.stringify(summaryOf(group))) as Summary);
        if (reverse) parts.reverse();
        const merged = newAggregator();
        for (const part of parts) merged.absorb(part);
        expect(merged.toSummary()).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });

  it('reads a summary written before uncatalogued codes were tracked as having none', () => {
    const { uncatalogued: _dropped, ...old } = summaryOf([['app.log', GAPS]]);
    const merged = newAggregator();
    merged.absorb(old as Summary);
    expect(merged.toSummary().uncatalogued).toEqual([]);
  });
});
