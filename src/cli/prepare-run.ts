import { resolve } from 'node:path';
import { Aggregator, type AggregatorTimeOptions, type SourceState } from '../aggregation/aggregator.js';
import { DEFAULT_MAX_KEYS } from '../aggregation/key-budget.js';
import { ProductSelection } from '../aggregation/product-selection.js';
import type { Dimension } from '../aggregation/cross-tabs.js';
import type { Catalog } from '../catalog/catalog.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { ExitError } from '../errors.js';
import { createRecognitionContext, type RecognitionContext } from '../recognition/recognition-context.js';
import { expandInputs, type InputSource } from '../sources/expand-inputs.js';
import { identifyInputs } from '../sources/identify-inputs.js';
import { resolveJobs } from './jobs-option.js';
import { warn } from './output.js';
import { encodingOf, setInputEncoding } from '../sources/input-encoding.js';
import { stdinHint } from './stdin-hint.js';

/** Options shared by `scan` and `tag`. */
export interface InputArgs {
  paths?: string[];
  catalog?: string[];
  samples?: number;
  /** Distinct keys counted on their own per grouping (`--max-keys`). */
  maxKeys?: number;
  maxLineBytes?: number;
  unwrap?: boolean;
  /** `--encoding`: the logs' encoding (default UTF-8). */
  encoding?: string;
  /** Redact credentials in events (default true; `--no-redact`). */
  redact?: boolean;
  jobs?: number;
  /** `--product`: the products whose errors the main counts hold (default: the catalog's). */
  product?: string[];
  /** `--state`: mqerr's own checkpoint, never an input, though a directory or glob given holds it. */
  state?: string;
  /** `--follow`: files that appear later under a directory or glob become inputs too. */
  follow?: boolean;
}

export interface PreparedRun {
  catalog: Catalog;
  ctx: RecognitionContext;
  aggregator: Aggregator;
  inputs: InputSource[];
  /** MQERR_FAST_PATH=0 sends every line through the full path (for checking the fast path against it). */
  fastPath: boolean;
  /** Threads for processing files (--jobs). */
  jobs: number;
  samples: number;
  /** What to tell the user once the run is sure to start (a file given twice, read once). */
  notes: string[];
}

/** User catalogs come from --catalog, then MQERR_CATALOG (paths separated like PATH). */
export function userCatalogFiles(flags: readonly string[] | undefined): string[] {
  const fromEnv = (process.env['MQERR_CATALOG'] ?? '').split(process.platform === 'win32' ? ';' : ':').filter(Boolean);
  return [...fromEnv, ...(flags ?? [])];
}

/** Loads the catalog, expands the inputs and makes the aggregator (with the run's time window and series, and the cross-tabs of `--by`). */
export async function prepareRun(args: InputArgs, time?: AggregatorTimeOptions, crossTabs: readonly (readonly Dimension[])[] = []): Promise<PreparedRun> {
  applyInputEncoding(args.encoding);
  const samples = args.samples ?? 5;
  if (!Number.isInteger(samples) || samples < 0) throw new ExitError(`--samples expects a whole number ≥ 0, got ${String(args.samples)}`);
  const catalog = loadCatalog(userCatalogFiles(args.catalog));
  const ctx = createRecognitionContext(catalog);
  const catalogProducts = [...catalog.vendors.values()].map((vc) => vc.product.toLowerCase());
  const selection = ProductSelection.fromNames(args.product, catalogProducts);
  const aggregator = new Aggregator({ version: catalog.version, entries: catalog.size }, samples, time, selection, parseMaxKeys(args.maxKeys), crossTabs);
  const expanded = await expandInputs(args.paths ?? []);
  const own = args.state === undefined ? null : resolve(args.state);
  // The state file and its temporary files (`<state>.tmp…`) are mqerr's, never logs.
  const logs = own === null ? expanded : expanded.filter((input) => input.kind !== 'file' || !resolve(input.path).startsWith(own));
  const identified = await identifyInputs(logs);
  const inputs = identified.inputs;
  // One input, and no more to come: no RequestId can repeat across inputs.
  if (inputs.length === 1 && !args.follow) aggregator.oneInput();
  // A source past --max-keys is counted in the overflow row, which has no id of its own.
  const named = (name: string): SourceState | null => {
    const state = aggregator.source(name);
    return state.name === name ? state : null;
  };
  for (const [name, id] of identified.ids) {
    const state = named(name);
    if (state) state.id = id;
  }
  const notes: string[] = [];
  for (const { name, sameAs } of identified.repeats) {
    notes.push(`${name} is the same file as ${sameAs}: read once`);
    named(sameAs)?.alsoGivenAs.push(name);
  }
  const hint = stdinHint(inputs, process.stdin.isTTY === true);
  if (hint !== null) warn(hint);
  const jobs = resolveJobs(args.jobs);
  return { catalog, ctx, aggregator, inputs, fastPath: process.env['MQERR_FAST_PATH'] !== '0', jobs, samples, notes };
}

/**
 * The largest `--max-line-bytes`: a line is held as one string, and `tag`
 * writes it JSON-escaped (up to 6 times as long), which must stay under
 * V8's limit on a string's length (512 MiB on 64-bit Node): 64 MiB does.
 */
export const MAX_LINE_BYTES_LIMIT = 64 * 1024 * 1024;

/** Resolves `--encoding` and makes the logs read in it (UTF-8 without it); an encoding TextDecoder does not know is a usage error. */
export function applyInputEncoding(label: string | undefined): void {
  const name = label === undefined ? 'utf-8' : encodingOf(label);
  if (name === null) throw new ExitError(`--encoding expects an encoding such as gb18030, gbk, big5, shift_jis or latin1, got '${label}'`);
  setInputEncoding(name === 'utf-8' ? null : name);
}

/** Parses `--max-line-bytes`: a size (see parseByteSize) no larger than MAX_LINE_BYTES_LIMIT. */
export function parseMaxLineBytes(text: string | number): number {
  const bytes = parseByteSize(text, '--max-line-bytes');
  if (bytes > MAX_LINE_BYTES_LIMIT) {
    throw new ExitError(`--max-line-bytes ${String(text)} is more than a line mqerr can hold: at most 64MB (${MAX_LINE_BYTES_LIMIT} bytes)`);
  }
  return bytes;
}

/** Checks `--max-keys`: a whole number of at least 1 (default DEFAULT_MAX_KEYS). */
export function parseMaxKeys(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_KEYS;
  if (!Number.isSafeInteger(value) || value < 1) throw new ExitError(`--max-keys expects a whole number ≥ 1, got ${String(value)}`);
  return value;
}

/** Parses a byte size: `4194304`, `4MB`, `512k`. */
export function parseByteSize(text: string | number, flag: string): number {
  if (typeof text === 'number' && Number.isInteger(text) && text > 0) return text;
  const m = /^(\d+)\s*([kmg]i?b?|b)?$/i.exec(String(text).trim());
  if (!m) throw new ExitError(`${flag} expects a size such as 4MB or 65536, got '${String(text)}'`);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const bytes = Number(m[1]) * factor;
  if (bytes < 1) throw new ExitError(`${flag} must be at least 1 byte, got '${String(text)}'`);
  if (!Number.isSafeInteger(bytes)) throw new ExitError(`${flag} expects a size such as 4MB or 65536, got '${String(text)}'`);
  return bytes;
}
