import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from './helpers/run-cli.js';

/** The single executable of `npm run sea`, built once here (npm test has built dist/ already), run from a directory with no node_modules. */
let dir: string;
let exe: string;
beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-sea.mjs')], { cwd: ROOT, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'mqerr-sea-'));
  exe = join(dir, 'mqerr');
  copyFileSync(join(ROOT, 'dist/sea/mqerr'), exe);
  execFileSync('chmod', ['755', exe]);
  copyFileSync(join(ROOT, 'fixtures/sample/app.log'), join(dir, 'app.log'));
  writeFileSync(join(dir, 'app.log.1'), gzipSync(readFileSync(join(dir, 'app.log'))));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENV = { PATH: '/usr/bin:/bin', TZ: 'UTC', NO_COLOR: '1', HOME: tmpdir() };

/** Runs the executable, or the package's CLI with node, in the temporary directory. */
function run(how: 'sea' | 'node', args: string[]): { status: number | null; stdout: string; stderr: string } {
  const [file, argv] = how === 'sea' ? [exe, args] : [process.execPath, [CLI, ...args]];
  return spawnSync(file, argv, { cwd: dir, env: ENV, encoding: 'utf8' });
}

describe('the single executable (npm run sea)', () => {
  it('runs with no node_modules and no Node beside it', () => {
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
    expect(run('sea', ['--version'])).toMatchObject({ status: 0, stdout: `${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n` });
  });

  it('prints the same summary of the sample as the package does, gzip and all, on one thread whatever --jobs says', () => {
    for (const args of [['--format', 'json', 'app.log'], ['--format', 'json', '--jobs', '4', 'app.log', 'app.log.1'], ['--format', 'markdown', '--by', 'vendor', 'app.log']]) {
      const sea = run('sea', args);
      expect(sea.status, sea.stderr).toBe(0);
      expect(sea.stdout).toBe(run('node', args).stdout);
    }
  });

  it('answers explain and tags records as the package does', () => {
    for (const args of [['explain', 'ApplyTokenOverFlow'], ['tag', '--errors-only', 'app.log']]) {
      const sea = run('sea', args);
      expect(sea.status, sea.stderr).toBe(0);
      expect(sea.stdout).toBe(run('node', args).stdout);
    }
  });
});
