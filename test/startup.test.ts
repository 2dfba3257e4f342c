import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerFromStoredHelp, type StoredHelp } from '../src/cli/stored-help.js';
import { CLI, FULL_CLI, ROOT, runCli } from './helpers/run-cli.js';

/** The environment yargs guesses its locale from, with nothing of the test runner's own. */
const NO_LOCALE = { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, LANGUAGE: undefined };

describe('start-up', () => {
  it('answers --version and -v with the package version, as yargs does', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const result = await runCli([flag]);
      expect(result).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
      expect(await runCli([flag], { script: FULL_CLI })).toEqual(result);
    }
  });

  it('still speaks the user’s language in --help, though yargs is bundled into the CLI', async () => {
    const result = await runCli(['--help'], { env: { LANG: 'de_DE.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Kommandos:');
  });

  // The entry answers these from the help text the build stored; yargs must agree byte for byte.
  const helpRequests: [string, Record<string, string | undefined>][] = [
    ['--help', NO_LOCALE],
    ['-h', NO_LOCALE],
    ['help', NO_LOCALE],
    ['--help', { ...NO_LOCALE, LANG: 'C.UTF-8' }],
    ['--help', { ...NO_LOCALE, LANG: 'en_GB.UTF-8' }],
    ['--help', { ...NO_LOCALE, LANG: 'uk.UTF-8' }],
    ['--help', { ...NO_LOCALE, LANG: 'C.UTF-8', LC_MESSAGES: 'pt_BR.UTF-8' }],
    ['-h', { ...NO_LOCALE, LANG: 'en_US.UTF-8', LC_ALL: 'fr_CA.UTF-8@euro' }],
    ['help', { ...NO_LOCALE, LANGUAGE: 'pirate' }],
  ];
  for (const [arg, env] of helpRequests) {
    it(`prints for ${arg} with ${JSON.stringify(env)} exactly what yargs prints`, async () => {
      const [quick, full] = await Promise.all([runCli([arg], { env }), runCli([arg], { env, script: FULL_CLI })]);
      expect(full).toMatchObject({ code: 0, stderr: '' });
      expect(full.stdout).toContain('mqerr [scan] [paths..]');
      expect(quick).toEqual(full);
    });
  }

  it('ends quietly with status 0 when the reader has gone (`| head -0`), as yargs does', async () => {
    const runs = [CLI, FULL_CLI].flatMap((script) =>
      ['--help', '--version'].map(
        (flag) =>
          new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
            const child = spawn(process.execPath, [script, flag], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
            child.stdout.destroy(); // before Node in the child has even started, so its write meets a closed pipe
            let stderr = '';
            child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
            child.on('error', reject);
            child.on('close', (code) => resolve({ code, stderr }));
          }),
      ),
    );
    for (const result of await Promise.all(runs)) expect(result).toEqual({ code: 0, stderr: '' });
  });

  it('keeps the stored help for the width and locales it is right for', async () => {
    const help = JSON.parse(readFileSync(join(ROOT, 'dist/cli/top-help.json'), 'utf8')) as StoredHelp;
    const full = await runCli(['--help'], { env: { ...NO_LOCALE, LANG: 'C.UTF-8' }, script: FULL_CLI });
    expect(help.args).toEqual(['--help', '-h', 'help']);
    expect(answerFromStoredHelp(help, ['--help'], { LANG: 'C.UTF-8' }, help.width)).toBe(full.stdout);
    expect(answerFromStoredHelp(help, ['-h'], {}, help.width)).toBe(full.stdout);
    expect(answerFromStoredHelp(help, ['help'], { LC_ALL: 'en_AU.UTF-8', LANG: 'de_DE.UTF-8' }, help.width)).toBe(full.stdout);
    // A narrower terminal, a translated locale, a locale that names a path, or more than the help request: yargs answers.
    expect(answerFromStoredHelp(help, ['--help'], {}, help.width - 30)).toBeNull();
    expect(answerFromStoredHelp(help, ['--help'], { LANG: 'de_AT.UTF-8' }, help.width)).toBeNull();
    expect(answerFromStoredHelp(help, ['--help'], { LC_MESSAGES: 'zh_TW' }, help.width)).toBeNull();
    expect(answerFromStoredHelp(help, ['--help'], { LANG: join(ROOT, 'node_modules/yargs/locales/de') }, help.width)).toBeNull();
    expect(answerFromStoredHelp(help, ['scan', '--help'], {}, help.width)).toBeNull();
    expect(answerFromStoredHelp(help, ['--help', 'scan'], {}, help.width)).toBeNull();
    expect(answerFromStoredHelp(help, ['app.log'], {}, help.width)).toBeNull();
  });
});
