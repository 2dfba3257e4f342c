import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/run-cli.js';

describe('start-up', () => {
  it('answers --version and -v with the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const result = await runCli([flag]);
      expect(result).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('still speaks the user’s language in --help, though yargs is bundled into the CLI', async () => {
    const result = await runCli(['--help'], { env: { LANG: 'de_DE.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Kommandos:');
  });
});
