import { anyCaseAnchors } from './anchor-test.js';
import { WasmLiteralScan } from './literal-scan.js';

/** A text to find: `anyCase` compares ASCII letters in either case, as a pattern's `i` flag does without `u`. */
export interface Literal {
  text: string;
  anyCase: boolean;
}

/**
 * Characters in about the order of how often they come in log text, the
 * commonest first; any other character is rarer than all of these. Only
 * the choice of each literal's three characters depends on it, never what is found.
 */
const COMMON = ' eaotinsr"ldc:u.m0p-1,2h/3g_f5498=76yTbEwSvIRACkDNOLPM{}x[]()UGB\'FHqjKz';
/**
 * A literal is filed under three characters in a row, by a key made of
 * their low bytes, each shifted by KEY_SHIFT over the one before; a pass
 * keeps the key of the last three characters as it goes. Different rows
 * may share a key: that costs only a comparison.
 */
const KEY_BITS = 15;
const KEY_MASK = (1 << KEY_BITS) - 1;
const KEY_SHIFT = 5;
/** The length of a row a literal is filed under. */
const ROW = 3;

/**
 * Which of a fixed set of literals a text holds, found in one pass over the
 * text instead of one search per literal. Each literal of three characters
 * or more is filed under three characters in a row, the rarest by COMMON (a
 * literal in any case under every case of them); the pass looks up each
 * three characters of the text in a table and compares only the literals
 * filed under them, in place. Shorter literals are searched for alone.
 * @example const set = new LiteralSet(); const id = set.add('request', true); set.index().holds('X-Request-Id: 1')[id] // 1
 */
export class LiteralIndex {
  /** Key of three characters → 1 + its bucket, 0 for a key no literal is filed under. */
  private readonly table = new Uint16Array(KEY_MASK + 1);
  /** Bucket b's entries are [bucketStarts[b], bucketStarts[b + 1]): a literal and where its three characters stand in it. */
  private readonly bucketStarts: Int32Array;
  private readonly entryIds: Int32Array;
  private readonly entryOffsets: Int32Array;
  /** Per literal, its text: as given, or in lower case for one compared in any case. */
  private readonly texts: readonly string[];
  private readonly anyCase: readonly boolean[];
  /** Literals too short for a row, or in any case with characters beyond ASCII: each searched for alone. */
  private readonly alone: readonly { id: number; test: (text: string) => boolean }[];
  private readonly found: Uint8Array;
  /** The same pass in WebAssembly, where the module can be had (see WasmLiteralScan). */
  private readonly wasm: WasmLiteralScan | null;
  private last: string | null = null;

  /** `wasm: false` makes the pass in JavaScript alone (to compare the two). */
  constructor(literals: readonly Literal[], { wasm = true }: { wasm?: boolean } = {}) {
    this.texts = literals.map((l) => (l.anyCase ? asciiLowerCase(l.text) : l.text));
    this.anyCase = literals.map((l) => l.anyCase);
    this.found = new Uint8Array(literals.length);
    const filed = new Map<number, { id: number; offset: number }[]>();
    const alone: { id: number; test: (text: string) => boolean }[] = [];
    literals.forEach((literal, id) => {
      if (literal.text.length < ROW || (literal.anyCase && !isAscii(literal.text))) return void alone.push({ id, test: searchAlone(literal) });
      const offset = rarestRow(literal.text);
      for (const key of rowKeys(literal.text, offset, literal.anyCase)) {
        const bucket = filed.get(key) ?? [];
        bucket.push({ id, offset });
        filed.set(key, bucket);
      }
    });
    this.alone = alone;
    this.bucketStarts = new Int32Array(filed.size + 1);
    const entries = [...filed.values()].flat();
    this.entryIds = Int32Array.from(entries, (e) => e.id);
    this.entryOffsets = Int32Array.from(entries, (e) => e.offset);
    let b = 0;
    for (const [key, bucket] of filed) {
      this.table[key] = b + 1;
      this.bucketStarts[b + 1] = this.bucketStarts[b]! + bucket.length;
      b++;
    }
    this.wasm = wasm ? WasmLiteralScan.of({ table: this.table, bucketStarts: this.bucketStarts, entryIds: this.entryIds, entryOffsets: this.entryOffsets, texts: this.texts, anyCase: this.anyCase }) : null;
  }

