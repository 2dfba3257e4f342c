import { compileWasmAt } from './compile-wasm.js';
import { ANY_KEY_CLASS, JsonKeys, KEY_CLASS_SLOTS } from './json-line-shape.js';

/**
 * A word the fast path's gate looks for, in any ASCII case, with any number
 * of the characters of `between` allowed between any two of its characters
 * (`{ text: 'code', between: '-_' }` finds `Err_Code` and `c-o-d-e`). A
 * word beyond ASCII is its UTF-8 bytes, a character each, as a block's
 * Latin-1 view holds it. Recognition hands its words in this form (see LineGate) and builds its
 * regular expression from the same list.
 */
export interface GateWord {
  readonly text: string;
  readonly between: string;
}

/** What LineSearch.json returns for a line with more keys than the module's arrays hold. */
export const TOO_MANY_KEYS = -2;

/** Lines the module writes per call (the size of its result tables). */
const CAP = 8192;
const FIRST = 256;
const RECORDS = 2048;
const RECORDS_END = 65536;
const LOST = 96;
const ENDS = 65536;
const HITS = 98304;
const FIRSTS = 131072;
const LIST = 196608;
const LIST_CAP = 65536;
const KEYS = 458752;
const KEY_ARRAYS = 458816;
const KEY_CAP = 1024;
const KEY_CLASSES = 483392;
const PIPES = 491520;
const INPUT = 524288;
/** Zero bytes after the block: the module reads one vector, and one byte more, past a block's last position. */
const PADDING = 32;
const PAGE = 65536;

let compiled: WebAssembly.Module | null | undefined;

/**
 * Where the module may be, from this module's own place: beside it
 * (dist/lines/), from a bundle one level down in dist/ (the worker thread's,
 * dist/pipeline/), and from src/lines/ (the tests), the build's copy in dist/.
 */
const PLACES = ['./line-search.wasm', '../lines/line-search.wasm', '../../dist/lines/line-search.wasm'];

/**
 * The module assembled from line-search.wat (scripts/assemble-wasm.mjs), or
 * null where it is not there or WebAssembly's SIMD instructions are not (the
 * caller then searches with the gate's regular expression, which finds the
 * same); MQERR_LINE_SEARCH=js asks for the regular expression, to compare the two.
 */
function wasmModule(): WebAssembly.Module | null {
  if (compiled === undefined) compiled = process.env['MQERR_LINE_SEARCH'] === 'js' ? null : compileWasmAt(PLACES, import.meta.url);
  return compiled;
}

/** A table in which every key may be of every class. */
const EVERY_KEY_CLASS = new Uint8Array(KEY_CLASS_SLOTS).fill(ANY_KEY_CLASS);

/** A-Z onto a-z, every other character as it is: how the module compares. */
function fold(c: number): number {
  return c - 0x41 < 26 && c >= 0x41 ? c | 0x20 : c;
}

/**
 * Whether the module finds `words` exactly as their regular expression
 * does: words of printable ASCII characters and bytes beyond ASCII (a
 * word's UTF-8 bytes, a character each), separators of printable ASCII, no
 * character of a word also one of its own separators (where `[-_]*` would
 * have to give back what it took).
 */
function searchable(words: readonly GateWord[]): boolean {
  if (words.length === 0) return false;
  return words.every(({ text, between }) => {
    if (text.length === 0 || text.length > 255 || between.length > 255) return false;
    const printable = (s: string): boolean => [...s].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) < 0x7f);
    const byte = (s: string): boolean => [...s].every((c) => (c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) < 0x7f) || (c.charCodeAt(0) >= 0x80 && c.charCodeAt(0) <= 0xff));
    if (!byte(text) || !printable(between)) return false;
    const separators = new Set([...between].map((c) => fold(c.charCodeAt(0))));
    return ![...text].some((c) => separators.has(fold(c.charCodeAt(0))));
  });
}

/**
 * The lines of a block and the first gate hit on each, found in one pass
 * over the block's bytes by line-search.wat (128-bit SIMD): positions are
 * those of the block's Latin-1 view, where a character is a byte. The same
 * answers as the gate's regular expression over that view (held to it by
 * test/unit/line-search.test.ts), for a fraction of its time.
 * @example
 * const search = LineSearch.of([{ text: 'error', between: '' }])!;
 * search.load(Buffer.from('ok\nan ERROR\n'), 0, 12);
 * const n = search.scan(0); // 3: ends [2, 11, 12], hits [-1, 6, -1], pipes [-1, -1, -1], firsts [0, 0, 1, 1], list [6]
 */
