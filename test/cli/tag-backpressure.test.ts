import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mqerr-backpressure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** About 64 MB of plain lines and SDK errors (many byte ranges for the worker threads), and how many lines. */
function bigLog(): { path: string; lines: number } {
  const lines: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const id = `8c3e1d2a-1111-2222-3333-${String(i).padStart(12, '0')}`;
    lines.push(`2026-11-22 09:44:${String(i % 60).padStart(2, '0')},085 INFO mqtt.admin: synced ${i} topics for instance mqtt-cn-0pp1ldu8k01`);
    lines.push(`2026-11-22 09:44:${String(i % 60).padStart(2, '0')},086 ERROR mqtt.admin: [TencentCloudSDKException] code:ResourceNotFound.Topic message:The topic does not exist. requestId:${id}`);
  }
  const block = `${lines.join('\n')}\n`;
  const path = join(dir, 'big.log');
  const repeats = Math.ceil((64 << 20) / block.length);
  writeFileSync(path, block.repeat(repeats));
  return { path, lines: lines.length * repeats };
}

/** Bytes the process has read so far (its `rchar`: files and modules alike). */
function bytesRead(pid: number): number {
  const io = readFileSync(`/proc/${pid}/io`, 'utf8');
  return Number(/^rchar: (\d+)$/m.exec(io)![1]);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('tag into a pipe read slowly', () => {
  it.skipIf(process.platform !== 'linux')('stops reading its input while its output waits, then writes every record', async () => {
    const { path, lines: written } = bigLog();
    const size = readFileSync(path).length;
    const child = spawn(process.execPath, [CLI, 'tag', '--jobs', '2', path], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    // Nothing reads the output yet: the pipe fills, and with it what waits to be written.
    child.stdout.pause();
    let stable = -1;
    let read = 0;
    for (let waited = 0; waited < 30_000; waited += 200) {
      await sleep(200);
      const now = bytesRead(child.pid!);
      if (now === read && now > 0) {
        if (++stable >= 3) break;
      } else stable = 0;
      read = now;
    }
    // It stopped reading (the input unread past a few ranges in flight), far short of the whole file.
    expect(stable).toBeGreaterThanOrEqual(3);
    expect(read).toBeLessThan(size / 2);
    let lines = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) lines++;
    });
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    // Every record of the file (a line each), once the output is read.
    expect(lines).toBe(written);
  }, 90_000);
});
