/**
 * The fast path's candidate search, against the searches that could
 * replace it: over a corpus cut into 64 KiB blocks, the gate as mqerr runs it
 * (src/lines/line-search.wat: the block's lines and every start of a gate
 * word on them, in one SIMD pass over its bytes; it counts every start, so
 * overlapping matches count more than once), its fallback (one pass of
 * EVENT_GATE, its words joined as a trie and matched in any case, over a
 * block's Latin-1 view, with the line search beside it), the same after
 * lower-casing each view (as mqerr ran it before), String indexOf per gate
 * word on the lower-cased view, and Buffer indexOf per word on the raw
 * bytes (lower case only, so not even the same search). Prints the fastest
 * of five passes of each, in ms.
 * Usage: node bench/gate-search.mjs [FILE]
 */
import { readFileSync } from 'node:fs';

const { EVENT_GATE, EVENT_GATE_WORDS, GATE_WORDS } = await import('../dist/recognition/candidate-gate.js');
const { LineSearch } = await import('../dist/lines/line-search.js');
const search = LineSearch.of(EVENT_GATE_WORDS);
if (!search) throw new Error('the WebAssembly search is not built: npm run build');
const LOWER_CASED = new RegExp(EVENT_GATE.source, 'g');
const file = process.argv[2] ?? new URL('corpus/mixed-30mb.log', import.meta.url).pathname;
const buf = readFileSync(file);
const BLOCK = 64 << 10;
const words = [...GATE_WORDS, '\\u'];
const raw = [];
for (let i = 0; i < buf.length; i += BLOCK) raw.push(buf.subarray(i, i + BLOCK));
const lowered = raw.map((b) => b.toString('latin1').toLowerCase());
const wordBytes = words.map((w) => Buffer.from(w));

const ways = {
  'WebAssembly, lines and every word start, raw bytes (as run)': () => {
    let hits = 0;
    for (const b of raw) {
      search.load(b, 0, b.length);
      for (let from = 0; ; ) {
        const lines = search.scan(from);
        hits += search.firsts[lines] - search.firsts[0];
        const last = search.ends[lines - 1];
        if (last === b.length) break;
        from = last + 1;
      }
    }
    return hits;
  },
  'Latin-1 view, one regular expression in any case, and the lines (the fallback)': () => {
    let hits = 0;
    for (const b of raw) {
      const text = b.toString('latin1');
      for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1));
      EVENT_GATE.lastIndex = 0;
      while (EVENT_GATE.exec(text)) hits++;
    }
    return hits;
  },
  'Latin-1 view, lower-cased, one regular expression': () => {
    let hits = 0;
    for (const b of raw) {
      const text = b.toString('latin1').toLowerCase();
      LOWER_CASED.lastIndex = 0;
      while (LOWER_CASED.exec(text)) hits++;
    }
    return hits;
  },
  'String indexOf per word, on views already lower-cased': () => {
    let hits = 0;
    for (const text of lowered) for (const w of words) for (let p = text.indexOf(w); p >= 0; p = text.indexOf(w, p + 1)) hits++;
    return hits;
  },
  'Buffer indexOf per word, raw bytes, lower case only': () => {
    let hits = 0;
    for (const b of raw) for (const w of wordBytes) for (let p = b.indexOf(w); p >= 0; p = b.indexOf(w, p + 1)) hits++;
    return hits;
  },
};
for (const [name, run] of Object.entries(ways)) {
  let best = Infinity;
  let hits = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    hits = run();
    best = Math.min(best, performance.now() - t0);
  }
  console.log(JSON.stringify({ way: name, mb: +(buf.length / 1e6).toFixed(0), ms: +best.toFixed(0), hits }));
}
