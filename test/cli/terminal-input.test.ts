import { describe, expect, it } from 'vitest';
import { runOnTerminal } from '../helpers/on-terminal.js';

describe('mqerr with no input at a terminal', () => {
  it('says on stderr that it reads standard input and how to end it', async () => {
    const { output, code } = await runOnTerminal('node "$CLI" --format json --no-progress 2>&1 >/dev/null');
    expect(output).toBe('mqerr: reading standard input from the terminal; paste or type log lines and end with Ctrl-D, or give files: mqerr app.log\n');
    expect(code).toBe(0);
  });

  it('says nothing when stdin is a pipe', async () => {
    const { output } = await runOnTerminal('echo | node "$CLI" --format json --no-progress 2>&1 >/dev/null');
    expect(output).toBe('');
  });
});
