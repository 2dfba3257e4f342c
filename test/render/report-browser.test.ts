import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/aggregation/summary.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

/**
 * The HTML report in a real browser (Debian's chromium, driven by
 * playwright-core): what a person sees, that nothing from the logs runs as
 * markup or script, that tables sort and filter (and read the same without
 * script), that it fits 800px, and that the page asks the network for nothing.
 */
const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = join(ROOT, 'test-output');
const dir = mkdtempSync(join(tmpdir(), 'mqerr-report-'));
const hostileName = join(dir, 'shard-<img src=x onerror=window.__pwned=1>&amp;.log');
const hostileContainer = '<script>window.__pwned=2</script>';

// A log whose pod, container, file name and message try markup, script and entities,
// and a user catalog whose description and remedy do the same.
writeFileSync(
  hostileName,
  [
    `[pod/api-&amp;-0/${hostileContainer}] 2026-11-21T03:01:00.000Z {"level":50,"time":1795230060000,"err":{"type":"TencentCloudSDKException","message":"<script>window.__pwned=3</script> &lt;b&gt;","requestId":"0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f","code":"RequestLimitExceeded"},"msg":"<b>bold</b> &amp; &#x3C;"}`,
    '2026-11-21 03:02:00,000 ERROR gw: Error: Acme.QuotaFrozen code: 403, The quota of this account is frozen. request id: 11111111-2222-4333-8444-555555555555',
    // Uncatalogued codes whose samples try markup and attribute breaking; one Recommend link is Alibaba's, one only looks it.
    `{"level":50,"time":1795230180000,"msg":"<script>window.__pwned=6</script>","err":{"RequestId":"3E8F0A1B-2C3D-4E5F-8A9B-0C1D2E3F4A5C","Code":"InvalidTopic.Bogus","HostId":"onsmqtt.cn-hangzhou.aliyuncs.com","Message":"bad \\"onerror=window.__pwned=7 <img src=x onerror=window.__pwned=8>","Recommend":"https://api.aliyun.com/troubleshoot?q=InvalidTopic.Bogus&product=OnsMqtt&requestId=3E8F\\"onerror=window.__pwned=9"}}`,
    `{"level":50,"time":1795230240000,"err":{"RequestId":"3E8F0A1B-2C3D-4E5F-8A9B-0C1D2E3F4A5D","Code":"InvalidGroup.Bogus","HostId":"onsmqtt.cn-hangzhou.aliyuncs.com","Message":"x","Recommend":"https://api.aliyun.com.evil.example/troubleshoot?q=InvalidGroup.Bogus"}}`,
  ].join('\n') + '\n',
);
const catalogFile = join(dir, 'hostile.yaml');
writeFileSync(
  catalogFile,
  [
    'vendor: alibaba',
    'entries:',
    '  - code: Acme.QuotaFrozen',
    '    httpStatus: 403',
    '    category: quota',
    '    retryable: false',
    '    message: The quota of this account is frozen.',
    `    description: 'Frozen <script>window.__pwned=4</script> &amp; "quoted"'`,
    `    remedy: '<img src=x onerror="window.__pwned=5"> ask billing'`,
  ].join('\n') + '\n',
);

