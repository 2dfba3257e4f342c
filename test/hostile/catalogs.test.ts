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

/** Broken catalog files, and the message each must fail with (after "mqerr: catalog <file>: "). */
const CASES: [name: string, content: string, problem: string][] = [
  ['truncated.json', '{"vendor":"acme","entries":[', 'not valid JSON: Unexpected end of JSON input'],
  ['empty.json', '', 'not valid JSON: Unexpected end of JSON input'],
  ['array.json', '[]', "top level: field '(root)' must be object"],
  ['no-entries.json', '{"vendor":"acme"}', "top level: field 'entries' is missing"],
  ['entry-without-code.json', '{"vendor":"acme","entries":[{"code":"X"},{"category":"auth"}]}', "entry 2: field 'code' is missing"],
  ['bad-vendor.json', '{"vendor":"__proto__","entries":[]}', 'top level: field \'vendor\' must match pattern "^[a-z][a-z0-9-]*$"'],
  ['proto-key.json', '{"vendor":"acme","entries":[{"code":"X","__proto__":{"category":"auth"}}]}', "entry 1 (code X): unknown field '__proto__'"],
  ['unknown-field.json', '{"vendor":"acme","entries":[{"code":"X"},{"code":"Y","colour":"red"}]}', "entry 2 (code Y): unknown field 'colour'"],
  ['duplicate.json', '{"vendor":"acme","entries":[{"code":"X"},{"code":"Y"},{"code":"X"}]}', 'entry 3 (code X): code listed twice'],
  ['status.json', '{"vendor":"acme","entries":[{"code":"X","httpStatus":"400"}]}', "entry 1 (code X): field 'httpStatus' must be integer"],
  ['category.json', '{"vendor":"acme","entries":[{"code":"X","category":"explosive"}]}', "entry 1 (code X): field 'category' must be equal to one of the allowed values"],
  ['code.json', '{"vendor":"acme","entries":[{"code":"bad code!"}]}', "entry 1 (code bad code!): field 'code' must match pattern"],
  ['js-function.yaml', 'vendor: acme\nentries:\n  - code: X\n    description: !!js/function "function () { process.exit(9) }"\n', 'not valid YAML: Unresolved tag: tag:yaml.org,2002:js/function at line 4, column 18'],
  ['custom-tag.yml', 'vendor: acme\nentries:\n  - code: X\n    remedy: !include /etc/passwd\n', 'not valid YAML: Unresolved tag: !include at line 4, column 13'],
  ['duplicate-key.yaml', 'vendor: acme\nvendor: evil\nentries: []\n', 'not valid YAML: Map keys must be unique at line 2, column 1'],
  ['billion-laughs.yaml', billionLaughs, 'not valid YAML: Excessive alias count indicates a resource exhaustion attack'],
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
      expect(check.stderr.startsWith(`mqerr: catalog ${path}: ${problem}`)).toBe(true);
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
      expect(run.stderr).toBe(`mqerr: catalog ${path}: entry 1 (code Boom): field 'retryable' must be boolean\n`);
    }
  });

  it('a catalog path that is a directory or missing', async () => {
    const folder = join(dir, 'a-folder.json');
    mkdirSync(folder);
    expect((await runCli(['catalog', '--check', folder])).stderr).toBe(`mqerr: catalog ${folder}: cannot read it (EISDIR)\n`);
    expect((await runCli(['catalog', '--check', join(dir, 'none.json')])).stderr).toBe(`mqerr: catalog ${join(dir, 'none.json')}: cannot read it (ENOENT)\n`);
  });
});
