import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import { createRecognitionContext } from '../src/recognition/recognition-context.js';
import { scanFastPath, scanFullPath } from './helpers/both-paths.js';
import { ROOT, runCli } from './helpers/run-cli.js';

/** The worked example of docs/catalog.md, "Adding a shape to your catalog". */
const EXAMPLE = 'fixtures/catalogs/in-house-shapes.yaml';
const EXAMPLE_LOG = 'fixtures/catalogs/in-house-app.log';
const DOCS = readFileSync(join(ROOT, 'docs/catalog.md'), 'utf8');

const work = mkdtempSync(join(tmpdir(), 'mqerr-user-shapes-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `code RequestId` of each error a JSON summary counts. */
function errorsOf(stdout: string): string[] {
  const summary = JSON.parse(stdout) as { byCode: { vendor: string; code: string; requestIds: string[] }[] };
  return summary.byCode.flatMap((row) => row.requestIds.map((id) => `${row.vendor} ${row.code} ${id}`)).sort();
}

describe('a shape added by a user catalog', () => {
  it('is the worked example of docs/catalog.md: the file, the commands and their output as the docs show them', async () => {
    const file = readFileSync(join(ROOT, EXAMPLE), 'utf8');
    // The docs show the file without its opening comment.
    expect(DOCS).toContain(file.slice(file.indexOf('vendor: ')));
    expect(DOCS).toContain(readFileSync(join(ROOT, EXAMPLE_LOG), 'utf8'));
    const check = await runCli(['catalog', '--check', EXAMPLE]);
    expect(check).toMatchObject({ code: 0, stderr: '' });
    expect(DOCS).toContain(`$ mqerr catalog --check ${EXAMPLE}\n${check.stdout}`);
    const tag = await runCli(['tag', '--errors-only', '--catalog', EXAMPLE, EXAMPLE_LOG]);
    expect(tag.code).toBe(0);
    const first = JSON.parse(tag.stdout.split('\n')[0]!) as { mqerr: Record<string, unknown> };
    expect(first.mqerr).toMatchObject({ event: 'error', vendor: 'alibaba', product: 'onsmqtt', code: 'Throttling.User', requestId: '0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E', action: 'CreateTopic', category: 'throttling' });
    const table = await runCli(['--catalog', EXAMPLE, '--format', 'table', EXAMPLE_LOG]);
    expect(table.code).toBe(0);
    expect(DOCS).toContain(`$ mqerr --catalog ${EXAMPLE} --format table ${EXAMPLE_LOG}\n${table.stdout}`);
  });

  it('counts an in-house line with its code and RequestId on the fast path and the full path, and nothing without the catalog', async () => {
    const bytes = [readFileSync(join(ROOT, EXAMPLE_LOG))];
    const withShape = { ctx: createRecognitionContext(loadCatalog([EXAMPLE])) };
    for (const result of [scanFastPath(bytes, withShape), await scanFullPath(bytes, withShape)]) {
      const errors = result.events.filter((e) => e.event === 'error').map((e) => [e.line, e.vendor, e.product, e.code, e.requestId, e.action]);
      expect(errors).toEqual([
        [2, 'alibaba', 'onsmqtt', 'Throttling.User', '0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E', 'CreateTopic'],
        [4, 'alibaba', 'onsmqtt', 'InstanceNotFound', '7A3C2B1D-0E9F-4A8B-9C7D-6E5F4A3B2C1D', 'ListGroupId'],
        [5, 'alibaba', 'onsmqtt', 'Throttling.User', '5E0B1D4A-2C3B-4D5E-8F90-A1B2C3D4E5F6', 'CreateTopic'],
      ]);
      expect(result.summary.totals.errors).toBe(3);
    }
    for (const result of [scanFastPath(bytes), await scanFullPath(bytes)]) expect(result.summary.totals.errors).toBe(0);
  });

  it('counts an uncatalogued code of the declared vendor when the line pairs it with a RequestId', async () => {
    const bytes = [Buffer.from('2026-11-22 10:00:00,000 WARN mq-gw MQAPI-FAIL op=CreateTopic err=Gateway.Overheated rid=0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E\n')];
    const result = scanFastPath(bytes, { ctx: createRecognitionContext(loadCatalog([EXAMPLE])) });
    expect(result.summary.uncatalogued).toMatchObject([{ vendor: 'alibaba', code: 'Gateway.Overheated', count: 1 }]);
  });

  it('is recognized on worker threads as on one thread: the workers receive the catalog’s shapes', async () => {
    const lines: string[] = [];
    const expected: string[] = [];
    for (let i = 0; i < 300; i++) {
      const id = `0A1B2C3D-4E5F-4061-8728-${String(i).padStart(12, '0')}`;
      const code = i % 3 === 0 ? 'InstanceNotFound' : 'Throttling.User';
      lines.push(`2026-11-22 10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},000 WARN mq-gw MQAPI-FAIL op=CreateTopic err=${code} rid=${id}`);
      // Enough other lines that the file is worth worker threads (run-parallel.ts: 256 KiB a file).
      for (let k = 0; k < 12; k++) lines.push(`2026-11-22 10:00:00,000 INFO mq-gw heartbeat ${i}.${k}: 4 workers busy, 0 queued, topics synced, groups synced`);
      expected.push(`alibaba ${code} ${id}`);
    }
    const log = join(work, 'in-house.log');
    writeFileSync(log, `${lines.join('\n')}\n`);
    const args = ['--catalog', EXAMPLE, '--format', 'json', '--samples', '1000', log];
    expect(readFileSync(log).length).toBeGreaterThan(256 * 1024);
    // Small segments: the file is cut at many places and the worker thread gets some of them.
    const parallel = await runCli(['--jobs', '2', ...args], { env: { MQERR_SEGMENT_BYTES: '8192' } });
    const sequential = await runCli(['--jobs', '1', ...args]);
    expect(parallel.stderr).toBe('');
    expect(errorsOf(parallel.stdout)).toEqual(expected.sort());
    expect(parallel.stdout).toBe(sequential.stdout);
    const without = await runCli(['--jobs', '2', '--format', 'json', log], { env: { MQERR_SEGMENT_BYTES: '8192' } });
    expect(errorsOf(without.stdout)).toEqual([]);
  });
});
