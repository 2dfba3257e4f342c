/** Writes bench/RESULTS.md from the figures bench/run.mjs measured. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { CODE_PATTERN, JQ_PROGRAM } from './corpus.mjs';

const s = (seconds) => (seconds < 1 ? `${(seconds * 1000).toFixed(0)} ms` : `${seconds.toFixed(2)} s`);
const mbps = (bytes, seconds) => (bytes / 1e6 / seconds).toFixed(0);
const rate = (n, seconds) => {
  const v = n / seconds;
  return v >= 1e6 ? `${(v / 1e6).toFixed(2)} M` : `${(v / 1e3).toFixed(0)} k`;
};
const rss = (kb) => (kb === null ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);
const wall = (row) => `${s(row.median)} (${s(row.min)}–${s(row.max)})`;
const yes = (ok) => (ok ? '**met**' : '**not met**');

function targets({ results, gzip, many, startup, fastFull }) {
  const largest = results[results.length - 1];
  const row = (r, tool) => r.rows.find((x) => x.tool === tool);
  const scan = row(largest, 'mqerr scan');
  const tag = row(largest, 'mqerr tag');
  const rg = row(largest, 'rg | sort | uniq -c');
  const jq = row(largest, 'jq | sort | uniq -c');
  const out = [];
  if (rg) {
    const ratio = scan.median / rg.median;
    out.push([`scan on ${largest.mb} MB ≤ 1.5 × the rg pipeline`, `${s(scan.median)} vs ${s(rg.median)}: ${ratio.toFixed(2)} ×`, yes(ratio <= 1.5), ratio <= 1.5 ? '' : `${((ratio / 1.5 - 1) * 100).toFixed(0)}% over`]);
  } else out.push(['scan ≤ 1.5 × the rg pipeline', 'rg is not installed', 'not measured', '']);
  if (jq) {
    const ratio = jq.median / scan.median;
    out.push([`scan on ${largest.mb} MB ≥ 5 × faster than jq`, `${ratio.toFixed(1)} × faster`, yes(ratio >= 5), '']);
  } else out.push(['scan ≥ 5 × faster than jq', 'jq is not installed', 'not measured', '']);
  const single = row(largest, 'mqerr scan --jobs 1');
  if (single) {
    const perCore = largest.bytes / 1e6 / single.median;
    const threads = largest.bytes / 1e6 / scan.median;
    out.push([`scan on one thread (--jobs 1, ${largest.mb} MB): MB/s per core`, `${perCore.toFixed(0)} MB/s on one thread; ${threads.toFixed(0)} MB/s with every core (${(threads / perCore).toFixed(2)} ×)`, 'figure', '']);
  }
  const tagRate = largest.bytes / 1e6 / tag.median;
  out.push([`tag ≥ 150 MB/s (${largest.mb} MB)`, `${tagRate.toFixed(0)} MB/s`, yes(tagRate >= 150), tagRate >= 150 ? '' : `${((1 - tagRate / 150) * 100).toFixed(0)}% short`]);
  for (const tool of ['mqerr scan', 'mqerr tag', 'mqerr tag | sha256sum']) {
    const peaks = results.map((r) => row(r, tool)?.rssKb ?? null);
    if (peaks.includes(null)) {
      out.push([`${tool}: peak RSS ≤ 150 MB, flat`, 'GNU time is not installed', 'not measured', '']);
      continue;
    }
    const top = Math.max(...peaks) / 1024;
    const flat = Math.max(...peaks) / Math.min(...peaks);
    out.push([`${tool}: peak RSS ≤ 150 MB, flat across sizes`, `${peaks.map((k) => rss(k)).join(' / ')} (${results.map((r) => `${r.mb} MB`).join(' / ')})`, yes(top <= 150 && flat <= 1.25), [top <= 150 ? '' : `${(top - 150).toFixed(0)} MB over`, flat <= 1.25 ? '' : `largest ${((flat - 1) * 100).toFixed(0)}% above smallest`].filter(Boolean).join('; ')]);
  }
  const gzScan = gzip.rows.find((r) => r.tool === 'mqerr scan (.gz)');
  const zcat = gzip.rows.find((r) => r.tool === 'zcat > /dev/null');
  if (zcat) {
    const ratio = gzScan.median / zcat.median;
    out.push(['.gz ≤ 1.5 × zcat', `${s(gzScan.median)} vs ${s(zcat.median)}: ${ratio.toFixed(2)} ×`, yes(ratio <= 1.5), ratio <= 1.5 ? '' : `${((ratio / 1.5 - 1) * 100).toFixed(0)}% over`]);
  }
  const [par, seq] = many.rows;
  // Only the outputs' checks say whether they are identical; the time check has its own line among the checks.
  const identical = many.checks.filter((c) => c.identity).every((c) => c.ok);
  out.push([`${many.facts.files} files in parallel, output identical to --jobs 1`, `${s(par.median)} vs ${s(seq.median)} on one thread (${(seq.median / par.median).toFixed(2)} ×); ${identical ? 'identical' : 'DIFFERENT'}`, yes(identical && par.median < seq.median), '']);
  for (const r of startup.filter((x) => x.tool.startsWith('mqerr'))) {
    if (r.tool.includes('unset')) {
      out.push([`\`${r.tool.replace(' (NODE_EXTRA_CA_CERTS unset)', '')}\` ≤ 150 ms, NODE_EXTRA_CA_CERTS unset`, s(r.median), yes(r.median <= 0.15), r.median <= 0.15 ? '' : `${((r.median - 0.15) * 1000).toFixed(0)} ms over`]);
      continue;
    }
    out.push([`\`${r.tool}\` ≤ 150 ms`, s(r.median), yes(r.median <= 0.15), r.median <= 0.15 ? '' : `${((r.median - 0.15) * 1000).toFixed(0)} ms over`]);
  }
  const same = fastFull.every((c) => c.ok);
  out.push(['fast path = full path', same ? 'identical output' : 'DIFFERENT output', yes(same), '']);
  return out;
}

/** A table cell's text: a pipe in a tool's command is the text's, not a column's end. */
const cell = (text) => text.replaceAll('|', '\\|');

