import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TaggedEvent } from '../src/types.js';
import { setTimeReference, timeReference } from '../src/time/time-reference.js';
import { ROOT } from './helpers/run-cli.js';
import { scanChunks } from './helpers/scan-in-process.js';
import { WRAPPERS } from './helpers/wrap-lines.js';

/** fixtures/shapes/<name>.expect.json: what the recognizer must find (see fixtures/shapes/README.md). */
interface Expectation {
  events: {
    line: number;
    event: 'error' | 'success';
    vendor: string | null;
    code: string | null;
    codeFromMessage?: string;
    requestId: string | null;
    action?: string;
    duplicateOf?: number;
    /** The record's time (ISO 8601, UTC), where the fixture's expectation names it. */
    time?: string;
  }[];
  totals: { lines: number; records: number; errors: number; successes: number };
  /** The date the log's times of day are on (`--log-date`), for a log that writes its times without one. */
  logDate?: string;
  /** The log is as a container runtime keeps it, each line already wrapped: it is not wrapped again. */
  runtimeLog?: true;
}

const DIR = join(ROOT, 'fixtures/shapes');
const CASES = readdirSync(DIR)
  .filter((f) => f.endsWith('.log'))
  .sort()
  .map((f) => ({
    name: f.replace(/\.log$/, ''),
    text: readFileSync(join(DIR, f), 'utf8'),
    expect: JSON.parse(readFileSync(join(DIR, f.replace(/\.log$/, '.expect.json')), 'utf8')) as Expectation,
  }));

/** The comparable part of a found event; duplicates carry the line they repeat. */
function found(e: TaggedEvent): object {
  return {
    line: e.line,
    event: e.event,
    vendor: e.vendor,
    code: e.code,
    requestId: e.requestId,
    action: e.action,
    duplicateOf: e.duplicateOf,
  };
}

function expected(x: Expectation['events'][number]): object {
  return {
    line: x.line,
    event: x.event,
    vendor: x.vendor,
    code: x.code ?? x.codeFromMessage ?? null,
    requestId: x.requestId,
    action: x.action ?? null,
    duplicateOf: x.duplicateOf ?? null,
  };
}

describe('every SDK and logger shape: exactly the expected events', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const reference = timeReference();
      if (c.expect.logDate !== undefined) setTimeReference({ ...reference, date: c.expect.logDate });
      const { events, summary } = await scanChunks([Buffer.from(c.text, 'utf8')], c.name).finally(() => setTimeReference(reference));
      const eventsFound = events.filter((e) => e.event !== null);
      expect(eventsFound.map(found)).toEqual(c.expect.events.map(expected));
      expect(summary.totals).toMatchObject(c.expect.totals);
      const timed = c.expect.events.filter((x) => x.time !== undefined);
      if (timed.length > 0) {
        const times = eventsFound.filter((_, i) => c.expect.events[i]!.time !== undefined);
        expect(times.map((e) => (e.time === null ? null : new Date(e.time).toISOString()))).toEqual(timed.map((x) => x.time));
      }
    });
  }
});

describe('the same shapes inside container wrappers', () => {
  for (const wrapper of WRAPPERS) {
    it(`${wrapper.name}: same events in every fixture`, async () => {
      for (const c of CASES.filter((x) => x.expect.runtimeLog !== true)) {
        const wrapped = wrapper.wrap(c.text);
        const { events, summary } = await scanChunks([Buffer.from(wrapped, 'utf8')], c.name);
        const { lines, ...counts } = c.expect.totals;
        expect(summary.totals, `${c.name} wrapped as ${wrapper.name}`).toMatchObject({ ...counts, lines: wrapped.split('\n').length - 1 });
        const strip = (e: object): object => ({ ...e, line: undefined, duplicateOf: undefined });
        // Records listed newest first come out newest first: the same events, in another order.
        const inOrder = (list: object[]): object[] => (wrapper.newestFirst ? [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : list);
        expect(
          inOrder(events.filter((e) => e.event !== null).map((e) => strip(found(e)))),
          `${c.name} wrapped as ${wrapper.name}`,
        ).toEqual(inOrder(c.expect.events.map((e) => strip(expected(e)))));
      }
    });
  }
});

describe('the expectation files themselves', () => {
  it('are consistent with their logs (totals, event lines, ids present in the text)', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, [join(ROOT, 'fixtures/sdk/check-expect.mjs')], { encoding: 'utf8' });
    expect(out).toMatch(/expectations consistent/);
  });
});
