import { SHAPES } from '../recognition/shapes.js';
import { sampleText } from '../recognition/user-shape.js';
import { describeValue, describeWhere, type CatalogProblem } from './describe-schema-errors.js';
import { judgeUserPattern } from './judge-user-pattern.js';
import type { ValuePath } from './locate-in-source.js';
import type { RawCatalog, RawShape } from './raw-catalog.js';
import { createBoundedRunner, type BoundedRunner } from './run-within.js';

/** The time a sample may take to match: a line of a log, matched by a pattern already found not catastrophic. */
export const SAMPLE_MS = 100;

const BUILT_IN_NAMES = new Set(SHAPES.map((shape) => shape.name));

/**
 * What the schema cannot say about a catalog file's shapes (it has checked
 * their fields' types): each name is its own, the pattern is one
 * recognition can run safely (judgeUserPattern), and every sample holds an
 * anchor and matches the pattern, with the code and RequestId it expects,
 * within SAMPLE_MS. One problem per fault, each naming its shape and field.
 * @example checkUserShapes({ vendor: 'alibaba', entries: [], shapes: [{ name: 'labelled-code', … }] })
 * // [{ path: ['shapes', 0, 'name'], text: "shape 1 (labelled-code): name 'labelled-code' is a built-in shape's; …" }]
 */
export function checkUserShapes(raw: RawCatalog): CatalogProblem[] {
  const shapes = raw.shapes ?? [];
  if (shapes.length === 0) return [];
  const runner = createBoundedRunner();
  const first = new Map<string, number>();
  const problems: CatalogProblem[] = [];
  shapes.forEach((shape, i) => {
    const at = (...rest: (string | number)[]): ValuePath => ['shapes', i, ...rest];
    const problem = (path: ValuePath, text: string): void => void problems.push({ path, text: `${describeWhere(raw, path).where}: ${text}` });
    if (BUILT_IN_NAMES.has(shape.name)) problem(at('name'), `name '${shape.name}' is a built-in shape's (docs/architecture.md lists them); choose another`);
    const earlier = first.get(shape.name);
    if (earlier === undefined) first.set(shape.name, i);
    else problem(at('name'), `name listed twice (first as shape ${earlier + 1})`);
    const judged = judgeUserPattern(shape.pattern, shape.anyCase, runner);
    for (const text of judged.problems) problem(at('pattern'), text);
    if (judged.pattern === null || judged.problems.length > 0) return;
    shape.samples.forEach((sample, j) => {
      const fault = sampleFault(shape, sample, judged.pattern!, runner);
      if (fault !== null) problem(at('samples', j), `sample ${j + 1} ${fault}`);
    });
  });
  return problems;
}

/** What is wrong with one sample of a shape whose pattern is sound, or null. */
function sampleFault(shape: RawShape, sample: RawShape['samples'][number], pattern: RegExp, runner: BoundedRunner): string | null {
  const text = sampleText(sample);
  const holds = shape.anyCase ? shape.anchors.some((a) => text.toLowerCase().includes(a.toLowerCase())) : shape.anchors.some((a) => text.includes(a));
  if (!holds) return `holds none of the anchors (${shape.anchors.map((a) => JSON.stringify(a)).join(', ')}): a line without one is never read for the shape`;
  const matches = runner.matches(pattern, text, SAMPLE_MS);
  if (matches === null) return `takes the pattern more than ${SAMPLE_MS} ms to match`;
  const found = matches.find((m) => m.groups?.['code']);
  if (!found) return matches.length === 0 ? 'does not match the pattern' : "matches the pattern, but its group 'code' captures nothing";
  if (typeof sample === 'string') return null;
  for (const group of ['code', 'requestId'] as const) {
    const expected = sample[group];
    if (expected === undefined) continue;
    if (!(group in (found.groups ?? {}))) return `expects ${group} ${JSON.stringify(expected)}, but the pattern has no named group '${group}'`;
    const got = found.groups?.[group];
    if (got !== expected) return `expects ${group} ${JSON.stringify(expected)}; the pattern's group '${group}' captures ${got ? describeValue(got) : 'nothing'}`;
  }
  return null;
}
