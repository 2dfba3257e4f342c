import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { CANDIDATE_TEXT, EVENT_GATE } from '../../src/recognition/candidate-gate.js';
import { EMBEDDED_OBJECT_START } from '../../src/recognition/patterns.js';
import { createRecognitionContext } from '../../src/recognition/recognition-context.js';
import { ANY_CASE_ANCHORS } from '../../src/recognition/shapes.js';
import { anyCaseAnchors } from '../../src/recognition/anchor-test.js';
import { ENVELOPE_PATTERNS } from '../../src/records/may-carry-envelope.js';
import { POD_TAIL_PATTERNS } from '../../src/records/unwrap-pod-tail.js';
import { SECRET_KEY, SECRET_PATTERNS } from '../../src/redaction/redact-secrets.js';
import { BUILT_LEADING_TIMES } from '../../src/time/leading-time.js';
import { ROOT } from '../helpers/run-cli.js';

/**
 * Every regular expression in src/ is checked two ways against catastrophic
 * backtracking on hostile log text:
 *
 * 1. Structurally, by recheck's automaton checker (complete and
 *    deterministic): each must be `safe`. Its verdicts for the current
 *    sources are kept in regex-verdicts.json, as the analysis of a few
 *    patterns takes seconds; a pattern not in that file is analyzed live
 *    (REGEX_VERDICTS=update rewrites the file from live analysis).
 * 2. Empirically, always live: each pattern is fed long runs of the
 *    characters and words it is written with, at n and 4n; where the run at
 *    n costs measurable time, 4n must cost well under 16 times as much (a
 *    linear pattern costs about 4 times, a quadratic one 16).
 *
 * The patterns are found by parsing src/ with the TypeScript compiler, so a
 * new one cannot be left out; patterns built with `new RegExp` must be
 * listed in DYNAMIC below.
 */

interface Pattern {
  where: string;
  regex: RegExp;
}

const SRC = join(ROOT, 'src');
/** The worked example of a user catalog's shape (fixtures/catalogs/in-house-shapes.yaml). */
const EXAMPLE_CONTEXT = createRecognitionContext(loadCatalog([join(ROOT, 'fixtures/catalogs/in-house-shapes.yaml')]));
const EXAMPLE_SHAPES = EXAMPLE_CONTEXT.shapes.shapes.filter((shape) => shape.declares !== undefined);
const VERDICTS_FILE = join(ROOT, 'test/hostile/regex-verdicts.json');

/** Modules that build patterns at run time, and those patterns. */
const DYNAMIC: Record<string, readonly RegExp[]> = {
  'src/redaction/redact-secrets.ts': [...SECRET_PATTERNS, SECRET_KEY],
  // Built from the envelope vocabulary (src/records/envelope-fields.ts).
  'src/records/may-carry-envelope.ts': ENVELOPE_PATTERNS,
  // A private copy (its own lastIndex) of a pattern written in patterns.ts.
  'src/recognition/shape-readers.ts': [EMBEDDED_OBJECT_START],
  // The anchors of SHAPES compared in any case, and of the worked example's shape written anyCase.
  'src/recognition/anchor-test.ts': [...ANY_CASE_ANCHORS, ...EXAMPLE_SHAPES.map(anyCaseAnchors)],
  // Computed from the table of shapes and walk-json's keys, and from it with the worked example's shape.
  'src/recognition/candidate-gate.ts': [CANDIDATE_TEXT, EVENT_GATE, EXAMPLE_CONTEXT.shapes.gates.candidateText, EXAMPLE_CONTEXT.shapes.gates.eventGate],
  // A user catalog's patterns: the worked example's (docs/catalog.md), compiled as recognition and the check compile them.
  'src/recognition/user-shape.ts': EXAMPLE_SHAPES.map((shape) => shape.pattern!),
  'src/catalog/judge-user-pattern.ts': EXAMPLE_SHAPES.map((shape) => shape.pattern!),
  // Built from the month names, and from the pod-name, name and colour pieces.
  'src/time/leading-time.ts': BUILT_LEADING_TIMES,
  'src/records/unwrap-pod-tail.ts': POD_TAIL_PATTERNS,
  // Built from the catalog's product hints: the built-in catalog's.
  'src/recognition/product-rules.ts': (() => {
    const rules = createRecognitionContext(loadCatalog()).products;
    return [...rules.hosts, ...rules.markers].map((sign) => sign.pattern);
  })(),
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function findPatterns(): { patterns: Pattern[]; dynamicFiles: string[] } {
  const patterns: Pattern[] = [];
  const dynamicFiles: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const rel = relative(ROOT, file);
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(sf);
        const slash = literal.lastIndexOf('/');
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        patterns.push({ where: `${rel}:${line}`, regex: new RegExp(literal.slice(1, slash), literal.slice(slash + 1)) });
      }
      if (ts.isNewExpression(node) && node.expression.getText(sf) === 'RegExp') dynamicFiles.push(rel);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  for (const [file, regexes] of Object.entries(DYNAMIC)) {
    regexes.forEach((regex, i) => patterns.push({ where: `${file} (dynamic #${i + 1})`, regex }));
  }
  return { patterns, dynamicFiles: [...new Set(dynamicFiles)].sort() };
}

const { patterns, dynamicFiles } = findPatterns();

