/**
 * mqerr's benchmark: `npm run bench` (or `node bench/run.mjs [--sizes 30,100,300]
 * [--runs 3] [--quick]` after `npm run build`). Generates a deterministic
 * corpus, measures mqerr beside the tools an SRE would use instead on the
 * same files, checks that every tool counts what the others count, and
 * writes bench/RESULTS.md. Figures only: nothing here is a test.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { CODE_PATTERN, CORPUS_VERSION, JQ_PROGRAM, codeOfMatch, generateCorpus } from './corpus.mjs';
import { GNU_TIME, installed, measure, runOnce } from './measure.mjs';
import { writeResults } from './report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = join(ROOT, 'bench/corpus');
const MQERR = `node ${JSON.stringify(join(ROOT, 'dist/cli/main.js'))}`;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const quick = args.includes('--quick');
const sizesMb = option('sizes', quick ? '10,30' : '30,100,300').split(',').map(Number);
const runs = Number(option('runs', quick ? 2 : 3));
/** jq reads a few tens of MB/s: fewer runs keep the whole benchmark to a few minutes. */
const slowRuns = Math.max(1, Math.min(runs, 2));
const log = (message) => process.stderr.write(`bench: ${message}\n`);

const shell = (s) => `'${s.replaceAll("'", "'\\''")}'`;
const tools = { rg: installed('rg'), grep: installed('grep'), jq: installed('jq'), zcat: installed('zcat') };

async function prepareCorpus() {
  mkdirSync(CORPUS, { recursive: true });
  const corpora = [];
  for (const mb of sizesMb) {
    const file = join(CORPUS, `mixed-${mb}mb.log`);
    const truthFile = `${file}.truth.json`;
    let truth = existsSync(truthFile) && existsSync(file) ? JSON.parse(readFileSync(truthFile, 'utf8')) : null;
    if (!truth || truth.version !== CORPUS_VERSION) {
      log(`generating ${file}`);
      truth = { version: CORPUS_VERSION, ...(await generateCorpus(file, mb * 1e6, 42)) };
      writeFileSync(truthFile, JSON.stringify(truth));
      rmSync(`${file}.gz`, { force: true });
    }
    corpora.push({ mb, file, truth });
  }
  const largest = corpora[corpora.length - 1];
  if (!existsSync(`${largest.file}.gz`)) {
    log(`compressing ${largest.file}`);
    await pipeline(createReadStream(largest.file), createGzip(), createWriteStream(`${largest.file}.gz`));
  }
  const nightly = join(CORPUS, 'nightly');
  const nightlyTruth = join(CORPUS, 'nightly.truth.json');
  let nightlyFacts = existsSync(nightlyTruth) ? JSON.parse(readFileSync(nightlyTruth, 'utf8')) : null;
  if (!nightlyFacts || nightlyFacts.version !== CORPUS_VERSION || nightlyFacts.quick !== quick) {
    log(`generating ${nightly}/`);
    rmSync(nightly, { recursive: true, force: true });
    mkdirSync(nightly);
    const files = quick ? 8 : 24;
    nightlyFacts = { version: CORPUS_VERSION, quick, files, bytes: 0, lines: 0, errors: 0 };
    for (let i = 0; i < files; i++) {
      const name = join(nightly, `app-${String(i).padStart(2, '0')}.log`);
      const truth = await generateCorpus(name, (quick ? 1 : 4) * 1e6, 1000 + i);
      nightlyFacts.lines += truth.lines;
      nightlyFacts.errors += truth.errors;
      if (i % 2 === 1) {
        await pipeline(createReadStream(name), createGzip(), createWriteStream(`${name}.gz`));
        rmSync(name);
      }
    }
    writeFileSync(nightlyTruth, JSON.stringify(nightlyFacts));
  }
  nightlyFacts.bytes = readdirSync(nightly).reduce((n, f) => n + statSync(join(nightly, f)).size, 0);
  return { corpora, largest, nightly, nightlyFacts };
}

/** Counts per code from `uniq -c` output, the matched text turned into its code. */
function uniqCounts(text, toCode = (s) => s) {
  const counts = {};
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+) (.*)$/.exec(line);
    if (!m) continue;
    const code = toCode(m[2]);
    counts[code] = (counts[code] ?? 0) + Number(m[1]);
  }
  return counts;
}

function sameCounts(a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const diff = [...keys].filter((k) => a[k] !== b[k]).map((k) => `${k}: ${a[k] ?? 0} vs ${b[k] ?? 0}`);
  return { ok: diff.length === 0, diff };
}