let context: BrowserContext;
let page: Page;
let summary: Summary;
const consoleErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)`);
  const report = join(dir, 'night.html');
  const result = await runCli([
    'scan', '--format', 'json', '--bucket', '5m', '--catalog', catalogFile, '--report', report, 'fixtures/nightly', hostileName,
  ]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  summary = JSON.parse(result.stdout) as Summary;
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'mqerr-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
});

afterAll(async () => {
  await context?.close();
});

describe('the HTML report in Chromium', () => {
  it('draws one chart series per category that has timed errors', async () => {
    const categories = new Set(summary.timeSeries!.buckets.flatMap((b) => Object.keys(b.byCategory)));
    expect(categories.size).toBeGreaterThanOrEqual(5);
    const series = await page.locator('svg.chart g.series').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-category')));
    expect(new Set(series)).toEqual(categories);
    expect(series).toHaveLength(categories.size);
    expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(categories.size);
    expect(await page.locator('svg.chart path.spike').count()).toBeGreaterThan(0);
    expect(await page.locator('.legend li').count()).toBe(categories.size);
  });

  it('lists every code with its catalog description, remedy, HTTP status and retryability', async () => {
    const rows = page.locator('table.codes tbody tr');
    expect(await rows.count()).toBe(summary.byCode.length);
    const first = summary.byCode[0]!;
    const firstRow = await rows.first().innerText();
    expect(firstRow).toContain(first.code!);
    expect(firstRow).toContain(String(first.httpStatus));
    expect(firstRow).toMatch(first.retryable ? /\byes\b/ : /\bno\b/);
    expect(firstRow).toContain('The call rate limit of the API was exceeded.');
    expect(firstRow).toContain('Retry later with exponential backoff');
    expect(await page.locator('table.sources tbody tr').count()).toBe(summary.sources.length);
    expect(await page.locator('table.categories tbody tr').count()).toBe(Object.keys(summary.byCategory).length);
  });

  it('shows text from logs and catalogs as text: no injected element, no script ran', async () => {
    const text = await page.locator('body').innerText();
    expect(text).toContain('shard-<img src=x onerror=window.__pwned=1>&amp;.log');
    expect(text).toContain(hostileContainer);
    expect(text).toContain('api-&amp;-0');
    expect(text).toContain('Frozen <script>window.__pwned=4</script> &amp; "quoted"');
    expect(text).toContain('<img src=x onerror="window.__pwned=5"> ask billing');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
  });

  it('needs nothing from the network and logs no console error', async () => {
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('copies a sample RequestId for a support ticket', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const button = page.locator('table.codes tbody tr').first().locator('button.copy').first();
    const id = await button.getAttribute('data-copy');
    expect(summary.byCode[0]!.requestIds).toContain(id);
    await button.click();
    await expect.poll(() => button.innerText()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(id);
  });

  it('states the catalog version and the command that produced it, and prints without buttons', async () => {
    const footer = await page.locator('footer').innerText();
    expect(footer).toContain(summary.catalog.version);
    expect(footer).toMatch(/mqerr scan --format json --bucket 5m --catalog \S+ --report \S+ fixtures\/nightly '.*shard-<img/);
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'report.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('button.copy').first().isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(readFileSync(join(OUTPUT, 'report.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('has sections for uncatalogued codes with their samples, vendors, products and the error rate', async () => {
    const uncatalogued = page.locator('#uncatalogued table.uncatalogued tbody tr');
    expect(await uncatalogued.count()).toBe(summary.uncatalogued.length);
    expect(summary.uncatalogued.map((u) => u.code)).toEqual(expect.arrayContaining(['InvalidTopic.Bogus', 'InvalidGroup.Bogus']));
    const row = uncatalogued.filter({ hasText: 'InvalidTopic.Bogus' });
    await row.locator('summary').click();
    const sample = await row.locator('pre').innerText();
    expect(sample).toContain('<script>window.__pwned=6</script>');
    expect(sample).toContain('\\"onerror=window.__pwned=7 <img src=x onerror=window.__pwned=8>');
    expect(await page.locator('#vendors table.vendors tbody tr').count()).toBe(summary.byVendor.length);
    const vendorRows = await page.locator('#vendors tbody tr').allInnerTexts();
    for (const v of summary.byVendor) expect(vendorRows.some((r) => r.startsWith(`${v.key}\t${v.count}\t`))).toBe(true);
    expect(await page.locator('#products table.products tbody tr').count()).toBe(summary.byProduct.length);
    expect(await page.locator('#products tbody tr').first().innerText()).toContain(summary.byProduct[0]!.codes[0]!.code!);
    expect(await page.locator('#error-rate svg.rate').count()).toBe(1);
    expect(await page.locator('#error-rate svg.rate polyline.rate-line, #error-rate svg.rate circle.rate-dot').count()).toBeGreaterThan(0);
    expect(await page.locator('#error-rate h3').innerText()).toContain('share of logged API calls that failed');
    expect(await page.locator('table.codes tbody tr svg.spark').count()).toBe(summary.byCode.length);
  });

  it("links Alibaba's Recommend page where the sample had one on aliyun.com, and nowhere else", async () => {
    const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), row: a.closest('tr')?.textContent ?? '' })));
    const expected = 'https://api.aliyun.com/troubleshoot?q=InvalidTopic.Bogus&product=OnsMqtt&requestId=3E8F';
    // Once in the code's row of the top codes, once in its uncatalogued row.
    expect(links.map((l) => l.href)).toEqual([expected, expected]);
    expect(links.every((l) => l.row.includes('InvalidTopic.Bogus'))).toBe(true);
  });

  it('sorts a table by a clicked header, numbers as numbers, and reverses on a second click', async () => {
    const bytes = summary.sources.map((s) => s.bytes);
    const numeric = [...bytes].sort((a, b) => b - a);
    // The column only tells numeric from text sorting if the two orders differ.
    expect([...bytes].sort((a, b) => String(b).localeCompare(String(a)))).not.toEqual(numeric);
    const column = async (): Promise<number[]> =>
      (await page.locator('table.sources tbody tr td:nth-child(3)').allInnerTexts()).map((t) => Number(t.replace(/,/g, '')));
    const header = page.locator('table.sources thead th', { hasText: 'Bytes read' });
    await header.locator('button.sort').click();
    expect(await column()).toEqual(numeric);
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    await header.locator('button.sort').click();
    expect(await column()).toEqual([...numeric].reverse());
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const nameHeader = page.locator('table.sources thead th', { hasText: 'Source' });
    await nameHeader.locator('button.sort').click();
    const names = await page.locator('table.sources tbody tr td:first-child').allInnerTexts();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' })));
    expect(await header.getAttribute('aria-sort')).toBeNull();
    await page.reload({ waitUntil: 'load' });
  });

  it('filters the rows of a table by every word typed above it', async () => {
    const rows = page.locator('table.codes tbody tr');
    const visible = (): Promise<number> => rows.evaluateAll((trs) => trs.filter((tr) => !(tr as HTMLElement).hidden).length);
    const input = 'input[aria-label="Filter Top error codes"]';
    const filter = page.locator(`.filter ${input}`);
    expect(await visible()).toBe(summary.byCode.length);
    const target = summary.byCode[1]!;
    await filter.fill(`${target.code!.toLowerCase()} ${target.vendor}`);
    expect(await visible()).toBe(1);
    expect(await rows.filter({ visible: true }).first().innerText()).toContain(target.code!);
    expect(await page.locator('.filter', { has: page.locator(input) }).locator('.count').innerText()).toBe(`1 of ${summary.byCode.length} rows`);
    await filter.fill('no-such-code-anywhere');
    expect(await visible()).toBe(0);
    await filter.fill('');
    expect(await visible()).toBe(summary.byCode.length);
    expect(await page.locator('.filter input').count()).toBe(await page.locator('table[data-name]').count());
  });

  it('fits 800px without a page scrollbar, and the screenshots at 800 and 1280px are of the width asked', async () => {
    const shots = mkdtempSync(join(tmpdir(), 'mqerr-report-shots-'));
    for (const width of [800, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const chart = await page.locator('svg.chart').first().boundingBox();
      expect(chart!.x + chart!.width).toBeLessThanOrEqual(width);
      const file = join(shots, `report-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // A full-page screenshot is as wide as the page: wider than the window if anything overflowed.
      expect(png.readUInt32BE(16)).toBe(width);
    }
    // The wide code table scrolls in its own box rather than widening the page.
    await page.setViewportSize({ width: 800, height: 900 });
    const box = await page.locator('#codes .scroll').evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
    expect(box.client).toBeLessThanOrEqual(800);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('reads completely without JavaScript: every row there, headers plain, no filter boxes', async () => {
    const plain = await context.newPage();
    const cdp = await context.newCDPSession(plain);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await plain.goto(page.url(), { waitUntil: 'load' });
    expect(await plain.locator('table.codes tbody tr').count()).toBe(summary.byCode.length);
    expect(await plain.locator('table.uncatalogued tbody tr').count()).toBe(summary.uncatalogued.length);
    expect(await plain.locator('table.sources tbody tr').count()).toBe(summary.sources.length);
    expect(await plain.locator('button.sort').count()).toBe(0);
    expect(await plain.locator('.filter').count()).toBe(0);
    expect(await plain.locator('table.codes thead th').first().innerText()).toBe('Code · vendor · category');
    expect(await plain.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await plain.close();
  });
});
