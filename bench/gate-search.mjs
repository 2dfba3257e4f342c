/**
 * The fast path's candidate search, against the literal searches that could
 * replace it: over a corpus cut into 64 KiB blocks, the gate as mqerr runs it
 * (one pass of EVENT_GATE, its words joined as a trie and matched in any
 * case, over a block's Latin-1 view), the same after lower-casing each view
 * (as mqerr ran it before), String
 * indexOf per gate word on the lower-cased view, and Buffer indexOf per word
 * on the raw bytes (lower case only, so not even the same search). Prints
 * the fastest of five passes of each, in ms.
 * Usage: node bench/gate-search.mjs [FILE]
 */
import { readFileSync } from 'node:fs';

const { EVENT_GATE, GATE_WORDS } = await import('../dist/recognition/candidate-gate.js');
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
  'Latin-1 view, one regular expression in any case (as run)': () => {
    let hits = 0;
    for (const b of raw) {
      const text = b.toString('latin1');
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