async function benchCorpus({ mb, file, truth }, isLargest) {
  const f = shell(file);
  const rows = [];
  const checks = [];
  const add = async (tool, command, what, options = {}) => {
    log(`${mb} MB: ${tool}`);
    rows.push({ tool, command, what, ...(await measure(command, { runs: options.runs ?? runs, cwd: ROOT, env: options.env })) });
  };

  await add('mqerr scan', `${MQERR} scan --format json ${f} > /dev/null`, 'every API error: code, RequestId, vendor, category, multi-line records');
  if (isLargest) await add('mqerr scan --jobs 1', `${MQERR} scan --format json --jobs 1 ${f} > /dev/null`, 'the same, on one thread');
  await add('mqerr tag', `${MQERR} tag ${f} > /dev/null`, 'every record as NDJSON with its tags');
  await add('mqerr tag | sha256sum', `${MQERR} tag ${f} | sha256sum > /dev/null`, 'the same into a pipe, read as it is hashed (what waits to be written)');
  if (tools.rg) await add('rg | sort | uniq -c', `rg -o ${shell(CODE_PATTERN)} ${f} | sort | uniq -c > /dev/null`, 'codes by a pattern made for this corpus');
  if (tools.grep) await add('grep | sort | uniq -c', `LC_ALL=C grep -oE ${shell(CODE_PATTERN)} ${f} | sort | uniq -c > /dev/null`, 'the same with GNU grep', { runs: slowRuns });
  if (tools.jq) await add('jq | sort | uniq -c', `jq -R -r ${shell(JQ_PROGRAM)} ${f} | sort | uniq -c > /dev/null`, 'codes in the JSON lines only', { runs: slowRuns });

  // Agreement: each tool against the generator's truth, where it measures the same thing.
  const scan = JSON.parse((await runOnce(`${MQERR} scan --format json ${f}`, { cwd: ROOT, keepStdout: true })).stdout.toString('utf8'));
  const byCode = {};
  for (const c of scan.byCode) byCode[`${c.vendor}/${c.code}`] = c.count;
  checks.push({ what: `mqerr scan: errors per vendor and code = the ${truth.errors} generated`, ...sameCounts(byCode, truth.byCode) });
  checks.push({ what: `mqerr scan: ${truth.lines} lines counted`, ok: scan.totals.lines === truth.lines, diff: [`${scan.totals.lines}`] });
  const tagErrors = Number((await runOnce(`${MQERR} tag --errors-only ${f} | wc -l`, { cwd: ROOT, keepStdout: true })).stdout.toString().trim());
  checks.push({ what: 'mqerr tag --errors-only: one line per error scan counts', ok: tagErrors === scan.totals.errors, diff: [`${tagErrors} vs ${scan.totals.errors}`] });
  if (tools.rg) {
    const out = (await runOnce(`rg -o ${shell(CODE_PATTERN)} ${f} | sort | uniq -c`, { cwd: ROOT, keepStdout: true })).stdout.toString();
    checks.push({ what: 'rg: codes per pattern = mqerr codes, vendors merged', ...sameCounts(uniqCounts(out, codeOfMatch), truth.patternByCode) });
  }
  if (tools.grep && !isLargest) {
    const out = (await runOnce(`LC_ALL=C grep -oE ${shell(CODE_PATTERN)} ${f} | sort | uniq -c`, { cwd: ROOT, keepStdout: true })).stdout.toString();
    checks.push({ what: 'grep: the same counts as rg', ...sameCounts(uniqCounts(out, codeOfMatch), truth.patternByCode) });
  }
  if (tools.jq && !isLargest) {
    const out = (await runOnce(`jq -R -r ${shell(JQ_PROGRAM)} ${f} | sort | uniq -c`, { cwd: ROOT, keepStdout: true })).stdout.toString();
    checks.push({ what: 'jq: codes in JSON lines = mqerr codes of JSON records', ...sameCounts(uniqCounts(out), truth.jsonByCode) });
  }
  return { mb, bytes: truth.bytes, lines: truth.lines, errors: truth.errors, rows, checks };
}

/** The fast path against the full path (every line decoded and recognized), on the smallest corpus. */
async function compareFastAndFull({ mb, file }) {
  const f = shell(file);
  const checks = [];
  for (const [name, command] of [
    ['scan --format json', `${MQERR} scan --format json ${f} | sha256sum`],
    ['tag', `${MQERR} tag ${f} | sha256sum`],
  ]) {
    log(`${mb} MB: fast path against full path, ${name}`);
    const fast = (await runOnce(command, { cwd: ROOT, keepStdout: true })).stdout.toString();
    const full = (await runOnce(command, { cwd: ROOT, keepStdout: true, env: { MQERR_FAST_PATH: '0' } })).stdout.toString();
    checks.push({ what: `${mb} MB: mqerr ${name} output identical with MQERR_FAST_PATH=0 (every line on the full path)`, ok: fast === full, diff: [] });
  }
  return checks;
}

async function benchGzip(largest) {
  const gz = shell(`${largest.file}.gz`);
  const rows = [];
  log('gzip');
  rows.push({ tool: 'mqerr scan (.gz)', command: `${MQERR} scan --format json ${gz} > /dev/null`, ...(await measure(`${MQERR} scan --format json ${gz} > /dev/null`, { runs, cwd: ROOT })) });
  if (tools.zcat) rows.push({ tool: 'zcat > /dev/null', command: `zcat ${gz} > /dev/null`, ...(await measure(`zcat ${gz} > /dev/null`, { runs, cwd: ROOT })) });
  return { bytes: statSync(`${largest.file}.gz`).size, rawBytes: largest.truth.bytes, rows };
}