export class LineSearch {
  /** Each line's end (its newline's position, or the block's length for its last line), for the lines of the last scan. */
  ends!: Int32Array;
  /** Each line's first hit, -1 for none. */
  hits!: Int32Array;
  /** Where each line's first `|` is, -1 for none. */
  pipes!: Int32Array;
  /**
   * Where each line's hits start in `list`: line i's are
   * `list[firsts[i], firsts[i + 1])`, all of them unless `lost()`.
   */
  firsts!: Int32Array;
  /** Every hit of the last scan, in order. */
  list!: Int32Array;
  /** The keys of the JSON line the last json() call read (their arrays are views of the module's memory). */
  readonly keys = new JsonKeys();
  private words!: Int32Array;
  private keyHeader!: Int32Array;
  private bytes!: Uint8Array;
  private length = 0;
  private readonly scanBlock: (len: number, from: number) => number;
  private readonly jsonBlock: (at: number, len: number) => number;

  private constructor(
    private readonly memory: WebAssembly.Memory,
    scan: (len: number, from: number) => number,
    json: (at: number, len: number) => number,
  ) {
    this.scanBlock = scan;
    this.jsonBlock = json;
    this.view();
  }

  private static made = new WeakMap<readonly GateWord[], WeakMap<Uint8Array, LineSearch | null>>();

  /**
   * The search for `words`, made once per list and table; null where the
   * module cannot serve (see searchable, wasmModule). `keyClasses`: the
   * table of key classes (KEY_CLASS_SLOTS bytes, see keyClassSlot) the JSON
   * walk sums a line's keys' classes from; without one, every key may be of
   * every class.
   */
  static of(words: readonly GateWord[], keyClasses: Uint8Array = EVERY_KEY_CLASS): LineSearch | null {
    let forWords = LineSearch.made.get(words);
    if (!forWords) LineSearch.made.set(words, (forWords = new WeakMap()));
    let search = forWords.get(keyClasses);
    if (search === undefined) {
      if (keyClasses.length !== KEY_CLASS_SLOTS) throw new Error(`a table of key classes has ${KEY_CLASS_SLOTS} slots, not ${keyClasses.length}`);
      const module = searchable(words) ? wasmModule() : null;
      search = module && LineSearch.instantiate(module, words, keyClasses);
      forWords.set(keyClasses, search);
    }
    return search;
  }

  private static instantiate(module: WebAssembly.Module, words: readonly GateWord[], keyClasses: Uint8Array): LineSearch | null {
    let instance: WebAssembly.Instance;
    try {
      instance = new WebAssembly.Instance(module, {});
    } catch {
      return null;
    }
    const memory = instance.exports['memory'] as WebAssembly.Memory;
    if (!writeTables(new Uint8Array(memory.buffer), words)) return null;
    new Uint8Array(memory.buffer).set(keyClasses, KEY_CLASSES);
    const { scan, json } = instance.exports as { scan: (len: number, from: number) => number; json: (at: number, len: number) => number };
    return new LineSearch(memory, scan, json);
  }

  /** Copies `buf[start, end)` in, for scan(). */
  load(buf: Uint8Array, start: number, end: number): void {
    const length = end - start;
    const needed = INPUT + length + PADDING;
    if (needed > this.memory.buffer.byteLength) {
      this.memory.grow(Math.ceil((needed - this.memory.buffer.byteLength) / PAGE));
      this.view();
    }
    this.bytes.set(buf.subarray(start, end), INPUT);
    this.bytes.fill(0, INPUT + length, INPUT + length + PADDING);
    this.length = length;
  }

  /**
   * Finds the lines of the loaded block from `from` (0, or one past the
   * last end of the previous call) and returns how many it wrote to `ends`
   * and `hits`: at most 8,192, the block's last line being written only
   * by the call that reaches the end.
   */
  scan(from: number): number {
    return this.scanBlock(this.length, from);
  }

