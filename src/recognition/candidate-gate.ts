import { alternation } from './alternation.js';
import { escapeRegExp } from './escape-reg-exp.js';
import type { GateWord } from '../lines/line-search.js';
import { CODE_KEYS, REQUEST_ID_KEYS } from './json-keys.js';
import { SHAPES, type Shape } from './shapes.js';

/**
 * The gates, computed from a table of shapes and the JSON keys walk-json
 * reacts to, never written by hand: a shape added to SHAPES with a new word
 * widens them by itself, and a run whose catalog adds shapes computes its
 * own (see shape-table.ts).
 */

/** The gates of one table of shapes. */
export interface Gates {
  /** The words of every shape, each once (see GATE_WORDS). */
  words: readonly string[];
  /** Whether a text is worth scanning (see CANDIDATE_TEXT). */
  candidateText: RegExp;
  /** The fast path's words (see EVENT_GATE_WORDS). */
  eventWords: readonly GateWord[];
  /** The fast path's gate (see EVENT_GATE). */
  eventGate: RegExp;
}

/** Of some words, those that hold no other (compared in lower case): a text holding none of them holds none of the rest. */
function fewest(words: Iterable<string>): string[] {
  const all = [...new Set([...words].map((w) => w.toLowerCase()))];
  return all.filter((word) => !all.some((other) => other !== word && word.includes(other)));
}

/**
 * The words of every shape (see Shape.words), each once, compared in any
 * case: a text holding none of them is not scanned, so it yields no event.
 * @example GATE_WORDS // ['exception', 'error', 'request', '请求id', '请求 id', 'code', '错误码', '错误代码', '错误编码', 'sdk.', 'parseresponse']
 */
export const GATE_WORDS: readonly string[] = fewest(SHAPES.flatMap((shape) => shape.words));

/** `code` as `[cC][oO][dD][eE]`: a word in any case without the engine folding the case of every character it reads. */
function anyCaseAtoms(word: string): string[] {
  return [...word].map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escapeRegExp(c)));
}

/**
 * Whether a text is worth scanning (is-candidate-text.ts): one of GATE_WORDS
 * in any case. One search for them all: a single pass of the engine over a
 * text costs less than one literal search per word.
 */
export const CANDIDATE_TEXT = candidateTextOf(GATE_WORDS);

function candidateTextOf(words: readonly string[]): RegExp {
  return new RegExp(alternation(words.map(anyCaseAtoms)));
}

/**
 * The JSON keys that make an object an error or a success (a code field, a
 * RequestId field), the shortest of each set; EVENT_GATE finds them spelled
 * as walk-json still reads them: any case, `_` or `-` between any two
 * letters (`Request_Id`, `ERR-CODE`).
 */
const KEYS = fewest([...CODE_KEYS, ...REQUEST_ID_KEYS]);

/** JSON string escapes: `\u0063ode` is `code` once JSON.parse reads it. */
const ESCAPE: GateWord = { text: '\\u', between: '' };

/**
 * The byte-level fast path's words (src/lines/quiet-lines.ts, handed in by
 * src/pipeline/line-gate.ts): GATE_WORDS, KEYS as walk-json reads them
 * (`_` or `-` between any two letters), and `\u` escapes, each found in any
 * case. A line holding none of them yields no event, only its time.
 */
export const EVENT_GATE_WORDS = eventGateWordsOf(GATE_WORDS);

function eventGateWordsOf(words: readonly string[]): GateWord[] {
  return [
    ...KEYS.map((key) => ({ text: asBytes(key), between: '-_' })),
    // A word that is one of the keys is found as the key is; a word beyond ASCII (`错误码`) as its UTF-8 bytes.
    ...words.filter((word) => !KEYS.includes(word)).map((word) => ({ text: asBytes(word), between: '' })),
    ESCAPE,
  ];
}

/** A word as the fast path reads a block, a character per byte: its UTF-8 bytes as Latin-1 characters (ASCII as it is). */
function asBytes(word: string): string {
  return Buffer.from(word, 'utf8').toString('latin1');
}

/**
 * EVENT_GATE_WORDS as one regular expression, global, its ASCII letters in
 * either case: the fast path's search where WebAssembly cannot serve (see
 * src/lines/line-search.ts), and its search for further hits on a line. On
 * a block's Latin-1 view, a byte per character: a letter written as both of
 * its cases (`[cC]`) rather than with the `i` flag, which would also fold
 * bytes beyond ASCII (`é` onto `É`) that the words' UTF-8 bytes must match
 * exactly, as WebAssembly's search matches them.
 */
export const EVENT_GATE = eventGateOf(EVENT_GATE_WORDS);

export function eventGateOf(words: readonly GateWord[]): RegExp {
  const atom = (c: string): string => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escapeRegExp(c));
  const atoms = ({ text, between }: GateWord): string[] => {
    // `-` escaped too: inside a class it would join its neighbours into a range.
    const gap = between ? `[${[...between].map((c) => (c === '-' ? '\\-' : /[a-z]/i.test(c) ? `${c.toLowerCase()}${c.toUpperCase()}` : escapeRegExp(c))).join('')}]*` : null;
    return [...text].flatMap((c, i) => (i > 0 && gap ? [gap, atom(c)] : [atom(c)]));
  };
  return new RegExp(alternation(words.map(atoms)), 'g');
}

/** The built-in table's gates, as one value (see shape-table.ts). */
export const BUILT_IN_GATES: Gates = { words: GATE_WORDS, candidateText: CANDIDATE_TEXT, eventWords: EVENT_GATE_WORDS, eventGate: EVENT_GATE };

/**
 * The gates of a table of shapes: the built-in table's, computed the same
 * way for a table a user catalog adds shapes to.
 * @example computeGates([...SHAPES, mqapiFail]).words // ['exception', 'error', 'request', 'code', 'sdk.', 'mqapi-fail ']
 */
export function computeGates(shapes: readonly Shape[]): Gates {
  const words = fewest(shapes.flatMap((shape) => shape.words));
  const eventWords = eventGateWordsOf(words);
  return { words, candidateText: candidateTextOf(words), eventWords, eventGate: eventGateOf(eventWords) };
}