/** Runs a pattern the way src uses it: every match of a global one, the first of any other. */
function run(regex: RegExp, text: string): void {
  regex.lastIndex = 0;
  if (regex.global || regex.sticky) {
    for (const _ of text.matchAll(regex)) {
      // Exhausting the iterator is the work.
    }
  } else regex.exec(text);
}

/**
 * The least time of a few runs, in ms: noise only ever adds. (The first run
 * of a pattern is interpreted before V8 compiles it: never the least.)
 */
function cost(regex: RegExp, text: string, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run(regex, text);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * The units a pattern is pumped with: each character it is written with
 * (escapes turned into a member of their class), each word, and each word
 * followed by each separator; plus characters that end or break most
 * patterns. A unit is repeated to make a run, then a character no pattern
 * expects is appended, so a match attempt fails late.
 */
function pumpUnits(regex: RegExp): string[] {
  const source = regex.source
    .replace(/\\d/g, '0')
    .replace(/\\s/g, ' ')
    .replace(/\\w/g, 'a')
    .replace(/\\[a-z]/gi, '')
    .replace(/\\(.)/g, '$1');
  const chars = new Set([...source].filter((c) => c >= ' ' && c !== '\u007f'));
  for (const c of [' ', '\t', 'a', 'A', '0', '.', '"', ':', '=', '-', '_', '\\', '{', '[', '\r']) chars.add(c);
  const words = [...new Set(source.match(/[A-Za-z][A-Za-z-]{2,}/g) ?? [])];
  const units = [...chars];
  for (const word of words) for (const sep of ['', ' ', ':', '=', '.', ': ', '"']) units.push(word + sep);
  return units;
}

const RUN_CHARS = 16_384;
/** Below this, timing is noise; a quadratic pattern costs far more on 16K characters. */
const MEASURABLE_MS = 1;
/** 4 for linear work, 16 for quadratic; generous so a busy machine does not fail it. */
const MAX_GROWTH = 9;

function superlinearInputs(regex: RegExp, runChars = RUN_CHARS): string[] {
  const problems: string[] = [];
  for (const unit of pumpUnits(regex)) {
    const make = (chars: number): string => `${unit.repeat(Math.ceil(chars / unit.length))}\u0000`;
    // A busy machine inflates a short run more than a long one, which hides growth: the short run gets more tries.
    const measure = (): [number, number] => [cost(regex, make(runChars), 7), cost(regex, make(4 * runChars))];
    let [small, large] = measure();
    if (small < MEASURABLE_MS) continue;
    // Noise can also inflate one long run; growth that is the pattern's own shows again when measured again.
    if (large / small > MAX_GROWTH) [small, large] = measure();
    if (large / small > MAX_GROWTH) problems.push(`${JSON.stringify(unit)} repeated: ${small.toFixed(1)} ms at ${runChars}, ${large.toFixed(1)} ms at ${4 * runChars}`);
  }
  return problems;
}

describe('regular expressions on hostile text', () => {
  it('finds the patterns of every module (and every module that builds them at run time is listed)', () => {
    expect(patterns.length).toBeGreaterThan(40);
    expect(dynamicFiles).toEqual(Object.keys(DYNAMIC).sort());
    const where = patterns.map((p) => p.where.split(':')[0]);
    for (const file of ['src/recognition/patterns.ts', 'src/records/continuation.ts', 'src/records/unwrap-container.ts', 'src/redaction/redact-secrets.ts']) {
      expect(where).toContain(file);
    }
  });

  it('the harness catches a quadratic pattern', () => {
    // Every start scans the whole run of spaces: n²/2 steps. (Small runs: it is slow on purpose.)
    // A busy machine can flatten one measurement's growth, as it can inflate one: the pattern must show it in one of three.
    let found = '';
    for (let attempt = 0; attempt < 3 && found === ''; attempt++) found = superlinearInputs(/ *x/, 8192).join('\n');
    expect(found).toMatch(/^" " repeated: /);
  });

  it('every pattern is safe by recheck’s automaton analysis', () => {
    const cached = JSON.parse(readFileSync(VERDICTS_FILE, 'utf8')) as Record<string, string>;
    const update = process.env['REGEX_VERDICTS'] === 'update';
    const verdicts: Record<string, string> = {};
    const unsafe: string[] = [];
    for (const { where, regex } of patterns) {
      const key = `/${regex.source}/${regex.flags}`;
      let status = update ? undefined : cached[key];
      if (status === undefined) {
        const diagnostics = checkSync(regex.source, regex.flags, { checker: 'automaton', timeout: 60_000 });
        status = diagnostics.status === 'vulnerable' ? `vulnerable (${diagnostics.complexity.type})` : diagnostics.status;
      }
      verdicts[key] = status;
      if (status !== 'safe') unsafe.push(`${where} ${key}: ${status}`);
    }
    if (update) writeFileSync(VERDICTS_FILE, `${JSON.stringify(verdicts, Object.keys(verdicts).sort(), 2)}\n`);
    expect(unsafe).toEqual([]);
  }, 180_000);

  it('no pattern does superlinear work on runs of its own characters and words', () => {
    const problems: string[] = [];
    for (const { where, regex } of patterns) {
      for (const problem of superlinearInputs(regex)) problems.push(`${where} /${regex.source}/: ${problem}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
