import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../src/aggregation/summary.js';
import { inspectCatalogFile } from '../src/catalog/inspect-catalog-file.js';
import { DATA_DIR, loadCatalog } from '../src/catalog/load-catalog.js';
import { suggestEntries } from '../src/aggregation/suggest-entries.js';
import { renderSuggestion } from '../src/render/render-suggestion.js';
import { Aggregator } from '../src/aggregation/aggregator.js';
import { ROOT, runCli } from './helpers/run-cli.js';
import { scanLines } from './helpers/scan-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'mqerr-suggest-'));

describe('mqerr catalog --suggest', () => {
  it('end to end: scan → summary → --suggest (every vendor) → --check warns of drafts → drafts stay uncatalogued until edited', async () => {
    const scan = await runCli(['fixtures/gaps/app.log', '--format', 'json']);
    expect(scan.code).toBe(0);
    const summaryFile = join(dir, 'day.json');
    writeFileSync(summaryFile, scan.stdout);

    const suggest = await runCli(['catalog', '--suggest', summaryFile]);
    expect(suggest.code).toBe(0);
    expect(suggest.stdout).toMatch(/^# Draft entries for 3 codes of 2 vendors \(alibaba 1, tencent 2\) that catalog alibaba@[\d.]+\+tencent@[\d.]+ does not list/);
    expect(suggest.stdout).toContain('# sample, fixtures/gaps/app.log line 3 (redacted): "{\\"level\\":50,');
    expect(suggest.stdout).toContain('\\"authorization\\":\\"[REDACTED]\\"');
    expect(suggest.stderr).toBe(
      "mqerr: left out 1 code whose records do not show the vendor (InternalError.BrokerTimeout at fixtures/gaps/app.log:6); add it to that vendor's entries by hand\n",
    );
    const draft = join(dir, 'gaps.yaml');
    writeFileSync(draft, suggest.stdout);

    const check = await runCli(['catalog', '--check', draft]);
    expect(check.code).toBe(0);
    expect(check.stdout).toBe(
      `${draft}: ok (vendor alibaba: 0 overridden, 0 added, 1 draft not applied)\n${draft}: ok (vendor tencent: 0 overridden, 0 added, 2 drafts not applied)\n`,
    );
    expect(check.stderr.split('\n').filter((l) => l !== '').map((l) => l.replace(/:\d+: /, ':N: '))).toEqual([
      `mqerr: catalog ${draft}:N: vendor alibaba, code InvalidInstanceId.NotFound: draft, not applied (the code stays uncatalogued); still empty: message, description, remedy, source, category; fill in and remove 'draft: true'`,
      `mqerr: catalog ${draft}:N: vendor tencent, code ResourceNotFound.Cluster: draft, not applied (the code stays uncatalogued); still empty: message, description, remedy, source; fill in and remove 'draft: true'`,
      `mqerr: catalog ${draft}:N: vendor tencent, code FailedOperation.TopicCreating: draft, not applied (the code stays uncatalogued); still empty: message, description, remedy, source; fill in and remove 'draft: true'`,
    ]);

    const gaps = ['ResourceNotFound.Cluster', 'InvalidInstanceId.NotFound', 'FailedOperation.TopicCreating', 'InternalError.BrokerTimeout'];
    expect(scanFile('fixtures/gaps/app.log', [draft]).uncatalogued.map((u) => u.code)).toEqual(gaps);

    // Editing one entry (the marker removed) makes its code, and only it, catalogued.
    const edited = join(dir, 'gaps-edited.yaml');
    writeFileSync(edited, suggest.stdout.replace(/(- code: ResourceNotFound\.Cluster\n\s+)draft: true\n\s+/, '$1'));
    expect(readFileSync(edited, 'utf8').match(/^ +draft: true$/gm)).toHaveLength(2);
    const summary = scanFile('fixtures/gaps/app.log', [edited]);
    expect(summary.uncatalogued.map((u) => u.code)).toEqual(gaps.filter((c) => c !== 'ResourceNotFound.Cluster'));
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
      entries: [{ code: 'InvalidInstanceId.NotFound', draft: true, message: null, description: null, remedy: null, source: null }],
    });
    expect(notes[0]).toBe(`Draft entries for 1 alibaba code that catalog ${catalog.version} does not list, found in day.json.`);
    expect(notes).toContain('InvalidInstanceId.NotFound: 1 record; no catalogued parent.');
    expect(notes).toContain('also uncatalogued: 1 tencent code (ResourceNotFound.Cluster); left out by --vendor');
    const file = join(dir, 'alibaba.json');
    writeFileSync(file, text);
    expect(inspectCatalogFile(file, DATA_DIR).problems).toEqual([]);
  });

  it('drafts every vendor into one file of several catalogs, which --catalog reads', () => {
    const catalog = loadCatalog();
    const { uncatalogued, byCode } = summaryFixture();
    const summary = { uncatalogued, byCode, catalog: { version: catalog.version, entries: catalog.size } } as Summary;
    const { text } = renderSuggestion(suggestEntries(summary)!, { summaryFile: 'day.json', catalogVersion: catalog.version }, 'json');
    expect(JSON.parse(text)).toEqual({
      catalogs: [
        { vendor: 'alibaba', entries: [{ code: 'InvalidInstanceId.NotFound', draft: true, message: null, description: null, remedy: null, source: null }] },
        {
          vendor: 'tencent',
          entries: [
            { code: 'ResourceNotFound.Cluster', draft: true, category: 'not-found', httpStatus: 200, retryable: false, message: null, description: null, remedy: null, source: null },
          ],
        },
      ],
    });
    const file = join(dir, 'both.json');
    writeFileSync(file, text);
    const inspection = inspectCatalogFile(file, DATA_DIR);
    expect(inspection.problems).toEqual([]);
    expect(inspection.catalogs?.map((c) => c.vendor)).toEqual(['alibaba', 'tencent']);
    expect(inspection.warnings.map((w) => w.catalog)).toEqual([0, 1]);
    expect(loadCatalog([file]).size).toBe(catalog.size);
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
