import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const ESC = '\u001b[';

describe('table colours', () => {
  it('colour the table when forced, and never when NO_COLOR is set or output is not a terminal', async () => {
    const args = ['scan', '--format', 'table', 'fixtures/sample/app.log'];
    const [forced, noColor, piped] = await Promise.all([
      runCli(args, { env: { NO_COLOR: '', FORCE_COLOR: '1' } }),
      runCli(args, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }),
      runCli(args, { env: { NO_COLOR: undefined, FORCE_COLOR: undefined } }),
    ]);
    expect(forced.stdout).toContain(`${ESC}36m▁▁█`);
    expect(forced.stdout).toContain(`${ESC}31m8${ESC}0m errors`);
    for (const plain of [noColor, piped]) {
      expect(plain.stdout).not.toContain(ESC);
      // Colour or not, the sparklines are there.
      expect(plain.stdout).toMatch(/throttling\s+2\s+▁▁█/);
    }
  });
});
