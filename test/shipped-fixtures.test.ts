import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli.js';

// The fixtures of fixtures/shipped/ are test material, not mqerr's output:
// these tests check that they are whole and reproducible, never what mqerr finds.

const DIMS = ['pod', 'container', 'namespace', 'host', 'unit'] as const;

interface ShippedEvent {
  line?: number;
  from?: string;
  vendor?: 'alibaba' | 'tencent';
  cloud?: 'aws';
  code: string | null;
  requestId: string | null;
  product?: string | null;
  pod: string | null;
  container: string | null;
  namespace: string | null;
  host: string | null;
  unit: string | null;
}
interface ShippedExpectation {
  schema: string;
  sources: string[];
  errors: ShippedEvent[];
  successes: ShippedEvent[];
  otherCloud: ShippedEvent[];
  totals: { lines: number; errors: number; successes: number; otherCloud: number };
}

const DIR = join(ROOT, 'fixtures/shipped');
const APPS = join(DIR, 'apps');
const fixturesIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .map((f) => join(dir, f))
    .sort();
const expectationOf = (log: string): ShippedExpectation =>
  JSON.parse(readFileSync(log.replace(/\.log$/, '.expect.json'), 'utf8')) as ShippedExpectation;

function physicalLines(buf: Buffer): number {
  let n = 0;
  for (const b of buf) if (b === 0x0a) n++;
  return buf.length > 0 && buf[buf.length - 1] !== 0x0a ? n + 1 : n;
}

describe('fixtures/shipped', () => {
  const logs = [...fixturesIn(APPS), ...fixturesIn(DIR)];

  it.each(logs.map((l) => [l.slice(DIR.length + 1), l]))('%s has an expectation whose totals agree with the file', (_name, log) => {
    const doc = expectationOf(log);
    expect(doc.schema).toBe('mqerr.shipped-expect/1');
    expect(doc.totals).toEqual({
      lines: physicalLines(readFileSync(log)),
      errors: doc.errors.length,
      successes: doc.successes.length,
      otherCloud: doc.otherCloud.length,
    });
    for (const ev of [...doc.errors, ...doc.successes, ...doc.otherCloud]) for (const d of DIMS) expect(ev).toHaveProperty(d);
  });

  it.each(fixturesIn(APPS).map((l) => [l.slice(APPS.length + 1), l]))('%s shows the code and RequestId it expects on the line it names', (_name, log) => {
    const lines = readFileSync(log, 'latin1').split('\n');
    const doc = expectationOf(log);
    const starts = [...doc.errors, ...doc.successes, ...doc.otherCloud].map((ev) => ev.line ?? 0).sort((a, b) => a - b);
    for (const ev of [...doc.errors, ...doc.successes, ...doc.otherCloud]) {
      const line = ev.line ?? 0;
      const next = starts.find((n) => n > line) ?? lines.length + 1;
      const record = lines.slice(line - 1, next - 1).join('\n');
      if (ev.requestId) expect(record).toContain(ev.requestId);
      if (ev.code) expect(record).toContain(ev.code);
    }
  });

  it.each(fixturesIn(DIR).map((l) => [l.slice(DIR.length + 1), l]))('%s lists only events of the application logs it carries', (_name, log) => {
    const doc = expectationOf(log);
    const sources = new Map(doc.sources.map((s) => [s.replace(/^apps\//, ''), expectationOf(join(DIR, s))]));
    for (const field of ['errors', 'successes', 'otherCloud'] as const) {
      for (const ev of doc[field]) {
        const [app, line] = (ev.from ?? '').split(':');
        const origin = sources.get(app ?? '')?.[field].find((o) => o.line === Number(line));
        expect(origin, `${ev.from}`).toBeDefined();
        expect({ ...ev, from: undefined, ...Object.fromEntries(DIMS.map((d) => [d, null])) }).toEqual({
          ...origin,
          line: undefined,
          from: undefined,
        });
      }
    }
  });

  const out = mkdtempSync(join(tmpdir(), 'mqerr-shipped-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('wrap.mjs writes the same bytes again', () => {
    execFileSync(process.execPath, [join(DIR, 'wrap.mjs'), '--out', out], { stdio: 'ignore' });
    const written = readdirSync(out).sort();
    const committed = readdirSync(DIR).filter((f) => f.endsWith('.log') || f.endsWith('.expect.json')).sort();
    // Without journalctl and systemd-journal-remote, wrap.mjs leaves the journald fixture out.
    expect(committed.filter((f) => !written.includes(f)).every((f) => f.startsWith('journald-json.'))).toBe(true);
    for (const f of written) expect(readFileSync(join(out, f)).equals(readFileSync(join(DIR, f))), f).toBe(true);
  });
});
