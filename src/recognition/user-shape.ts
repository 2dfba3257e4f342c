import type { RawSample, RawShape } from '../catalog/raw-catalog.js';
import { readNamedGroups } from './shape-readers.js';
import type { Shape } from './shapes.js';

/** The named groups a user shape's pattern may have, and what each holds (readNamedGroups reads them). */
export const USER_SHAPE_GROUPS = ['code', 'requestId', 'status', 'message', 'action'] as const;

/**
 * The flags a user shape's pattern is compiled with: every match of a text
 * is read (`g`), in any case when the shape says `anyCase`. The check of a
 * catalog file (check-user-shapes.ts) compiles it the same way.
 */
export function userPatternFlags(anyCase: boolean | undefined): string {
  return anyCase ? 'gi' : 'g';
}

/**
 * The words that open the gates for a user shape: its anchors themselves
 * (the gates compare them in any case), and each anchor with its `/`
 * written `\/`, as some JSON encoders write it inside a string.
 * @example userShapeWords(['MQAPI-FAIL ', 'op=/']) // ['MQAPI-FAIL ', 'op=/', 'op=\\/']
 */
export function userShapeWords(anchors: readonly string[]): string[] {
  return anchors.flatMap((anchor) => (anchor.includes('/') ? [anchor, anchor.replaceAll('/', '\\/')] : [anchor]));
}

/** A sample's text, whether it is written alone or with what its groups must capture. */
export function sampleText(sample: RawSample): string {
  return typeof sample === 'string' ? sample : sample.text;
}

/**
 * A user catalog's shape (validated: see check-user-shapes.ts) as a row of
 * the table of shapes, read after the built-in rows by its pattern's named
 * groups (readNamedGroups).
 * @example toUserShape({ name: 'mqapi-fail', vendor: 'alibaba', anchors: ['MQAPI-FAIL '], pattern: 'err=(?<code>[\\w.]+)', samples: ['MQAPI-FAIL err=Throttling.User'] })
 */
export function toUserShape(raw: RawShape): Shape {
  return {
    name: raw.name,
    evidence: raw.description ?? `a user catalog's shape: errors of ${raw.vendor}${raw.product ? ` ${raw.product}` : ''}`,
    anchors: raw.anchors,
    anyCase: raw.anyCase ?? false,
    words: userShapeWords(raw.anchors),
    pattern: new RegExp(raw.pattern, userPatternFlags(raw.anyCase)),
    groups: {},
    strength: 'by-reader',
    examples: raw.samples.map(sampleText),
    read: readNamedGroups,
    declares: { vendor: raw.vendor, product: raw.product ?? null },
  };
}
