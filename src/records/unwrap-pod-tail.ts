import { NO_DIMENSIONS } from './envelope-dimensions.js';
import { takeStamp } from './leading-stamp.js';
import type { UnwrappedLine } from './unwrap-line.js';

/**
 * The prefixes multi-pod tailing tools put before each line, naming its
 * pod (and container, and namespace):
 * - stern's default output, `<pod> <container> <line>`, with the namespace
 *   first when it tails several (`--all-namespaces`), each name coloured
 *   with `--color always`, and the kubelet's time first in the line with
 *   `--timestamps`;
 * - kubetail's, `[<pod>] <line>` or `[<pod> <container>] <line>`, the whole
 *   line coloured by `tput` (`\e[31m…\e(B\e[m`), with a space before the
 *   reset at its end.
 * A pod is told by the name its controller gave it: a Deployment's
 * `<name>-<template hash>-<xxxxx>`, a DaemonSet's or Job's `<name>-<xxxxx>`,
 * a CronJob's `<name>-<schedule>-<xxxxx>`, where the hash and the five
 * characters come from Kubernetes' alphabet without vowels (and without 0, 1
 * and 3). A name without such a suffix (a StatefulSet's `<name>-0`, a bare
 * pod) is not told apart from a word, and its lines are left as they are.
 */

/** Kubernetes' alphabet for generated names (k8s.io/apimachinery's rand.String and SafeEncodeString). */
const SAFE = '[bcdfghjklmnpqrstvwxz2456789]';
const POD = `[a-z][-a-z0-9.]{0,240}-(?:${SAFE}{6,10}-|\\d{8,10}-)?${SAFE}{5}`;
const NAME = '[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?';
/** A terminal colour: fatih/color's `\e[…m`, tput's `\e(B\e[m` (sgr0) or `\e[3Nm` (setaf). */
const COLOUR = '(?:\\x1b\\(B)?(?:\\x1b\\[[0-9;]{0,16}m)?';
const STERN = new RegExp(`^(?:${COLOUR}(${NAME})${COLOUR} )?${COLOUR}(${POD})${COLOUR} ${COLOUR}(${NAME})${COLOUR}(?: |$)`);
const KUBETAIL = new RegExp(`^${COLOUR}\\[(${POD})(?: (${NAME}))?\\]${COLOUR} `);
/** The patterns above, built from POD, NAME and COLOUR, for whoever checks every pattern of the sources. */
export const POD_TAIL_PATTERNS: readonly RegExp[] = [STERN, KUBETAIL];
/** kubetail's end of a coloured line: a space, then tput's sgr0. */
const KUBETAIL_END = / \x1b\(B\x1b\[m$/;

/**
 * The line without stern's or kubetail's prefix, its pod, container and
 * namespace as dimensions; null for a line without one.
 * @example unwrapPodTail('mqtt-admin-7d9f8c6b5-x2k4p app 2026-11-22 09:44:34 ERROR x')?.origin.pod // 'mqtt-admin-7d9f8c6b5-x2k4p'
 */
export function unwrapPodTail(line: string): UnwrappedLine | null {
  const first = line.charCodeAt(0);
  if (first === 0x1b || first === 0x5b /* [ */) {
    const m = KUBETAIL.exec(line);
    if (m) {
      const end = KUBETAIL_END.exec(line);
      const text = line.slice(m[0].length, end ? end.index : line.length);
      return { text, origin: { ...NO_DIMENSIONS, pod: m[1]!, container: m[2] ?? null }, partial: false };
    }
    if (first === 0x5b) return null;
  }
  const m = STERN.exec(line);
  if (!m) return null;
  const text = line.slice(m[0].length);
  // The kubelet's time, first in the line with `--timestamps`.
  const stamped = takeStamp(text);
  return {
    text: stamped?.text ?? text,
    origin: { ...NO_DIMENSIONS, namespace: m[1] ?? null, pod: m[2]!, container: m[3]!, time: stamped?.time ?? null, zoned: stamped?.zoned ?? false },
    partial: false,
  };
}

/**
 * Whether `text[from, to)` may start with stern's or kubetail's prefix (a
 * superset of what unwrapPodTail takes, settled on the line's first
 * words): a colour, or a first word (after a `[`) or a second word that
 * ends as a generated pod name does.
 * @example mayStartWithPodTail('mqtt-admin-7d9f8c6b5-x2k4p app x') // true
 */
export function mayStartWithPodTail(text: string, from: number, to: number): boolean {
  const first = text.charCodeAt(from);
  if (first === 0x1b) return true;
  if (first === 0x5b /* [ */) return isSmall(text.charCodeAt(from + 1)) && endsAsPod(text, from + 1, to);
  if (!isSmall(first)) return false;
  const end = nameEnd(text, from, to);
  if (end < 0) return false;
  // A colour after the first word, or before the second: left to the pattern.
  if (text.charCodeAt(end) === 0x1b || text.charCodeAt(end + 1) === 0x1b) return true;
  return isPodEnd(text, from, end) || (isSmall(text.charCodeAt(end + 1)) && endsAsPod(text, end + 1, to));
}

/** Whether the word at `from` (up to a space or `]`) ends as a generated pod name. */
function endsAsPod(text: string, from: number, to: number): boolean {
  const end = nameEnd(text, from, to);
  return end >= 0 && isPodEnd(text, from, end);
}

/** Where the name at `from` ends (the space, `]` or colour after it), or -1: a character a name has not, or none within 254. */
function nameEnd(text: string, from: number, to: number): number {
  const limit = Math.min(to, from + 254);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x5d /* ] */ || c === 0x1b) return i;
    if (!(isSmall(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e)) return -1;
  }
  return -1;
}

/** `-` and five of the generated names' characters before `end`. */
function isPodEnd(text: string, from: number, end: number): boolean {
  if (end - from < 7 || text.charCodeAt(end - 6) !== 0x2d) return false;
  for (let i = end - 5; i < end; i++) if (!isSafe(text.charCodeAt(i))) return false;
  return true;
}

function isSmall(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/** bcdfghjklmnpqrstvwxz2456789 */
function isSafe(c: number): boolean {
  if (c >= 0x32 && c <= 0x39) return c !== 0x33;
  return isSmall(c) && c !== 0x61 && c !== 0x65 && c !== 0x69 && c !== 0x6f && c !== 0x75 && c !== 0x79;
}
