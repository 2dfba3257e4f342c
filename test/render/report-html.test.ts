import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/aggregation/summary.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { errorRate } from '../../src/render/report/error-rate.js';
import { findRecommendLink } from '../../src/recognition/find-recommend-link.js';
import { productBreakdown, vendorBreakdown } from '../../src/render/report/report-breakdowns.js';
import { renderReport } from '../../src/render/report/render-report.js';
import type { SeriesColumn } from '../../src/render/resample-series.js';
import { UTC } from '../../src/time/time-zone.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * The report's HTML as a document: which sections it has and what each
 * holds, computed from a scan's summary; the links it may make; and that
 * text from the logs reaches it only escaped. The browser test shows the
 * same page working; this one pins down the markup and the numbers.
 */
const dir = mkdtempSync(join(tmpdir(), 'mqerr-report-html-'));
const hostileLog = join(dir, 'hostile.log');
writeFileSync(
  hostileLog,
  [
    `{"level":50,"time":1795230180000,"msg":"<script>window.__pwned=1</script>","err":{"RequestId":"3E8F0A1B-2C3D-4E5F-8A9B-0C1D2E3F4A5C","Code":"InvalidTopic.Bogus","HostId":"onsmqtt.cn-hangzhou.aliyuncs.com","Message":"bad \\"onerror=alert(1) <img src=x>","Recommend":"https://api.aliyun.com/troubleshoot?q=InvalidTopic.Bogus&product=OnsMqtt&requestId=3E8F\\"onerror=alert(2)"}}`,
    `{"level":50,"time":1795230240000,"err":{"RequestId":"3E8F0A1B-2C3D-4E5F-8A9B-0C1D2E3F4A5D","Code":"InvalidGroup.Bogus","HostId":"onsmqtt.cn-hangzhou.aliyuncs.com","Message":"x","Recommend":"https://aliyun.com.evil.example/troubleshoot?q=InvalidGroup.Bogus"}}`,
  ].join('\n') + '\n',
);
const catalog = loadCatalog();

async function summaryOf(args: string[]): Promise<Summary> {
  const result = await runCli(['scan', '--format', 'json', ...args]);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Summary;
}

function reportOf(summary: Summary): string {
  return renderReport({ summary, series: summary.timeSeries ?? null, catalog, zone: UTC, commandLine: 'mqerr scan', generatedAt: Date.UTC(2026, 10, 22) });
}

let mixed: Summary;
let hostile: Summary;
beforeAll(async () => {
  mixed = await summaryOf(['--bucket', '5m', 'fixtures/nightly', 'fixtures/gaps', 'fixtures/products']);
  hostile = await summaryOf(['--bucket', '1m', hostileLog]);
});

