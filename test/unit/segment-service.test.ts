import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FromWorker, SegmentSettings, ToWorker } from '../../src/pipeline/segment-messages.js';
import { segmentService } from '../../src/pipeline/segment-service.js';
import { builtInContext, catalogSelection } from '../helpers/context.js';

const work = mkdtempSync(join(tmpdir(), 'mqerr-service-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function settings(): SegmentSettings {
  const { catalog } = builtInContext();
  return {
    catalog: { vendors: [...catalog.vendors.values()], version: catalog.version, shapes: [...catalog.shapes] },
    samples: 5,
    maxKeys: 1000,
    maxLineBytes: 1 << 20,
    unwrap: true,
    redact: true,
    time: { since: null, until: null, series: null },
    tag: null,
    countedProducts: catalogSelection().toJson(),
    catalogProducts: [...catalog.vendors.values()].map((vc) => vc.product.toLowerCase()),
    crossTabs: [],
    logTimeZone: 'UTC',
    settleRepeats: true,
  };
}

const error = (i: number): string => `2026-11-22 09:44:${String(i % 60).padStart(2, '0')},000 ERROR app: code=ResourceNotFound.Topic requestId=8C1D2E3F-4A5B-4C6D-8E7F-9A0B1C${String(i).padStart(6, '0')}`;

/** Runs messages through a service, in order, and resolves with what it sent once both segments are done. */
function serve(messages: ToWorker[], doneCount: number): Promise<FromWorker[]> {
  return new Promise((resolve) => {
    const sent: FromWorker[] = [];
    const handle = segmentService(settings(), (message) => {
      sent.push(message);
      if (message.type === 'failed' || sent.filter((m) => m.type === 'done').length === doneCount) resolve(sent);
    });
    for (const message of messages) handle(message);
  });
}

describe('a thread that processes segments and byte ranges', () => {
  it('holds a range’s go while a segment sent as bytes is open, and processes both whole (one file’s ranges settle as the next streams)', async () => {
    const path = join(work, 'ranged.log');
    writeFileSync(path, Array.from({ length: 30 }, (_, i) => error(i)).join('\n') + '\n');
    const fd = openSync(path, 'r');
    try {
      const streamed = Buffer.from(Array.from({ length: 5 }, (_, i) => error(100 + i)).join('\n') + '\n');
      const sent = await serve(
        [
          { type: 'range', id: 0, source: 'a', fd, start: 0, length: 30 * error(0).length + 30 },
          { type: 'begin', id: 1, source: 'b', firstLine: 1 },
          { type: 'go', id: 0, firstLine: 1, toEnd: true },
          { type: 'data', id: 1, bytes: streamed.buffer.slice(streamed.byteOffset, streamed.byteOffset + streamed.length) as ArrayBuffer },
          { type: 'end', id: 1 },
        ],
        2,
      );
      expect(sent.filter((m) => m.type === 'failed')).toEqual([]);
      expect(sent.find((m) => m.type === 'surveyed')).toMatchObject({ id: 0, survey: { newlines: 30, wrapped: false, error: null } });
      const done = Object.fromEntries(sent.flatMap((m) => (m.type === 'done' ? [[m.id, m]] : [])));
      expect(done[1]!.result.summary.totals.errors).toBe(5);
      expect(done[0]!.result.summary.totals.errors).toBe(30);
      // The segment sent as bytes ends before the range is processed.
      expect(sent.findIndex((m) => m.type === 'done' && m.id === 1)).toBeLessThan(sent.findIndex((m) => m.type === 'done' && m.id === 0));
    } finally {
      closeSync(fd);
    }
  });
});
