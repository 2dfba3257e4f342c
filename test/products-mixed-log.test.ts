import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Aggregator } from '../src/aggregation/aggregator.js';
import { LineProcessor } from '../src/pipeline/line-processor.js';
import { ROOT, runCli } from './helpers/run-cli.js';
import { builtInContext, catalogSelection } from './helpers/context.js';

/**
 * fixtures/products/app.log: an application that calls ApsaraMQ for MQTT and
 * TDMQ for MQTT, but also ECS, CVM, COS, and S3 on another cloud. Only the
 * MQTT products' errors are in the main counts; the others are in byProduct
 * and the other-cloud counts; none is lost.
 */
const LOG = readFileSync(join(ROOT, 'fixtures/products/app.log'), 'utf8');

function scan(names?: string[]) {
  const ctx = builtInContext();
  const aggregator = new Aggregator({ version: ctx.catalog.version, entries: ctx.catalog.size }, 5, undefined, catalogSelection(names));
  const processor = new LineProcessor('app.log', ctx, aggregator, null);
  for (const line of LOG.trimEnd().split('\n')) processor.pushLine(line);
  processor.flush();
  return aggregator.toSummary();
}

describe('a log mixing MQTT, ECS, CVM, COS and S3 errors', () => {
  it('counts only the MQTT products in the main counts', () => {
    const summary = scan();
    expect(summary.totals).toMatchObject({ lines: 12, records: 12, errors: 5, otherProducts: 4, otherCloud: 2 });
    expect(summary.byCode.map((c) => c.code).sort()).toEqual(['ApplyTokenOverFlow', 'FailedOperation.InstanceNotReady', 'GroupIdAlreadyExsited', 'ResourceNotFound.Topic']);
    expect(summary.countedProducts).toEqual(['mqtt', 'onsmqtt', null]);
    expect(summary.sources[0]).toMatchObject({ errors: 5 });
  });

  it('reports the other products and clouds separately, losing none', () => {
    const summary = scan();
    const products = summary.byProduct.map((p) => [p.vendor, p.product, p.counted, p.count]);
    expect(products).toEqual([
      ['alibaba', 'onsmqtt', true, 2],
      ['tencent', 'cvm', false, 2],
      ['tencent', null, true, 2],
      ['alibaba', 'ecs', false, 1],
      ['tencent', 'cos', false, 1],
      ['tencent', 'mqtt', true, 1],
    ]);
    expect(summary.byProduct.find((p) => p.product === 'cvm')!.codes).toEqual([
      { code: 'AuthFailure.SignatureExpire', count: 1 },
      { code: 'InvalidInstanceId.NotFound', count: 1 },
    ]);
    expect(summary.otherClouds).toEqual([{ cloud: 'aws', count: 2 }]);
    const all = summary.byProduct.reduce((n, p) => n + p.count, 0);
    expect(all).toBe(summary.totals.errors + summary.totals.otherProducts);
    // No vendor's error is another cloud's: S3's InternalError is not in any vendor's counts.
    expect(summary.byProduct.flatMap((p) => p.codes.map((c) => c.code))).not.toContain('InternalError');
    expect(summary.byProduct.flatMap((p) => p.codes.map((c) => c.code))).not.toContain('AccessDenied');
  });

  it("never reports another product's API-specific codes as the catalog's gaps", () => {
    for (const names of [undefined, ['all'], ['cvm', 'ecs']]) {
      expect(scan(names).uncatalogued, String(names)).toEqual([]);
    }
  });

  it('--product selects the products of the main counts', () => {
    expect(scan(['all']).totals).toMatchObject({ errors: 9, otherProducts: 0, otherCloud: 2 });
    const cvm = scan(['cvm']);
    expect(cvm.totals).toMatchObject({ errors: 2, otherProducts: 7 });
    expect(cvm.countedProducts).toEqual(['cvm']);
    expect(cvm.byCategory).toEqual({ auth: 1, unknown: 1 });
    expect(scan(['mqtt,ecs']).countedProducts).toEqual(['ecs', 'mqtt', null]);
  });

  it('catalog --suggest drafts nothing for other products', async () => {
    const scanned = await runCli(['scan', '--format', 'json', '--product', 'all', 'fixtures/products/app.log']);
    expect(scanned.code).toBe(0);
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'mqerr-products-')), 'summary.json');
    writeFileSync(file, scanned.stdout);
    const suggested = await runCli(['catalog', '--suggest', file]);
    expect(suggested.stdout).toBe('');
    expect(suggested.stderr).toMatch(/no uncatalogued codes|nothing/i);
  });
});
