import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import { ROOT } from './helpers/run-cli.js';
import { scanLines } from './helpers/scan-lines.js';

/**
 * fixtures/catalog-coverage/<vendor>-<shape>.log holds log records in the
 * shapes the vendors' APIs and SDKs really print; the `.expected` file beside
 * each lists, in order, the code and RequestId (`-` for none) of every API
 * error in it.
 */
const DIR = join(ROOT, 'fixtures/catalog-coverage');
const catalog = loadCatalog();
const logs = readdirSync(DIR).filter((f) => f.endsWith('.log')).sort();

function expectedOf(file: string): { code: string; requestId: string | null }[] {
  return readFileSync(join(DIR, file.replace(/\.log$/, '.expected')), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [code, requestId] = line.split('\t');
      return { code: code!, requestId: requestId === '-' ? null : requestId! };
    });
}

function errorsIn(file: string) {
  return scanLines(file, readFileSync(join(DIR, file), 'utf8'), catalog)
    .filter((s) => s.event.event === 'error')
    .map((s) => s.event);
}

describe('catalog coverage fixtures', () => {
  for (const file of logs) {
    const vendor = file.split('-')[0]!;
    it(`${file}: every error is recognized with vendor ${vendor}, its code and its RequestId`, () => {
      const found = errorsIn(file).map((e) => ({ vendor: e.vendor, code: e.code, requestId: e.requestId, catalogued: e.catalogued }));
      const expected = expectedOf(file).map((e) => ({ vendor, ...e, catalogued: true }));
      expect(found).toEqual(expected);
    });
  }

  it('every built-in catalog entry is found in at least one fixture', () => {
    const found = new Set<string>();
    for (const file of logs) {
      const vendor = file.split('-')[0]!;
      for (const e of expectedOf(file)) {
        // A pattern entry (`InvalidParameter.%s`) is covered by any code it matches.
        const match = catalog.lookupCode(e.code, vendor);
        if (match?.catalogued) found.add(`${vendor} ${match.entry.code}`);
      }
    }
    const missing = [...catalog.entries()].map((e) => `${e.vendor} ${e.code}`).filter((key) => !found.has(key));
    expect(missing).toEqual([]);
  });

  it('attributes a code both vendors list by the HTTP status, current or earlier', () => {
    const vendorFor = (status: number): string | null =>
      vendorOf(`{"level":50,"msg":"send failed","err":{"code":"InternalError","statusCode":${status}}}`);
    expect(vendorFor(417)).toBe('alibaba');
    expect(vendorFor(500)).toBe('alibaba');
    expect(vendorFor(200)).toBe('tencent');
    expect(vendorFor(404)).toBeNull();
  });
});

/** The vendor a one-line error record is attributed to. */
function vendorOf(line: string): string | null {
  const [scanned] = scanLines('inline', line + '\n', catalog);
  expect(scanned?.event.event).toBe('error');
  return scanned!.event.vendor;
}