  /** Whether the pass runs in WebAssembly. */
  get inWasm(): boolean {
    return this.wasm !== null;
  }

  /** How many literals the index holds (their ids are 0 to size − 1). */
  get size(): number {
    return this.texts.length;
  }

  /**
   * Per literal id, 1 when the text holds the literal, else 0. The array is
   * the index's own, refilled by the next call with another text: read it
   * before scanning another.
   */
  holds(text: string): Uint8Array {
    if (text === this.last) return this.found;
    const { found, table, bucketStarts, entryIds, entryOffsets } = this;
    // Forgotten until the answer is whole: a pass that throws leaves nothing to be taken for it.
    this.last = null;
    if (this.wasm !== null) found.set(this.wasm.scan(text));
    else found.fill(0);
    for (const { id, test } of this.alone) if (test(text)) found[id] = 1;
    if (this.wasm !== null) {
      this.last = text;
      return found;
    }
    const n = text.length;
    let key = 0;
    for (let i = 0; i < n; i++) {
      key = ((key << KEY_SHIFT) ^ (text.charCodeAt(i) & 0xff)) & KEY_MASK;
      const bucket = table[key]!;
      if (bucket === 0 || i < ROW - 1) continue;
      for (let e = bucketStarts[bucket - 1]!, end = bucketStarts[bucket]!; e < end; e++) {
        const id = entryIds[e]!;
        if (found[id] === 1) continue;
        const at = i - (ROW - 1) - entryOffsets[e]!;
        if (at >= 0 && this.matchesAt(text, at, id)) found[id] = 1;
      }
    }
    this.last = text;
    return found;
  }

  private matchesAt(text: string, at: number, id: number): boolean {
    const literal = this.texts[id]!;
    if (!this.anyCase[id]) return text.startsWith(literal, at);
    if (at + literal.length > text.length) return false;
    for (let j = 0; j < literal.length; j++) {
      const want = literal.charCodeAt(j);
      const c = text.charCodeAt(at + j);
      if (c !== want && !(want >= 0x61 && want <= 0x7a && c === want - 0x20)) return false;
    }
    return true;
  }
}

/**
 * Collects literals, each once (the same text in the same case gets the
 * same id), for the parts of recognition that search for them; then
 * builds the one index they all read.
 */
export class LiteralSet {
  private readonly literals: Literal[] = [];
  private readonly ids = new Map<string, number>();

  /** The id of `text` (compared in any case when `anyCase`), added if new. */
  add(text: string, anyCase: boolean): number {
    // In any case, only ASCII letters are one (`K` and the Kelvin sign are not: see LiteralIndex).
    const key = anyCase ? `i${asciiLowerCase(text)}` : `s${text}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.literals.length;
      this.literals.push({ text, anyCase });
      this.ids.set(key, id);
    }
    return id;
  }

  index(options?: { wasm?: boolean }): LiteralIndex {
    return new LiteralIndex(this.literals, options);
  }
}

/** Where in `text` its rarest three characters in a row start (by COMMON; the first of equals). */
function rarestRow(text: string): number {
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i + ROW <= text.length; i++) {
    let score = 0;
    for (let j = i; j < i + ROW; j++) score += rarity(text.charCodeAt(j));
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

function rarity(code: number): number {
  const at = COMMON.indexOf(String.fromCharCode(code));
  return at < 0 ? COMMON.length : at;
}

/** The table keys of the three characters at `offset`: in every case of their ASCII letters when `anyCase`. */
function rowKeys(text: string, offset: number, anyCase: boolean): number[] {
  let keys = [0];
  for (let j = offset; j < offset + ROW; j++) {
    const code = text.charCodeAt(j);
    const cases = anyCase && isAsciiLetter(code) ? [code | 0x20, code & ~0x20] : [code];
    keys = keys.flatMap((key) => cases.map((c) => ((key << KEY_SHIFT) ^ (c & 0xff)) & KEY_MASK));
  }
  return [...new Set(keys)];
}

/** A literal's own search: `includes`, or the pattern an anchor in any case is. */
function searchAlone({ text, anyCase }: Literal): (text: string) => boolean {
  if (!anyCase) return (t) => t.includes(text);
  const pattern = anyCaseAnchors({ anchors: [text] });
  return (t) => pattern.test(t);
}

function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
