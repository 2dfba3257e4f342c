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
 * markup or script, and that the page asks the network for nothing.
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
});
