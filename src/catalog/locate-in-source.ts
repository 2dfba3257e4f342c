import { createRequire } from 'node:module';
import type { Node } from 'yaml';

/** yaml is loaded when a problem needs locating, not on every start. */
const require = createRequire(import.meta.url);
type Yaml = typeof import('yaml');

/** A path into a parsed catalog: `['entries', 2, 'category']`. */
export type ValuePath = readonly (string | number)[];

/**
 * Returns a function that finds the 1-based line a value starts on in a
 * catalog file's text (JSON or YAML: YAML's parser reads both). A path that
 * leads to a missing key gives the line of the nearest object that exists;
 * null when the text cannot be parsed.
 * @example sourceLocator('vendor: a\nentries:\n  - code: X\n')(['entries', 0, 'code']) // 3
 */
export function sourceLocator(text: string, format: 'json' | 'yaml' = 'yaml'): (path: ValuePath) => number | null {
  if (format === 'json') return jsonLocator(text);
  const yaml = require('yaml') as Yaml;
  const { LineCounter, parseDocument } = yaml;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (doc.errors.length > 0) return () => null;
  return (path) => {
    let node = doc.contents as Node | null;
    for (const step of path) {
      const next = childOf(yaml, node, step);
      if (!next) break;
      node = next;
    }
    const offset = node?.range?.[0];
    return offset === undefined ? null : lineCounter.linePos(offset).line;
  };
}

function childOf({ isMap, isScalar, isSeq }: Yaml, node: Node | null, step: string | number): Node | null {
  if (isSeq(node) && typeof step === 'number') return (node.items[step] as Node | undefined) ?? null;
  if (!isMap(node)) return null;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? pair.key.value : pair.key;
    if (String(key) === String(step)) return (pair.value as Node | null) ?? (pair.key as Node);
  }
  return null;
}

/**
 * The same for JSON, with jsonc-parser's tree: about ten times faster than
 * YAML's parser on a large file, which is what a broken 16 MiB catalog costs.
 */
function jsonLocator(text: string): (path: ValuePath) => number | null {
  const { parseTree, findNodeAtLocation } = require('jsonc-parser') as typeof import('jsonc-parser');
  const root = parseTree(text, [], { disallowComments: true });
  if (!root) return () => null;
  let newlines: number[] | null = null;
  return (path) => {
    let node = root;
    for (const step of path) {
      const next = findNodeAtLocation(node, [step]);
      if (!next) break;
      node = next;
    }
    newlines ??= newlineOffsets(text);
    // Lines before the node: the newlines before its offset (binary search).
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (newlines[mid]! < node.offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
}

function newlineOffsets(text: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) out.push(at);
  return out;
}