describe('the report HTML', () => {
  it('has its sections in reading order: totals, chart with the error rate, categories, codes, gaps, vendors, products, where, sources', () => {
    const html = reportOf(mixed);
    const ids = [...html.matchAll(/<(?:section|div) id="([a-z-]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['chart-section', 'error-rate', 'categories', 'codes', 'uncatalogued', 'vendors', 'products', 'where', 'sources']);
  });

  it('puts a sparkline in every top code row, and none without a time series', async () => {
    const html = reportOf(mixed);
    const rows = html.slice(html.indexOf('<table class="codes"'), html.indexOf('</table>', html.indexOf('<table class="codes"')));
    expect(rows.match(/<tr>/g)).toHaveLength(Math.min(mixed.byCode.length, 25) + 1);
    expect(rows.match(/<svg class="spark"/g)).toHaveLength(Math.min(mixed.byCode.length, 25));
    const untimed = reportOf({ ...mixed, timeSeries: undefined });
    expect(untimed).not.toContain('class="spark"');
    expect(untimed).not.toContain('id="error-rate"');
    expect(untimed).toContain('made without --bucket');
  });

  it('lists every uncatalogued code with its parent and sample, each sample openable in place', () => {
    const html = reportOf(mixed);
    const section = html.slice(html.indexOf('<section id="uncatalogued">'), html.indexOf('</section>', html.indexOf('<section id="uncatalogued">')));
    expect(section.match(/<details>/g)).toHaveLength(mixed.uncatalogued.length);
    for (const u of mixed.uncatalogued) expect(section).toContain(`${u.sample.source}:${u.sample.line}`);
    expect(section).toContain('ResourceNotFound.<wbr>Cluster');
  });

  it('writes text from the logs only escaped: no tag, no attribute broken out of', () => {
    const html = reportOf(hostile);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('"onerror');
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toContain('\\&quot;onerror=alert(1) &lt;img src=x&gt;');
  });

  it("links the Recommend page of the sample that had one on aliyun.com, cut at the escaped quote, and no other", () => {
    const html = reportOf(hostile);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    const link = 'https://api.aliyun.com/troubleshoot?q=InvalidTopic.Bogus&amp;product=OnsMqtt&amp;requestId=3E8F';
    expect(hrefs).toEqual([link, link]);
    expect(html).not.toContain('href="https://aliyun.com.evil.example');
  });

  it("links a catalogued code's Recommend page from its summary row, and checks a link read back from a summary again", async () => {
    const sample = await summaryOf(['fixtures/sample/app.log']);
    const row = sample.byCode.find((c) => c.catalogued && c.recommend)!;
    expect(row.recommend).toMatch(/^https:\/\/api\.aliyun\.com\/troubleshoot\?q=/);
    expect(reportOf(sample)).toContain(`href="${row.recommend!.replaceAll('&', '&amp;')}"`);
    const forged: Summary = { ...sample, byCode: sample.byCode.map((c) => (c === row ? { ...c, recommend: 'https://evil.example/x' } : c)) };
    expect(reportOf(forged)).not.toContain('evil.example');
  });

  it('counts errors and successes per vendor as the summary does, and codes from the code rows', () => {
    const vendors = vendorBreakdown(mixed);
    expect(vendors.reduce((a, v) => a + v.errors, 0)).toBe(mixed.totals.errors);
    expect(vendors.reduce((a, v) => a + v.successes, 0)).toBe(mixed.totals.successes);
    for (const v of vendors) {
      expect(v.codes).toBe(mixed.byCode.filter((c) => c.vendor === v.vendor).length);
      expect(v.errorRate).toBeCloseTo(v.errors / (v.errors + v.successes));
    }
    const html = reportOf(mixed);
    expect(html.slice(html.indexOf('<section id="vendors">')).match(/<tr><td>/g)!.length).toBeGreaterThanOrEqual(vendors.length);
  });

  it('lists every product, counted or not, with its top three codes', async () => {
    const all = await summaryOf(['--product', 'onsmqtt', 'fixtures/products']);
    const products = productBreakdown(all);
    expect(products).toHaveLength(all.byProduct.length);
    expect(products.some((p) => !p.counted)).toBe(true);
    for (const [i, p] of products.entries()) {
      expect(p.codes).toEqual(all.byProduct[i]!.codes.slice(0, 3));
      expect(p.moreCodes).toBe(Math.max(0, all.byProduct[i]!.codes.length - 3));
    }
    expect(reportOf(all)).toContain('no (--product)');
  });
});

describe('the error rate under the chart', () => {
  const column = (minute: number, errors: number, successes: number): SeriesColumn => ({
    start: minute * 60_000,
    end: (minute + 5) * 60_000,
    errors,
    successes,
    categories: new Map(),
    codes: new Map(),
  });

  it('is the share of logged calls that failed when there are successes, with gaps where no call was logged', () => {
    expect(errorRate([column(0, 1, 3), column(5, 0, 0), column(10, 2, 0)])?.values).toEqual([25, null, 100]);
    expect(errorRate([column(0, 1, 3)])?.unit).toBe('share');
  });

  it('is errors per minute when the logs hold no success', () => {
    const rate = errorRate([column(0, 10, 0), column(5, 0, 0)])!;
    expect(rate.unit).toBe('per-minute');
    expect(rate.values).toEqual([2, 0]);
  });

  it('is absent without columns', () => {
    expect(errorRate([])).toBeNull();
  });
});

describe("Alibaba's Recommend link", () => {
  const url = 'https://api.aliyun.com/troubleshoot?q=InstanceNotFound&product=OnsMqtt&requestId=0BAC94DA';

  it('is found in a JSON body, a Python dict, a Recommend: line and a JSON string holding a body', () => {
    expect(findRecommendLink(`{"Code":"InstanceNotFound","Recommend":"${url}","HostId":"x"}`)).toBe(url);
    expect(findRecommendLink(`{'Code': 'InstanceNotFound', 'Recommend': '${url}'}`)).toBe(url);
    expect(findRecommendLink(`ErrorCode: InstanceNotFound\nRecommend: ${url}\nRequestId: 0BAC94DA`)).toBe(url);
    expect(findRecommendLink(`{"msg":"{\\"Code\\":\\"InstanceNotFound\\",\\"Recommend\\":\\"${url}\\"}"}`)).toBe(url);
  });

  it("reads Go's JSON escapes of & and /", () => {
    const escaped = url.replace(/&/g, '\\u0026').replace(/\//g, '\\/');
    expect(findRecommendLink(`{"Recommend":"${escaped}"}`)).toBe(url);
  });

  it('is only an https link on aliyun.com or a subdomain, without credentials or a port', () => {
    expect(findRecommendLink('Recommend: https://aliyun.com/x')).toBe('https://aliyun.com/x');
    expect(findRecommendLink('Recommend: http://api.aliyun.com/troubleshoot?q=X')).toBeNull();
    expect(findRecommendLink('Recommend: https://api.aliyun.com.evil.example/troubleshoot')).toBeNull();
    expect(findRecommendLink('Recommend: https://evilaliyun.com/troubleshoot')).toBeNull();
    expect(findRecommendLink('Recommend: https://user:pw@api.aliyun.com/troubleshoot')).toBeNull();
    expect(findRecommendLink('Recommend: https://api.aliyun.com:8443/troubleshoot')).toBeNull();
    expect(findRecommendLink('Recommend: javascript:alert(1)//https://api.aliyun.com/')).toBeNull();
    expect(findRecommendLink(`"Recommend2":"x" ${url}`)).toBeNull();
  });

  it('stops at a quote, space or angle bracket, so it never carries markup', () => {
    expect(findRecommendLink(`Recommend: ${url}"onerror=alert(1)`)).toBe(url);
    expect(findRecommendLink(`Recommend: ${url}<script>`)).toBe(url);
    expect(findRecommendLink(`Recommend: ${url}'x`)).toBe(url);
  });

  it('is dropped when it runs into the cut of a shortened sample', () => {
    expect(findRecommendLink(`{"Recommend":"${url.slice(0, 40)}…`)).toBeNull();
  });
});
