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
    timeReference: { at: Date.UTC(2026, 11, 6), year: null, date: null },
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

  it('reads a segment from views of a buffer it is lent until the segment ends (the main thread’s own range), as from copies', () => {
    const text = Buffer.from(Array.from({ length: 8 }, (_, i) => error(i)).join('\n') + '\n');
    // The buffer is lent with bytes before and after the segment's, and cut inside the fifth line's RequestId.
    const lent = Buffer.concat([Buffer.from('#'.repeat(64)), text, Buffer.from('#'.repeat(64))]);
    const fifth = text.indexOf(error(4));
    const cut = 64 + fifth + error(4).indexOf('requestId=') + 16;
    const pieces = [lent.subarray(64, cut), lent.subarray(cut, 64 + text.length)];
    const run = (spoil: 'after end' | 'before the next piece'): { errors: number; ids: string[] } => {
      const sent: FromWorker[] = [];
      const handle = segmentService(settings(), (message) => sent.push(message));
      handle({ type: 'begin', id: 0, source: 'own', firstLine: 1 });
      for (const piece of pieces) {
        handle({ type: 'data', id: 0, bytes: piece.buffer as ArrayBuffer, offset: piece.byteOffset, length: piece.length });
        if (spoil === 'before the next piece') piece.fill(0x23);
      }
      handle({ type: 'end', id: 0 });
      if (spoil === 'after end') lent.fill(0x23);
      const done = sent.find((m) => m.type === 'done');
      if (done?.type !== 'done') throw new Error('no result');
      const codes = done.result.summary.byCode;
      return { errors: done.result.summary.totals.errors, ids: codes.flatMap((c) => c.requestIds) };
    };
    const original = Buffer.from(lent);
    const whole = run('after end');
    expect(whole.errors).toBe(8);
    expect(whole.ids).toHaveLength(5);
    // The runner keeps a view of the straddling line until the next piece: bytes changed before then change what it reads.
    original.copy(lent);
    const spoiled = run('before the next piece');
    expect(spoiled.errors).toBeGreaterThan(0);
    expect(spoiled.errors).toBeLessThan(8);
  });
});
