import { anyCaseAnchors } from './anchor-test.js';

/** A text to find: `anyCase` compares ASCII letters in either case, as a pattern's `i` flag does without `u`. */
export interface Literal {
  text: string;
  anyCase: boolean;
}

/**
 * Characters in about the order of how often they come in log text, the
 * commonest first; any other character is rarer than all of these. Only
 * the choice of each literal's pair depends on it, never what is found.
 */
const COMMON = ' eaotinsr"ldc:u.m0p-1,2h/3g_f5498=76yTbEwSvIRACkDNOLPM{}x[]()UGB\'FHqjKz';
/** A literal is filed under one pair of its characters: the table's key is both codes' low bytes. */
const PAIRS = 1 << 16;

/**
 * Which of a fixed set of literals a text holds, found in one pass over the
 * text instead of one search per literal. Each literal of two characters or
 * more is filed under one pair of its characters, the rarest by COMMON (a
 * literal in any case under every case of that pair); the pass looks up
 * each pair of the text in a table and compares only the literals filed
 * under it, in place. Shorter literals are searched for alone.
 * @example new LiteralSet() — add('Exception', false), add('request', true) — then .index().holds('X-Request-Id: 1')
 */
export class LiteralIndex {
  /** Pair → 1 + its bucket, 0 for a pair no literal is filed under. */
  private readonly table = new Uint16Array(PAIRS);
  /** Bucket b's entries are [bucketStarts[b], bucketStarts[b + 1]): a literal and where its pair stands in it. */
  private readonly bucketStarts: Int32Array;
  private readonly entryIds: Int32Array;
  private readonly entryOffsets: Int32Array;
  /** Per literal, its text: as given, or in lower case for one compared in any case. */
  private readonly texts: readonly string[];
  private readonly anyCase: readonly boolean[];
  /** Literals too short for a pair, or in any case with characters beyond ASCII: each searched for alone. */
  private readonly alone: readonly { id: number; test: (text: string) => boolean }[];
  private readonly found: Uint8Array;
  private last: string | null = null;

  constructor(literals: readonly Literal[]) {
    this.texts = literals.map((l) => (l.anyCase ? asciiLowerCase(l.text) : l.text));
    this.anyCase = literals.map((l) => l.anyCase);
    this.found = new Uint8Array(literals.length);
    const filed = new Map<number, { id: number; offset: number }[]>();
    const alone: { id: number; test: (text: string) => boolean }[] = [];
    literals.forEach((literal, id) => {
      if (literal.text.length < 2 || (literal.anyCase && !isAscii(literal.text))) return void alone.push({ id, test: searchAlone(literal) });
      const offset = rarestPair(literal.text);
      for (const key of pairKeys(literal.text, offset, literal.anyCase)) {
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
    found.fill(0);
    for (const { id, test } of this.alone) if (test(text)) found[id] = 1;
    const n = text.length;
    let previous = n > 0 ? text.charCodeAt(0) & 0xff : 0;
    for (let i = 1; i < n; i++) {
      const c = text.charCodeAt(i) & 0xff;
      const bucket = table[(previous << 8) | c]!;
      previous = c;
      if (bucket === 0) continue;
      for (let e = bucketStarts[bucket - 1]!, end = bucketStarts[bucket]!; e < end; e++) {
        const id = entryIds[e]!;
        if (found[id] === 1) continue;
        const at = i - 1 - entryOffsets[e]!;
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

  index(): LiteralIndex {
    return new LiteralIndex(this.literals);
  }
}

/** Where in `text` its rarest pair of characters starts (by COMMON; the first of equals). */
function rarestPair(text: string): number {
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i + 1 < text.length; i++) {
    const score = rarity(text.charCodeAt(i)) + rarity(text.charCodeAt(i + 1));
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

/** The table keys of the pair at `offset`: in every case of its ASCII letters when `anyCase`. */
function pairKeys(text: string, offset: number, anyCase: boolean): number[] {
  const cases = (code: number): number[] => {
    const c = String.fromCharCode(code);
    const lower = c.toLowerCase().charCodeAt(0);
    const upper = c.toUpperCase().charCodeAt(0);
    return anyCase && isAsciiLetter(code) ? [lower, upper] : [code];
  };
  const keys = new Set<number>();
  for (const a of cases(text.charCodeAt(offset))) for (const b of cases(text.charCodeAt(offset + 1))) keys.add(((a & 0xff) << 8) | (b & 0xff));
  return [...keys];
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
