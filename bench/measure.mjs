/**
 * Runs a shell command several times and measures it: wall time from the
 * outside, peak RSS from GNU time (`/usr/bin/time -f %M`) when it is
 * installed, CPU time (user + system) the same way.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Whether a program is on the PATH. */
export function installed(program) {
  return spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Runs `command` (through sh) once; resolves with wall seconds, peak RSS in
 * KB (null without GNU time), CPU seconds, exit status and stdout if kept.
 */
export function runOnce(command, { cwd, env, keepStdout = false } = {}) {
  const stats = join(tmpdir(), `mqerr-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const argv = GNU_TIME ? [GNU_TIME, '-o', stats, '-f', '%M %U %S', 'sh', '-c', command] : ['sh', '-c', command];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout?.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      let rssKb = null;
      let cpu = null;
      if (GNU_TIME && existsSync(stats)) {
        const fields = readFileSync(stats, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        rssKb = fields[0];
        cpu = fields[1] + fields[2];
        rmSync(stats, { force: true });
      }
      resolve({ wall, rssKb, cpu, code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** Runs `command` `runs` times (after one untimed warm-up when asked) and summarizes. */
export async function measure(command, { runs, warmUp = false, ...options }) {
  if (warmUp) await runOnce(command, options);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const sample = await runOnce(command, options);
    if (sample.code !== 0) throw new Error(`${command} exited with ${sample.code}: ${sample.stderr.slice(0, 500)}`);
    samples.push(sample);
  }
  const walls = samples.map((s) => s.wall).sort((a, b) => a - b);
  const rss = samples.map((s) => s.rssKb).filter((v) => v !== null);
  const cpus = samples.map((s) => s.cpu).filter((v) => v !== null).sort((a, b) => a - b);
  return {
    runs,
    median: median(walls),
    min: walls[0],
    max: walls[walls.length - 1],
    cpu: cpus.length ? median(cpus) : null,
    rssKb: rss.length ? Math.max(...rss) : null,
  };
}

function median(sorted) {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
