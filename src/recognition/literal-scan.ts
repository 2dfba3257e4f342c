import { compileWasmAt } from '../lines/compile-wasm.js';

/** The filed literals, as LiteralIndex lays them out (see literal-index.wat for what each array holds). */
export interface FiledLiterals {
  table: Uint16Array;
  bucketStarts: Int32Array;
  entryIds: Int32Array;
  entryOffsets: Int32Array;
  /** Per literal, its text as it is compared (a literal in any case with its ASCII letters small). */
  texts: readonly string[];
  anyCase: readonly boolean[];
}

const PAGE = 65536;

let compiled: WebAssembly.Module | null | undefined;

/**
 * Where the module may be, from this module's own place: beside it
 * (dist/recognition/), from a bundle one level down in dist/ (the CLI's and
 * the worker thread's), and from src/recognition/ (the tests), the build's copy.
 */
const PLACES = ['./literal-index.wasm', '../recognition/literal-index.wasm', '../../dist/recognition/literal-index.wasm'];

/** The module assembled from literal-index.wat (scripts/assemble-wasm.mjs), or null where it is not there. */
function wasmModule(): WebAssembly.Module | null {
  if (compiled === undefined) compiled = compileWasmAt(PLACES, import.meta.url);
  return compiled;
}

/**
 * LiteralIndex's pass over a text, in WebAssembly (literal-index.wat): the
 * text is written into the module's memory as UTF-16, so the module
 * compares code units as the JavaScript pass compares characters, and finds
 * the same literals at a fraction of the cost per character.
 */
export class WasmLiteralScan {
  private bytes: Buffer;
  private marks: Uint8Array;

  private constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly run: (length: number) => void,
    private readonly found: number,
    private readonly count: number,
    private readonly input: number,
  ) {
    this.bytes = Buffer.from(memory.buffer);
    this.marks = new Uint8Array(memory.buffer, found, count);
  }

  /** A scan for these literals, or null where the module cannot be had. */
  static of(filed: FiledLiterals): WasmLiteralScan | null {
    const module = wasmModule();
    if (module === null) return null;
    const { table, bucketStarts, entryIds, entryOffsets, texts, anyCase } = filed;
    const codes = texts.reduce((sum, text) => sum + text.length, 0);
    // Laid out after the table, each array on a 4-byte boundary.
    let at = table.byteLength;
    const place = (bytes: number): number => {
      const here = at;
      at += Math.ceil(bytes / 4) * 4;
      return here;
    };
    const starts = place(bucketStarts.byteLength);
    const ids = place(entryIds.byteLength);
    const offsets = place(entryOffsets.byteLength);
    const litStarts = place((texts.length + 1) * 4);
    const litCodes = place(codes * 2);
    const litAnyCase = place(texts.length);
    const found = place(texts.length);
    const input = place(0);
    const instance = new WebAssembly.Instance(module, {});
    const memory = instance.exports['memory'] as WebAssembly.Memory;
    if (input > memory.buffer.byteLength) memory.grow(Math.ceil((input - memory.buffer.byteLength) / PAGE));
    const heap = memory.buffer;
    new Uint16Array(heap, 0, table.length).set(table);
    new Int32Array(heap, starts, bucketStarts.length).set(bucketStarts);
    new Int32Array(heap, ids, entryIds.length).set(entryIds);
    new Int32Array(heap, offsets, entryOffsets.length).set(entryOffsets);
    const starting = new Int32Array(heap, litStarts, texts.length + 1);
    const units = new Uint16Array(heap, litCodes, codes);
    let unit = 0;
    texts.forEach((text, id) => {
      starting[id] = unit;
      for (let j = 0; j < text.length; j++) units[unit++] = text.charCodeAt(j);
    });
    starting[texts.length] = unit;
    new Uint8Array(heap, litAnyCase, texts.length).set(anyCase.map((a) => (a ? 1 : 0)));
    const { setup, scan } = instance.exports as { setup: (...offsets: number[]) => void; scan: (length: number) => void };
    setup(starts, ids, offsets, litStarts, litCodes, litAnyCase, found, input);
    return new WasmLiteralScan(memory, scan, found, texts.length, input);
  }

  /** Per literal id, 1 where the text holds it (for the literals filed: see LiteralIndex); a view of the module's memory, valid until the next scan. */
  scan(text: string): Uint8Array {
    const needed = this.input + text.length * 2;
    if (needed > this.memory.buffer.byteLength) {
      this.memory.grow(Math.ceil((needed - this.memory.buffer.byteLength) / PAGE));
      this.bytes = Buffer.from(this.memory.buffer);
      this.marks = new Uint8Array(this.memory.buffer, this.found, this.count);
    }
    this.marks.fill(0);
    this.bytes.write(text, this.input, text.length * 2, 'utf16le');
    this.run(text.length);
    return this.marks;
  }
}
