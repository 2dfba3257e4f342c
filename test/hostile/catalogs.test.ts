import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mqerr-catalogs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const billionLaughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghij'.split('').map((name, i) => `${name}: &${name} [${Array.from({ length: 9 }, () => `*${'abcdefghij'[i]!}`).join(',')}]`),
  'vendor: acme',
  'entries: []',
].join('\n');

/** Broken catalog files, and the message each must fail with (after "mqerr: catalog <file>"). */
const CASES: [name: string, content: string, problem: string][] = [
  ['truncated.json', '{"vendor":"acme","entries":[', ':1:29: not valid JSON: close bracket expected (the file ends too early)'],
  ['empty.json', '', ": the file is empty; expected an object with 'vendor' and 'entries'"],
  ['array.json', '[]', ":1: top level: expected an object with 'vendor' and 'entries'; got an array"],
  ['no-entries.json', '{"vendor":"acme"}', ":1: top level: missing required field 'entries'"],
  ['entry-without-code.json', '{"vendor":"acme","entries":[{"code":"X"},{"category":"auth"}]}', ":1: entry 2: missing required field 'code'"],
  ['bad-vendor.json', '{"vendor":"__proto__","entries":[]}', ":1: top level: field 'vendor' must be a lower-case key such as 'acme'"],
  ['proto-key.json', '{"vendor":"acme","entries":[{"code":"X","__proto__":{"category":"auth"}}]}', ":1: entry 1 (code X): unknown field '__proto__'"],
  ['unknown-field.json', '{"vendor":"acme","entries":[{"code":"X"},{"code":"Y","colour":"red"}]}', ":1: entry 2 (code Y): unknown field 'colour'"],
  ['duplicate.json', '{"vendor":"acme","entries":[{"code":"X"},{"code":"Y"},{"code":"X"}]}', ':1: entry 3 (code X): code listed twice (first as entry 1)'],
  ['status.json', '{"vendor":"acme","entries":[{"code":"X","httpStatus":"400"}]}', ":1: entry 1 (code X): field 'httpStatus' must be an integer or null; got \"400\""],
  ['code.json', '{"vendor":"acme","entries":[{"code":"bad code!"}]}', ":1: entry 1 (code bad code!): field 'code' must be an API error code"],
  ['js-function.yaml', 'vendor: acme\nentries:\n  - code: X\n    description: !!js/function "function () { process.exit(9) }"\n', ':4:18: not valid YAML: Unresolved tag: tag:yaml.org,2002:js/function'],
  ['custom-tag.yml', 'vendor: acme\nentries:\n  - code: X\n    remedy: !include /etc/passwd\n', ':4:13: not valid YAML: Unresolved tag: !include'],
  ['duplicate-key.yaml', 'vendor: acme\nvendor: evil\nentries: []\n', ':2:1: not valid YAML: Map keys must be unique'],
  ['billion-laughs.yaml', billionLaughs, ': not valid YAML: Excessive alias count indicates a resource exhaustion attack'],
];

describe.concurrent('a broken catalog fails naming the file, the entry and what is wrong (exit 2, nothing run)', () => {
  for (const [name, content, problem] of CASES) {
    it(name, async () => {
      const path = join(dir, name);
      writeFileSync(path, content);
      const check = await runCli(['catalog', '--check', path]);
      expect(check.code).toBe(2);
      expect(check.stdout).toBe('');
      expect(check.stderr.endsWith('\n')).toBe(true);
      expect(check.stderr.split('\n')).toHaveLength(2);
      expect(check.stderr.startsWith(`mqerr: catalog ${path}${problem}`)).toBe(true);
    });
  }

  it('the same through scan --catalog and MQERR_CATALOG: no input is read, no summary printed', async () => {
    const path = join(dir, 'scan-bad.yaml');
    writeFileSync(path, 'vendor: acme\nentries:\n  - code: Boom\n    retryable: "yes"\n');
    for (const run of [
      await runCli(['scan', '--format', 'json', '--catalog', path, 'fixtures/sample/app.log']),
      await runCli(['scan', '--format', 'json', 'fixtures/sample/app.log'], { env: { MQERR_CATALOG: path } }),
      await runCli(['tag', '--catalog', path], { stdin: 'x\n' }),
    ]) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`mqerr: catalog ${path}:4: entry 1 (code Boom): field 'retryable' must be a boolean or null; got "yes"\n`);
    }
  });

  it('a catalog path that is a directory or missing', async () => {
    const folder = join(dir, 'a-folder.json');
    mkdirSync(folder);
    expect((await runCli(['catalog', '--check', folder])).stderr).toBe(`mqerr: catalog ${folder}: a directory, not a regular file; a catalog is read from a file\n`);
    expect((await runCli(['catalog', '--check', join(dir, 'none.json')])).stderr).toBe(`mqerr: catalog ${join(dir, 'none.json')}: cannot read it (ENOENT)\n`);
  });
});
