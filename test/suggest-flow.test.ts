import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../src/aggregation/summary.js';
import { inspectCatalogFile } from '../src/catalog/inspect-catalog-file.js';
import { DATA_DIR, loadCatalog } from '../src/catalog/load-catalog.js';
import { suggestEntries } from '../src/catalog/suggest-entries.js';
import { renderSuggestion } from '../src/render/render-suggestion.js';
import { Aggregator } from '../src/aggregation/aggregator.js';
import { ROOT, runCli } from './helpers/run-cli.js';
import { scanLines } from './helpers/scan-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'mqerr-suggest-'));

describe('mqerr catalog --suggest', () => {
  it('end to end: scan → summary → --suggest → --check passes → the codes are catalogued with the draft', async () => {
    const scan = await runCli(['fixtures/gaps/app.log', '--format', 'json']);
    expect(scan.code).toBe(0);
    const summaryFile = join(dir, 'day.json');
    writeFileSync(summaryFile, scan.stdout);

    const suggest = await runCli(['catalog', '--suggest', summaryFile]);
    expect(suggest.code).toBe(0);
    expect(suggest.stdout).toMatch(/^# Draft entries for 2 tencent codes that catalog alibaba@[\d.]+\+tencent@[\d.]+ does not list/);
    expect(suggest.stdout).toContain('# sample, fixtures/gaps/app.log line 3 (redacted): "{\\"level\\":50,');
    expect(suggest.stdout).toContain('\\"authorization\\":\\"[REDACTED]\\"');
    expect(suggest.stderr).toBe(
      'mqerr: also uncatalogued: 1 alibaba code (InvalidInstanceId.NotFound); --vendor alibaba drafts entries for it\n' +
        "mqerr: left out 1 code whose records do not show the vendor (InternalError.BrokerTimeout at fixtures/gaps/app.log:6); add it to that vendor's file by hand\n",
    );
    const draft = join(dir, 'gaps.yaml');
    writeFileSync(draft, suggest.stdout);

    const check = await runCli(['catalog', '--check', draft]);
    expect(check).toMatchObject({ code: 0, stderr: '', stdout: `${draft}: ok (vendor tencent: 0 overridden, 2 added)\n` });

    const summary = scanFile('fixtures/gaps/app.log', [draft]);
    expect(summary.uncatalogued.map((u) => u.code)).toEqual(['InvalidInstanceId.NotFound', 'InternalError.BrokerTimeout']);
    expect(summary.byCode.find((c) => c.code === 'ResourceNotFound.Cluster')).toMatchObject({
      vendor: 'tencent',
      catalogued: true,
      category: 'not-found',
      retryable: false,
      count: 3,
    });
  });

  it('drafts JSON for a chosen vendor, leaving unknown fields null and saying what to fill in', () => {
    const catalog = loadCatalog();
    const { uncatalogued, byCode } = summaryFixture();
    const summary = { uncatalogued, byCode, catalog: { version: catalog.version, entries: catalog.size } } as Summary;
    const suggestion = suggestEntries(summary, 'alibaba')!;
    const { text, notes } = renderSuggestion(suggestion, { summaryFile: 'day.json', catalogVersion: catalog.version }, 'json');
    expect(JSON.parse(text)).toEqual({
      vendor: 'alibaba',
      entries: [{ code: 'InvalidInstanceId.NotFound', message: null, description: null, remedy: null, source: null }],
    });
    expect(notes[0]).toBe(`Draft entries for 1 alibaba code that catalog ${catalog.version} does not list, found in day.json.`);
    expect(notes).toContain('InvalidInstanceId.NotFound: 1 record; no catalogued parent.');
    const file = join(dir, 'alibaba.json');
    writeFileSync(file, text);
    expect(inspectCatalogFile(file, DATA_DIR).problems).toEqual([]);
  });

  it('says there is nothing to suggest for a summary without gaps', async () => {
    const file = join(dir, 'clean.json');
    writeFileSync(file, JSON.stringify(scanFile('fixtures/sample/app.log', [])));
    const result = await runCli(['catalog', '--suggest', file]);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: `mqerr: ${file}: no uncatalogued codes; nothing to suggest\n` });
  });
});

/** A summary of one file, made in process with the built-in catalog and these user catalogs. */
function scanFile(file: string, userCatalogs: string[]): Summary {
  const catalog = loadCatalog(userCatalogs);
  const aggregator = new Aggregator({ version: catalog.version, entries: catalog.size }, 5);
  scanLines(file, readFileSync(join(ROOT, file), 'utf8'), catalog, aggregator);
  return aggregator.toSummary();
}

/** The uncatalogued list and byCode rows a scan of fixtures/gaps/app.log gives (parent metadata as mqerr applied it). */
function summaryFixture(): Pick<Summary, 'uncatalogued' | 'byCode'> {
  const sample = (line: number, text: string) => ({ source: 'fixtures/gaps/app.log', line, text });
  const row = (vendor: string | null, code: string, category: Summary['byCode'][number]['category'], httpStatus: number | null, retryable: boolean | null) => ({
    vendor, code, catalogued: false, category, section: null, httpStatus, retryable, clientSide: false, count: 1, requestIds: [], firstSeen: null, lastSeen: null,
  });
  return {
    uncatalogued: [
      { vendor: 'tencent', code: 'ResourceNotFound.Cluster', count: 3, parent: 'ResourceNotFound', sample: sample(1, '…') },
      { vendor: 'alibaba', code: 'InvalidInstanceId.NotFound', count: 1, parent: null, sample: sample(5, '…') },
    ],
    byCode: [row('tencent', 'ResourceNotFound.Cluster', 'not-found', 200, false), row('alibaba', 'InvalidInstanceId.NotFound', 'unknown', null, null)],
  };
}
