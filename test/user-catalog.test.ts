import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { diffCatalog } from '../src/catalog/diff-catalog.js';
import { inspectCatalogFile } from '../src/catalog/inspect-catalog-file.js';
import { DATA_DIR, loadCatalog, readUserCatalogs, withUserCatalog } from '../src/catalog/load-catalog.js';
import { ROOT, runCli } from './helpers/run-cli.js';
import { scanLines } from './helpers/scan-lines.js';

const fixture = (name: string) => join(ROOT, 'fixtures/catalogs', name);
const builtIn = loadCatalog();

describe('user catalogs', () => {
  it('override only the fields an entry sets, and add new codes with the file defaults', () => {
    const catalog = loadCatalog([fixture('acme.yaml')]);
    const before = builtIn.lookupCode('ApplyTokenOverFlow', 'alibaba')!.entry;
    const after = catalog.lookupCode('ApplyTokenOverFlow', 'alibaba')!.entry;
    expect(after).toEqual({ ...before, remedy: 'Page the platform team; our token cache is misconfigured.' });
    expect(catalog.lookupCode('Acme.QuotaFrozen', 'alibaba')).toMatchObject({
      catalogued: true,
      entry: { vendor: 'alibaba', product: 'OnsMqtt', httpStatus: 403, category: 'quota', retryable: false, sections: ['in-house'] },
    });
    expect(catalog.size).toBe(builtIn.size + 1);
    expect(catalog.version).toMatch(/^alibaba@[\d.]+\+tencent@[\d.]+\+user:[0-9a-f]{12}$/);
  });

  it('add a vendor whose hints attribute its records and whose codes tag them', () => {
    const catalog = loadCatalog([fixture('new-vendor.json')]);
    const [scanned] = scanLines('gw.log', '2026-11-22 10:00:00 ERROR AcmeApiError: code=Gateway.Overloaded request_id=gw-0042aa17\n', catalog);
    expect(scanned!.event).toMatchObject({ event: 'error', vendor: 'acme', code: 'Gateway.Overloaded', category: 'throttling', retryable: true });
  });

  it('apply in order: a later file overrides an earlier one', () => {
    const raw = readUserCatalogs(fixture('tencent-tweaks.yaml'))[0]!;
    const twice = withUserCatalog(withUserCatalog(builtIn.vendors, raw), { vendor: 'tencent', entries: [{ code: 'ResourceNotFound.Cluster', retryable: true }] });
    expect(twice.get('tencent')!.entries.find((e) => e.code === 'ResourceNotFound.Cluster')).toMatchObject({ category: 'not-found', retryable: true });
    // The vendors map given is left as it was.
    expect(builtIn.vendors.get('tencent')!.entries.some((e) => e.code === 'ResourceNotFound.Cluster')).toBe(false);
  });

  it('apply every vendor of a file of several, and leave out draft entries whatever they set', () => {
    const catalog = loadCatalog([fixture('gaps-drafts.yaml')]);
    expect(catalog.size).toBe(builtIn.size + 1);
    expect(catalog.lookupCode('ResourceNotFound.Cluster', 'tencent')).toMatchObject({ catalogued: true, entry: { remedy: expect.stringMatching(/^Check the cluster ID/) } });
    // Filled in but still marked draft: the parent's metadata, as without the file.
    expect(catalog.lookupCode('FailedOperation.TopicCreating', 'tencent')).toEqual(builtIn.lookupCode('FailedOperation.TopicCreating', 'tencent'));
    expect(catalog.lookupCode('InvalidInstanceId.NotFound', 'alibaba')).toEqual(builtIn.lookupCode('InvalidInstanceId.NotFound', 'alibaba'));
    expect(catalog.lookupCode('FailedOperation.TopicCreating', 'tencent')?.catalogued ?? false).toBe(false);
  });

  it('read the shapes of each vendor of a file of several, and name the vendor in their problems', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mqerr-bundle-shapes-'));
    const single = parseYaml(readFileSync(fixture('in-house-shapes.yaml'), 'utf8')) as { shapes: object[] };
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ catalogs: [{ vendor: 'tencent', entries: [] }, { vendor: 'alibaba', entries: [], shapes: single.shapes }] }));
    expect(loadCatalog([good]).shapes.map((s) => s.name)).toEqual(['mqapi-fail']);
    const bad = join(dir, 'bad.json');
    const builtInName = { ...single.shapes[0], name: 'labelled-code' };
    writeFileSync(bad, JSON.stringify({ catalogs: [{ vendor: 'tencent', entries: [] }, { vendor: 'alibaba', entries: [], shapes: [builtInName] }] }, null, 2));
    const { catalogs, problems } = inspectCatalogFile(bad, DATA_DIR);
    expect(catalogs).toBeNull();
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p).toMatch(new RegExp(`^catalog ${bad}:\\d+: catalog 2 \\(vendor alibaba\\), shape 1 \\(labelled-code\\): `));
  });

  it('leave a draft out of an override too, and never copy the marker into an applied entry', () => {
    const drafted = withUserCatalog(builtIn.vendors, { vendor: 'alibaba', entries: [{ code: 'ApplyTokenOverFlow', draft: true, remedy: 'drafted' }] });
    expect(drafted.get('alibaba')!.entries).toEqual(builtIn.vendors.get('alibaba')!.entries);
    const edited = withUserCatalog(builtIn.vendors, { vendor: 'alibaba', entries: [{ code: 'ApplyTokenOverFlow', draft: false, remedy: 'edited' }] });
    const entry = edited.get('alibaba')!.entries.find((e) => e.code === 'ApplyTokenOverFlow')!;
    expect(entry.remedy).toBe('edited');
    expect(Object.keys(entry)).not.toContain('draft');
  });

  it('are diffed field by field: added codes, old → new values, entries without effect, hints, ignored fields', () => {
    const raw = readUserCatalogs(fixture('tencent-tweaks.yaml'))[0]!;
    const after = withUserCatalog(builtIn.vendors, raw).get('tencent')!;
    const diff = diffCatalog('tweaks.yaml', raw, builtIn.vendors.get('tencent'), after);
    const notReady = builtIn.lookupCode('FailedOperation.InstanceNotReady', 'tencent')!.entry;
    expect(diff).toMatchObject({
      vendor: 'tencent',
      vendorAdded: false,
      ignored: ['vendorName'],
      hints: [{ field: 'hints.markers', new: [...builtIn.vendors.get('tencent')!.hints.markers, 'TencentApiWrapperError'] }],
      overridden: [
        {
          code: 'FailedOperation.InstanceNotReady',
          changes: [
            { field: 'retryable', old: true, new: false },
            { field: 'remedy', old: notReady.remedy, new: 'Our provisioning pipeline retries this; page only if it lasts over an hour.' },
          ],
        },
      ],
      unchanged: ['ResourceNotFound.Topic'],
    });
    expect(diff.added.map((e) => [e.code, e.product, e.category, e.retryable])).toEqual([['ResourceNotFound.Cluster', 'mqtt', 'not-found', false]]);
    const newVendor = readUserCatalogs(fixture('new-vendor.json'))[0]!;
    expect(diffCatalog('new.json', newVendor, undefined, withUserCatalog(builtIn.vendors, newVendor).get('acme')!)).toMatchObject({
      vendorAdded: true,
      added: [{ code: 'Gateway.Overloaded', product: 'iot-gw' }],
      overridden: [],
    });
  });
});