export function writeResults(file, data) {
  const { machine, command, runs, slowRuns, results, fastFull, gzip, many, startup, seconds } = data;
  const lines = [];
  lines.push('# Benchmark results', '');
  lines.push(`Written by \`${command}\` (${seconds} s on this machine). Reproduce on a clean clone with \`npm ci && ${command}\`;`);
  lines.push('the corpus is generated (seed 42) into bench/corpus/, which git ignores.', '');
  lines.push('| Machine | |', '|---|---|');
  lines.push(`| CPU | ${machine.cores} cores, ${machine.cpu} |`);
  lines.push(`| Memory | ${machine.memoryGiB} GiB |`);
  lines.push(`| Node.js | ${machine.node} |`);
  lines.push(`| OS | ${machine.os} |`);
  lines.push(`| Load average (1, 5, 15 min) | before ${machine.loadBefore}; after ${machine.loadAfter} |`);
  const scaling = (p) => `${p.oneThreadMBps.toFixed(0)} MB/s on one thread, ${p.twoThreadsMBps.toFixed(0)} MB/s on two (${p.speedup.toFixed(2)} ×)`;
  lines.push(`| Two threads against one ([scaling-probe.mjs](scaling-probe.mjs), in memory) | before: ${scaling(machine.scalingBefore)}; after: ${scaling(machine.scalingAfter)} |`);
  lines.push(`| Peers | ${Object.entries(machine.tools).map(([t, ok]) => `${t} ${ok ? 'yes' : 'not installed (skipped)'}`).join(', ')}; GNU time ${machine.gnuTime ? 'yes' : 'not installed (no RSS)'} |`);
  lines.push('');
  lines.push('## Targets', '');
  lines.push('| Target | Measured | | |', '|---|---|---|---|');
  for (const [what, measured, verdict, by] of targets(data)) lines.push(`| ${cell(what)} | ${measured} | ${verdict} | ${by} |`);
  lines.push('');
  const bounds = new URL('./bounds.md', import.meta.url);
  if (existsSync(bounds)) lines.push(readFileSync(bounds, 'utf8').trim(), '');
  lines.push('## Throughput and memory', '');
  lines.push(`Wall time is the median of ${runs} runs (jq and grep: ${slowRuns}), with the fastest and slowest in brackets; MB are 10⁶ bytes;`);
  lines.push('CPU is user + system time; peak RSS is the largest process of the command (GNU time `%M`). Files are read from the page cache.', '');
  for (const r of results) {
    const scan = r.rows.find((x) => x.tool === 'mqerr scan');
    lines.push(`### ${r.mb} MB corpus: ${r.lines.toLocaleString('en')} lines, ${r.errors.toLocaleString('en')} API errors`, '');
    lines.push('| Tool | Measures | Wall | MB/s | lines/s | CPU | Peak RSS | mqerr scan ÷ tool |', '|---|---|---|---|---|---|---|---|');
    for (const row of r.rows) {
      lines.push(`| \`${cell(row.tool)}\` | ${row.what} | ${wall(row)} | ${mbps(r.bytes, row.median)} | ${rate(r.lines, row.median)} | ${row.cpu === null ? 'n/a' : s(row.cpu)} | ${rss(row.rssKb)} | ${(scan.median / row.median).toFixed(2)} |`);
    }
    lines.push('');
  }
  lines.push(`### gzip: ${(gzip.bytes / 1e6).toFixed(0)} MB compressed, ${(gzip.rawBytes / 1e6).toFixed(0)} MB of logs`, '');
  lines.push('| Command | Wall | MB/s of logs | CPU | Peak RSS |', '|---|---|---|---|---|');
  for (const row of gzip.rows) lines.push(`| \`${cell(row.tool)}\` | ${wall(row)} | ${mbps(gzip.rawBytes, row.median)} | ${row.cpu === null ? 'n/a' : s(row.cpu)} | ${rss(row.rssKb)} |`);
  lines.push('');
  lines.push(`### A nightly directory: ${many.facts.files} files (half gzip), ${(many.facts.bytes / 1e6).toFixed(0)} MB on disk, ${many.facts.lines.toLocaleString('en')} lines`, '');
  lines.push('| Command | Wall | CPU | Peak RSS |', '|---|---|---|---|');
  for (const row of many.rows) lines.push(`| \`${cell(row.tool)}\` | ${wall(row)} | ${row.cpu === null ? 'n/a' : s(row.cpu)} | ${rss(row.rssKb)} |`);
  lines.push('');
  lines.push('### Start-up (median of 10 runs after one warm-up)', '');
  lines.push('| Command | Wall | Peak RSS |', '|---|---|---|');
  for (const row of startup) lines.push(`| \`${cell(row.tool)}\` | ${wall(row)} | ${rss(row.rssKb)} |`);
  lines.push('');
  lines.push('## Agreement checks', '');
  lines.push('Each tool is checked against the counts the corpus generator wrote down, where it measures the same thing.', '');
  for (const check of [...results.flatMap((r) => r.checks.map((c) => ({ ...c, what: `${r.mb} MB: ${c.what}` }))), ...fastFull, ...many.checks]) {
    lines.push(`- ${check.ok ? 'agree' : '**DISAGREE**'}: ${check.what}${check.ok || check.diff.length === 0 ? '' : ` (${check.diff.slice(0, 5).join('; ')})`}`);
  }
  lines.push('');
  lines.push('## What each peer runs', '');
  lines.push('The rg and grep pattern was written for this corpus\'s shapes (one match per error record); it finds codes, not RequestIds, vendors or');
  lines.push('categories, and knows nothing of multi-line records. jq sees only the JSON lines.', '');
  lines.push('```sh');
  lines.push(`rg -o '${CODE_PATTERN}' FILE | sort | uniq -c`);
  lines.push(`LC_ALL=C grep -oE '${CODE_PATTERN}' FILE | sort | uniq -c`);
  lines.push(`jq -R -r '${JQ_PROGRAM}' FILE | sort | uniq -c`);
  lines.push('```', '');
  writeFileSync(file, lines.join('\n'));
}
