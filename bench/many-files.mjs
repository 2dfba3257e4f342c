/**
 * Per-file cost: the same bytes read as N small files in one directory and
 * as one stream on stdin. Usage, after `npm run build`:
 *   node bench/many-files.mjs [FILES=10000] [MB=16]
 * Prints the median wall time of 3 runs of each, and their ratio (the
 * target is at most 2).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.mjs';

const files = Number(process.argv[2] ?? 10_000);
const megabytes = Number(process.argv[3] ?? 16);
const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mqerr-many-files-'));
const corpus = join(dir, 'corpus.log');
await generateCorpus(corpus, megabytes * 1e6);

// Cut at line ends into `files` files of about the same size.
const bytes = readFileSync(corpus);
const tree = join(dir, 'nightly');
mkdirSync(tree);
const target = Math.ceil(bytes.length / files);
let start = 0;
for (let i = 0; i < files && start < bytes.length; i++) {
  let end = i === files - 1 ? bytes.length : Math.min(bytes.length, start + target);
  const nl = bytes.indexOf(0x0a, end - 1);
  end = nl < 0 ? bytes.length : nl + 1;
  writeFileSync(join(tree, `app-${String(i).padStart(6, '0')}.log`), bytes.subarray(start, end));
  start = end;
}

function wall(args, stdinFile) {
  const input = stdinFile ? openSync(stdinFile, 'r') : 'ignore';
  const began = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [cli, '--format', 'json', ...args], { stdio: [input, 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  if (stdinFile) closeSync(input);
  if (run.status !== 0) throw new Error(`mqerr exited ${run.status}: ${run.stderr}`);
  return { seconds, lines: JSON.parse(run.stdout).totals.lines };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const results = {};
for (const [name, args, stdin] of [
  ['stdin', ['-'], corpus],
  [`${files} files`, [tree], null],
  [`${files} files, --jobs 1`, ['--jobs', '1', tree], null],
]) {
  const runs = [];
  let lines = 0;
  for (let i = 0; i < 3; i++) ({ seconds: runs[i], lines } = wall(args, stdin));
  results[name] = median(runs);
  console.log(`${name.padEnd(24)} ${median(runs).toFixed(2)} s  (${lines} lines)`);
}
console.log(`ratio files / stdin: ${(results[`${files} files`] / results.stdin).toFixed(2)} (target ≤ 2)`);
rmSync(dir, { recursive: true, force: true });
