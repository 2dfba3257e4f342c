import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { splitMessages } from '../helpers/scan-json.js';

describe.concurrent('--max-line-bytes is bounded by what the runtime can hold', () => {
  it.each([['scan', '2GB'], ['tag', '2GB'], ['scan', '65MB'], ['scan', '99999999999999999999']])('%s --max-line-bytes %s is refused before reading (exit 2, naming the limit)', async (command, size) => {
    const run = await runCli([command, '--max-line-bytes', size, '-'], { stdin: 'a line\n' });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const messages = splitMessages(run.stderr);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^mqerr: --max-line-bytes .*(at most 64MB \(67108864 bytes\)|expects a size)/);
  });

  it('64MB, the limit, is accepted', async () => {
    const run = await runCli(['scan', '--format', 'json', '--max-line-bytes', '64MB', '-'], { stdin: 'a line\n' });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ totals: { lines: 1 } });
  });
});
