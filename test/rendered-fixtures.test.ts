import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli.js';

describe('shape fixtures rendered by a real tool', () => {
  it('node-tencent-pino-pretty.log is pino-pretty’s rendering of the pino log it names, byte for byte', () => {
    const pino = readFileSync(join(ROOT, 'fixtures/shipped/apps/app-pino-tencent-0.log'), 'utf8').split('\n');
    // Without its fifth line, another product's error (see fixtures/shapes/README.md).
    pino.splice(4, 1);
    const rendered = execFileSync(process.execPath, [join(ROOT, 'node_modules/pino-pretty/bin.js'), '--no-colorize'], { input: pino.join('\n'), env: { ...process.env, TZ: 'UTC' } });
    expect(rendered.equals(readFileSync(join(ROOT, 'fixtures/shapes/node-tencent-pino-pretty.log')))).toBe(true);
  });
});
