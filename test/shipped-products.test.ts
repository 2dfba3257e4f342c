import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanFullPath } from './helpers/both-paths.js';
import { ROOT } from './helpers/run-cli.js';

/**
 * The application logs under fixtures/shipped/apps/ were written by the
 * vendors' real SDKs and loggers, and their expectations say for each API
 * error its vendor, code, RequestId and the product its text names, and
 * which records hold another cloud's error (see fixtures/shipped/README.md).
 */
const DIR = join(ROOT, 'fixtures/shipped/apps');

interface Expected {
  errors: { vendor: string; code: string | null; codeFromMessage?: string; requestId: string | null; product: string | null }[];
  otherCloud: { line: number; cloud: string }[];
}

describe('products and other clouds in the applications of fixtures/shipped', () => {
  for (const name of readdirSync(DIR).filter((f) => f.endsWith('.log')).sort()) {
    it(name, async () => {
      const expected = JSON.parse(readFileSync(join(DIR, name.replace(/\.log$/, '.expect.json')), 'utf8')) as Expected;
      const { events } = await scanFullPath([readFileSync(join(DIR, name))], { source: name });
      const errors = events.filter((e) => e.event === 'error' && e.duplicateOf === null);
      // Where records start is the records stage's to test (shipped-fixtures.test.ts); here, what each error is.
      expect(errors.map((e) => ({ vendor: e.vendor, code: e.code, requestId: e.requestId, product: e.product }))).toEqual(
        expected.errors.map((x) => ({ vendor: x.vendor, code: x.code ?? x.codeFromMessage ?? null, requestId: x.requestId, product: x.product })),
      );
      expect(events.filter((e) => e.otherCloud !== null).map((e) => ({ line: e.line, cloud: e.otherCloud }))).toEqual(
        expected.otherCloud.map((x) => ({ line: x.line, cloud: x.cloud })),
      );
    });
  }
});