async function benchNightly(nightly, facts) {
  const d = shell(nightly);
  log('many files');
  const parallel = { tool: 'mqerr scan DIR', command: `${MQERR} scan --format json ${d} > /dev/null`, ...(await measure(`${MQERR} scan --format json ${d} > /dev/null`, { runs, cwd: ROOT })) };
  const sequential = { tool: 'mqerr scan --jobs 1 DIR', command: `${MQERR} scan --format json --jobs 1 ${d} > /dev/null`, ...(await measure(`${MQERR} scan --format json --jobs 1 ${d} > /dev/null`, { runs, cwd: ROOT })) };
  // The same logs as one stream: what reading them as many files costs on top (target: at most 2 times). Half the
  // files are gzipped: `zcat -f` decompresses those and passes the others through (`cat` would hand mqerr their
  // compressed bytes, which it reports and does not read).
  const catAll = `find ${d} -type f | sort | xargs zcat -f | ${MQERR} scan --format json - > /dev/null`;
  const stdin = { tool: 'the same logs on stdin (zcat -f)', command: catAll, ...(await measure(catAll, { runs, cwd: ROOT })) };
  const a = (await runOnce(`${MQERR} scan --format json ${d}`, { cwd: ROOT, keepStdout: true })).stdout;
  const b = (await runOnce(`${MQERR} scan --format json --jobs 1 ${d}`, { cwd: ROOT, keepStdout: true })).stdout;
  const c = (await runOnce(`${MQERR} tag ${d} | sha256sum`, { cwd: ROOT, keepStdout: true })).stdout;
  const e = (await runOnce(`${MQERR} tag --jobs 1 ${d} | sha256sum`, { cwd: ROOT, keepStdout: true })).stdout;
  const summary = JSON.parse(a.toString('utf8'));
  return {
    facts,
    rows: [parallel, sequential, stdin],
    checks: [
      { what: `${facts.files} files: at most 2 times the stdin time for the same logs`, ok: parallel.median <= 2 * stdin.median, diff: [`${(parallel.median / stdin.median).toFixed(2)} times`] },
      { what: `${facts.files} files: scan output identical with --jobs 1`, ok: a.equals(b), diff: [], identity: true },
      { what: `${facts.files} files: tag output identical with --jobs 1`, ok: c.equals(e), diff: [], identity: true },
      { what: `${facts.files} files: ${facts.errors} errors, ${facts.lines} lines counted`, ok: summary.totals.errors === facts.errors && summary.totals.lines === facts.lines, diff: [`${summary.totals.errors} errors, ${summary.totals.lines} lines`] },
    ],
  };
}

async function benchStartup() {
  log('start-up');
  const rows = [];
  // NODE_EXTRA_CA_CERTS makes every Node process read a CA bundle as it starts: measured both ways when it is set.
  const environments = process.env.NODE_EXTRA_CA_CERTS ? [['', {}], [' (NODE_EXTRA_CA_CERTS unset)', { NODE_EXTRA_CA_CERTS: '' }]] : [['', {}]];
  for (const [note, env] of environments) {
    for (const flag of ['--version', '--help']) {
      rows.push({ tool: `mqerr ${flag}${note}`, command: `${MQERR} ${flag} > /dev/null`, ...(await measure(`${MQERR} ${flag} > /dev/null`, { runs: 10, warmUp: true, cwd: ROOT, env })) });
    }
    rows.push({ tool: `node -e 0${note}`, command: 'node -e 0', ...(await measure('node -e 0', { runs: 10, warmUp: true, cwd: ROOT, env })) });
  }
  return rows;
}

/** How much two threads get done here compared with one, on mqerr's own work (see scaling-probe.mjs). */
async function probeScaling(file) {
  log('two threads against one');
  const out = await runOnce(`node bench/scaling-probe.mjs ${shell(file)}`, { cwd: ROOT, keepStdout: true });
  return JSON.parse(out.stdout.toString());
}

const started = Date.now();
const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: (totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
  os: `${process.platform} ${release()}`,
  loadBefore: loadavg().map((l) => l.toFixed(2)).join(' '),
  gnuTime: GNU_TIME !== null,
  tools,
};
const { corpora, largest, nightly, nightlyFacts } = await prepareCorpus();
machine.scalingBefore = await probeScaling(corpora[0].file);
const results = [];
for (const corpus of corpora) results.push(await benchCorpus(corpus, corpus === largest));
const fastFull = await compareFastAndFull(corpora[0]);
const gzip = await benchGzip(largest);
const many = await benchNightly(nightly, nightlyFacts);
const startup = await benchStartup();
machine.scalingAfter = await probeScaling(corpora[0].file);
machine.loadAfter = loadavg().map((l) => l.toFixed(2)).join(' ');
const seconds = Math.round((Date.now() - started) / 1000);
const file = join(ROOT, 'bench/RESULTS.md');
const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
writeResults(file, { machine, command, runs, slowRuns, results, fastFull, gzip, many, startup, seconds });
log(`wrote ${file} in ${seconds} s`);
