import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectCatalogFile } from '../../src/catalog/inspect-catalog-file.js';
import { DATA_DIR, loadCatalog } from '../../src/catalog/load-catalog.js';
import { judgeUserPattern } from '../../src/catalog/judge-user-pattern.js';
import { createBoundedRunner } from '../../src/catalog/run-within.js';

const work = mkdtempSync(join(tmpdir(), 'mqerr-user-shapes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A sound shape: each case below changes one thing of it. */
const GOOD = {
  name: 'mqapi-fail',
  vendor: 'alibaba',
  anchors: ['MQAPI-FAIL '],
  pattern: 'MQAPI-FAIL op=(?<action>[A-Za-z]+) err=(?<code>[A-Za-z][\\w.]*) rid=(?<requestId>[0-9A-Za-z-]+)',
  samples: [{ text: 'MQAPI-FAIL op=CreateTopic err=Throttling.User rid=0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E', code: 'Throttling.User', requestId: '0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E' }],
};

let files = 0;
/** The problems `catalog --check` reports for a catalog file holding these shapes, without their `catalog FILE:LINE: ` prefix. */
function problemsOf(...shapes: unknown[]): string[] {
  const path = join(work, `c${++files}.json`);
  writeFileSync(path, JSON.stringify({ vendor: 'alibaba', entries: [], shapes }, null, 2));
  const { catalogs, problems } = inspectCatalogFile(path, DATA_DIR);
  if (problems.length > 0) expect(catalogs).toBeNull();
  return problems.map((p) => p.replace(/^catalog [^:]+:\d+: /, ''));
}

describe('checking the shapes of a user catalog', () => {
  it('accepts a sound shape', () => {
    expect(problemsOf(GOOD)).toEqual([]);
  });

  it('says where the problem is: file, line, shape and field', () => {
    const path = join(work, 'where.yaml');
    writeFileSync(path, `vendor: alibaba\nentries: []\nshapes:\n  - name: mqapi-fail\n    vendor: alibaba\n    anchors: ["MQAPI-FAIL "]\n    pattern: 'MQAPI-FAIL err=(?<err>\\w+)'\n    samples: ["MQAPI-FAIL err=X"]\n`);
    expect(inspectCatalogFile(path, DATA_DIR).problems).toEqual([
      `catalog ${path}:7: shape 1 (mqapi-fail): field 'pattern' has no named group 'code': write the code's part as (?<code>…)`,
      `catalog ${path}:7: shape 1 (mqapi-fail): field 'pattern' has a named group 'err' that mqerr does not read (it reads code, requestId, status, message, action)`,
    ]);
  });

  const cases: [string, object, string][] = [
    ['a pattern that does not compile', { pattern: 'MQAPI-FAIL err=(?<code>\\w+' }, "shape 1 (mqapi-fail): field 'pattern' is not a JavaScript regular expression: Invalid regular expression: /MQAPI-FAIL err=(?<code>\\w+/g: Unterminated group"],
    ['a pattern without a code group', { pattern: 'MQAPI-FAIL err=(\\w+)' }, "shape 1 (mqapi-fail): field 'pattern' has no named group 'code': write the code's part as (?<code>…)"],
    ['a group mqerr does not read', { pattern: 'MQAPI-FAIL err=(?<code>\\w+) rid=(?<requestID>[\\w-]+)' }, "shape 1 (mqapi-fail): field 'pattern' has a named group 'requestID' that mqerr does not read (did you mean 'requestId'? it reads code, requestId, status, message, action)"],
    ['a backreference', { pattern: 'MQAPI-FAIL (\\w)\\1 err=(?<code>\\w+)' }, "shape 1 (mqapi-fail): field 'pattern' has a backreference (\\1): a shape's pattern may not have one, as matching it can take exponential time"],
    [
      'a nested repeat (exponential)',
      { pattern: '(?<code>(?:\\w+)+)!', samples: ['MQAPI-FAIL Throttling!'] },
      "shape 1 (mqapi-fail): field 'pattern' backtracks catastrophically: on 32768 characters of \"c\" repeated it takes more than 100 ms (start it with a literal text, and let no repeat match what a repeat beside or around it matches, as in (\\w+)+ or \\w+\\s*\\w+)",
    ],
    [
      'two repeats that match the same text (quadratic)',
      { pattern: '(?<code>\\w+)\\s*rid=', samples: ['MQAPI-FAIL Throttling rid='] },
      "shape 1 (mqapi-fail): field 'pattern' backtracks catastrophically: on 32768 characters of \"c\" repeated it takes more than 100 ms (start it with a literal text, and let no repeat match what a repeat beside or around it matches, as in (\\w+)+ or \\w+\\s*\\w+)",
    ],
    ['a built-in shape’s name', { name: 'tea-error' }, "shape 1 (tea-error): name 'tea-error' is a built-in shape's (docs/architecture.md lists them); choose another"],
    ['a sample without an anchor', { samples: ['MQAPI-Fail op=CreateTopic err=Throttling.User rid=0A1B2C3D'] }, 'shape 1 (mqapi-fail): sample 1 holds none of the anchors ("MQAPI-FAIL "): a line without one is never read for the shape'],
    ['a sample the pattern does not match', { samples: ['MQAPI-FAIL op=CreateTopic code=Throttling.User'] }, 'shape 1 (mqapi-fail): sample 1 does not match the pattern'],
    ['a sample whose code group captures nothing', { pattern: 'MQAPI-FAIL err=(?<code>\\w*)', samples: ['MQAPI-FAIL err=.'] }, "shape 1 (mqapi-fail): sample 1 matches the pattern, but its group 'code' captures nothing"],
    [
      'a sample with another code',
      { samples: [{ ...GOOD.samples[0], code: 'Throttling.Api' }] },
      'shape 1 (mqapi-fail): sample 1 expects code "Throttling.Api"; the pattern\'s group \'code\' captures "Throttling.User"',
    ],
    [
      'a sample with another RequestId',
      { samples: [{ ...GOOD.samples[0], requestId: '7A3C2B1D-0E9F-4A8B-9C7D-6E5F4A3B2C1D' }] },
      'shape 1 (mqapi-fail): sample 1 expects requestId "7A3C2B1D-0E9F-4A8B-9C7D-6E5F4A3B2C1D"; the pattern\'s group \'requestId\' captures "0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E"',
    ],
    [
      'a sample with a RequestId the pattern has no group for',
      { pattern: 'MQAPI-FAIL op=\\w+ err=(?<code>[\\w.]+)' },
      'shape 1 (mqapi-fail): sample 1 expects requestId "0A1B2C3D-4E5F-4061-8728-394A5B6C7D8E", but the pattern has no named group \'requestId\'',
    ],
    ['a name that is not kebab-case', { name: 'MqApi' }, "shape 1 (MqApi): field 'name' must be a kebab-case name such as 'mqapi-fail'; got \"MqApi\""],
    ['a vendor of no catalog', { vendor: 'aws' }, "shape 1 (mqapi-fail): field 'vendor' must be one of alibaba, tencent; got \"aws\""],
    ['no anchors', { anchors: [] }, "shape 1 (mqapi-fail): field 'anchors' must list at least one item; got none"],
    ['an anchor of two characters', { anchors: ['MQ'] }, "shape 1 (mqapi-fail): field 'anchors[0]' must be at least 3 characters long; got \"MQ\""],
    ['an anchor with a quote', { anchors: ['MQAPI "FAIL"'] }, "shape 1 (mqapi-fail): field 'anchors[0]' must be printable ASCII text without '\"' or '\\'; got \"MQAPI \\\"FAIL\\\"\""],
    ['no samples', { samples: [] }, "shape 1 (mqapi-fail): field 'samples' must list at least one item; got none"],
    ['a sample with an unknown field', { samples: [{ text: GOOD.samples[0]!.text, requestID: 'x' }] }, "shape 1 (mqapi-fail): unknown field 'requestID' (did you mean 'requestId'?)"],
    ['a field of no shape', { regex: 'x' }, "shape 1 (mqapi-fail): unknown field 'regex' (known fields: name, description, vendor, product, anchors, anyCase, pattern, samples)"],
  ];
  for (const [what, change, message] of cases) {
    it(`refuses ${what}, in one line`, () => {
      expect(problemsOf({ ...GOOD, ...change })).toEqual([message]);
    });
  }

  it('refuses a shape without a pattern, and a shape that is not an object', () => {
    const { pattern: _, ...noPattern } = GOOD;
    expect(problemsOf(noPattern)).toEqual(["shape 1 (mqapi-fail): missing required field 'pattern'"]);
    expect(problemsOf('mqapi-fail')).toEqual(["shape 1: expected an object with 'name', 'vendor', 'anchors', 'pattern' and 'samples'; got \"mqapi-fail\""]);
  });

  it('refuses a name given twice in a file, and in two files of one run', () => {
    expect(problemsOf(GOOD, GOOD)).toEqual(['shape 2 (mqapi-fail): name listed twice (first as shape 1)']);
    const a = join(work, 'a.json');
    const b = join(work, 'b.json');
    for (const path of [a, b]) writeFileSync(path, JSON.stringify({ vendor: 'alibaba', entries: [], shapes: [GOOD] }));
    expect(() => loadCatalog([a, b])).toThrow(`catalog ${b}: shape 1 (mqapi-fail): name 'mqapi-fail' is already a shape of catalog ${a}; choose another`);
  });

  it('compares a sample with its anchors in any case when the shape says anyCase', () => {
    const sample = 'mqapi-fail op=CreateTopic err=Throttling.User rid=0A1B2C3D';
    expect(problemsOf({ ...GOOD, samples: [sample] })).toHaveLength(1);
    expect(problemsOf({ ...GOOD, anyCase: true, samples: [sample] })).toEqual([]);
  });

  it('runs a pattern with a time bound, so a catastrophic one ends the check rather than hanging it', () => {
    const runner = createBoundedRunner();
    const start = performance.now();
    expect(runner.finishes(/^(a+)+$/g, `${'a'.repeat(64)}!`, 50)).toBe(false);
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(runner.matches(/err=(?<code>\w+)/g, 'err=A err=B', 50)?.map((m) => m.groups?.['code'])).toEqual(['A', 'B']);
  });

  it('accepts linear patterns that read like the built-in ones', () => {
    const runner = createBoundedRunner();
    for (const source of [GOOD.pattern, 'code=(?<code>[A-Z][\\w.]{0,80})', 'ERR \\[(?<status>\\d{3})\\] (?<code>[\\w.]+): (?<message>[^\\n]{0,200})', '(?:^|\\s)MQ-(?<code>[A-Za-z]+(?:\\.[A-Za-z]+)*)']) {
      expect(judgeUserPattern(source, false, runner).problems, source).toEqual([]);
    }
  });
});