describe('broken user catalogs', () => {
  const problems = (name: string) => inspectCatalogFile(join(ROOT, 'fixtures/catalogs/broken', name), DATA_DIR).problems.map((p) => p.replace(ROOT.replace(/\/?$/, '/'), ''));
  const file = (name: string) => `catalog fixtures/catalogs/broken/${name}`;

  it('name the file, the line, the entry and the field, what was expected and what arrived', () => {
    expect(problems('wrong-types.json')).toEqual([
      `${file('wrong-types.json')}:6: entry 1 (code Acme.Boom): field 'httpStatus' must be an integer or null; got "500"`,
      `${file('wrong-types.json')}:7: entry 1 (code Acme.Boom): field 'retryable' must be a boolean or null; got "yes"`,
      `${file('wrong-types.json')}:8: entry 1 (code Acme.Boom): field 'sections' must be an array; got "api"`,
    ]);
    expect(problems('unknown-field.yaml')).toEqual([
      `${file('unknown-field.yaml')}:5: entry 1 (code ResourceNotFound.Cluster): unknown field 'retriable' (did you mean 'retryable'?)`,
    ]);
    expect(problems('bad-category.yaml')).toEqual([
      `${file('bad-category.yaml')}:6: entry 2 (code Acme.QuotaFrozen): field 'category' must be one of auth, permission, throttling, quota, ` +
        'invalid-request, not-found, conflict, unsupported, server, failed-operation, dry-run, unknown; got "frozen"',
    ]);
    expect(problems('duplicate-code.json')).toEqual([`${file('duplicate-code.json')}:6: entry 3 (code ResourceNotFound.Cluster): code listed twice (first as entry 1)`]);
  });

  it('name the catalog and its vendor in a file of several vendors', () => {
    expect(problems('bundle-problems.yaml')).toEqual([
      `${file('bundle-problems.yaml')}:5: catalog 1 (vendor tencent), entry 1 (code ResourceNotFound.Cluster): field 'draft' must be a boolean; got "yes"`,
      `${file('bundle-problems.yaml')}:9: catalog 2 (vendor alibaba), entry 1 (code InvalidInstanceId.NotFound): field 'category' must be one of auth, permission, throttling, quota, ` +
        'invalid-request, not-found, conflict, unsupported, server, failed-operation, dry-run, unknown; got "missing"',
    ]);
    expect(problems('duplicate-vendor.json')).toEqual([`${file('duplicate-vendor.json')}:5: catalog 3 (vendor tencent): vendor listed twice (first as catalog 1)`]);
  });

  it('report syntax errors with line and column, and files that are not a catalog object', () => {
    expect(problems('syntax-error.yaml')).toEqual([`${file('syntax-error.yaml')}:4:1: not valid YAML: Sequence item without - indicator`]);
    expect(problems('syntax-error.json')).toEqual([`${file('syntax-error.json')}:5:3: not valid JSON: value expected (a trailing comma?)`]);
    expect(problems('not-an-object.yaml')).toEqual([`${file('not-an-object.yaml')}:1: top level: expected an object with 'vendor' and 'entries'; got an array`]);
    expect(problems('entry-not-object.json')).toEqual([`${file('entry-not-object.json')}:1: entry 1: expected an object with at least 'code'; got "ApplyTokenOverFlow"`]);
    expect(problems('empty.yaml')).toEqual([`${file('empty.yaml')}: the file is empty; expected an object with 'vendor' and 'entries'`]);
  });

  it('stop a scan before any input is read, with the first problem on one line and exit status 2', async () => {
    const result = await runCli(['fixtures/sample/app.log', '--catalog', 'fixtures/catalogs/broken/wrong-types.json']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      `mqerr: catalog fixtures/catalogs/broken/wrong-types.json:6: entry 1 (code Acme.Boom): field 'httpStatus' must be an integer or null; got "500"\n`,
    );
  });

  it('are all reported by --check, each file and each problem, with exit status 2', async () => {
    const broken = readdirSync(join(ROOT, 'fixtures/catalogs/broken')).sort().map((n) => `fixtures/catalogs/broken/${n}`);
    const result = await runCli(['catalog', '--check', 'fixtures/catalogs/acme.yaml', ...broken]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('fixtures/catalogs/acme.yaml: ok (vendor alibaba: 1 overridden, 1 added)\n');
    const lines = result.stderr.trim().split('\n');
    // 11 problems of entries and files, 23 of shapes (bad-shapes.yaml, bad-shape-fields.yaml: see test/golden/catalog-check-bad-shapes-exit-2),
    // 3 of files of several vendors (bundle-problems.yaml, duplicate-vendor.json).
    expect(lines).toHaveLength(37);
    for (const name of broken) expect(lines.some((l) => l.startsWith(`mqerr: catalog ${name}`)), name).toBe(true);
  });
});

describe('MQERR_CATALOG', () => {
  it('adds user catalogs to every command, like --catalog', async () => {
    const result = await runCli(['explain', 'Acme.QuotaFrozen', '--format', 'json'], { env: { MQERR_CATALOG: 'fixtures/catalogs/acme.yaml' } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject([{ vendor: 'alibaba', code: 'Acme.QuotaFrozen', category: 'quota' }]);
  });
});