  /**
   * jsonObjectEnd (json-line-shape.ts) for the loaded block's Latin-1 view at
   * `at`, byte for byte, its keys read into `keys`: the index just past the
   * object, -1 when there is none of the accepted shape there, or
   * TOO_MANY_KEYS when its keys do not fit the module's arrays (the caller
   * then reads the line with jsonObjectEnd).
   */
  json(at: number): number {
    const end = this.jsonBlock(at, this.length);
    const { keys, keyHeader } = this;
    keys.count = keyHeader[0]!;
    keys.underscoreString = keyHeader[1] !== 0;
    keys.classes = keyHeader[2]!;
    return end;
  }

  private view(): void {
    const { buffer } = this.memory;
    this.bytes = new Uint8Array(buffer);
    this.ends = new Int32Array(buffer, ENDS, CAP);
    this.hits = new Int32Array(buffer, HITS, CAP);
    this.pipes = new Int32Array(buffer, PIPES, CAP);
    this.firsts = new Int32Array(buffer, FIRSTS, CAP + 1);
    this.list = new Int32Array(buffer, LIST, LIST_CAP);
    this.words = new Int32Array(buffer, 0, 64);
    this.keyHeader = new Int32Array(buffer, KEYS, 3);
    const keyArray = (n: number): Int32Array<ArrayBuffer> => new Int32Array(buffer, KEY_ARRAYS + n * KEY_CAP * 4, KEY_CAP);
    const { keys } = this;
    keys.starts = keyArray(0);
    keys.ends = keyArray(1);
    keys.gaps = keyArray(2);
    keys.lastDots = keyArray(3);
    keys.depths = keyArray(4);
    keys.values = keyArray(5);
  }

  /** Whether the last scan found more hits than `list` holds (its lines' hits after the first are then to be searched for). */
  lost(): boolean {
    return this.words[LOST / 4] !== 0;
  }
}

/**
 * The module's tables for `words` (layout in line-search.wat): words are put
 * in up to eight groups by their first byte, folded; a group's bits mark in
 * the nibble tables the first bytes and the second bytes (a word's second
 * character or one of its separators; any byte, for a word of one
 * character) of its words. False if the records do not fit.
 */
function writeTables(memory: Uint8Array, words: readonly GateWord[]): boolean {
  const group = new Map<number, number>();
  let at = RECORDS;
  const dv = new DataView(memory.buffer);
  for (const { text, between } of words) {
    const chars = [...text].map((c) => fold(c.charCodeAt(0)));
    const separators = [...between].map((c) => fold(c.charCodeAt(0)));
    const first = chars[0]!;
    if (!group.has(first)) group.set(first, group.size % 8);
    const bit = 1 << group.get(first)!;
    mark(memory, first & 15, bit);
    mark(memory, 16 + (first >> 4), bit);
    // The bytes a word may have second and third: its next characters, or separators before them.
    const seconds = chars.length < 2 ? null : [chars[1]!, ...separators];
    const thirds = chars.length < 3 ? null : [chars[2]!, ...(separators.length > 0 ? [chars[1]!, ...separators] : [])];
    markNibbles(memory, 32, seconds, bit);
    markNibbles(memory, 64, thirds, bit);
    // The word's record, put at the head of its first byte's list.
    const size = 12 + separators.length + chars.length;
    if (at + size > RECORDS_END) return false;
    dv.setInt32(at, dv.getInt32(FIRST + first * 4, true), true);
    dv.setInt32(at + 4, chars.length, true);
    dv.setInt32(at + 8, separators.length, true);
    memory.set(separators, at + 12);
    memory.set(chars, at + 12 + separators.length);
    dv.setInt32(FIRST + first * 4, at, true);
    at += (size + 3) & ~3;
  }
  return true;
}

/** Marks `bytes` (null: any byte) for a group in the nibble tables at `at`. */
function markNibbles(memory: Uint8Array, at: number, bytes: readonly number[] | null, bit: number): void {
  for (let n = 0; n < 16; n++) {
    if (bytes === null || bytes.some((c) => (c & 15) === n)) mark(memory, at + n, bit);
    if (bytes === null || bytes.some((c) => c >> 4 === n)) mark(memory, at + 16 + n, bit);
  }
}

function mark(memory: Uint8Array, at: number, bit: number): void {
  memory[at] = memory[at]! | bit;
}
