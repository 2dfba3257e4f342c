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
export function sourceLocator(text: string): (path: ValuePath) => number | null {
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
