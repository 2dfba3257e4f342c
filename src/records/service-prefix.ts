import { NO_DIMENSIONS, type Dimensions } from './envelope-dimensions.js';
import { readBarPrefix } from './bar-prefix.js';
import { takeStamp } from './leading-stamp.js';
import type { UnwrappedLine } from './unwrap-line.js';

/** Where ` | ` may start at the latest: the names before it and their padding. */
export const MAX_PREFIX = 170;

/**
 * `docker compose logs`' colour around its prefix, bar included (`--ansi
 * always`, or on a terminal): `\e[36m`, `\e[36;1m` for its intense colours,
 * then `\e[0m` after the bar.
 */
const PREFIX_COLOUR = /^\x1b\[\d\d(?:;1)?m/;
const COLOUR_RESET = '\x1b[0m';

/** A Compose service's or a Swarm service's name. */
const SERVICE_NAME = /^[A-Za-z0-9][\w.-]*$/;
/** A Swarm task's id, as `docker service logs` prints it: 12 characters, or 25 with `--no-trunc`. */
const TASK_ID = /^[a-z0-9]{12}(?:[a-z0-9]{13})?$/;
/** A replicated task's slot, or a global task's node id. */
const SLOT = /^(?:\d{1,5}|[a-z0-9]{25})$/;
/** A Swarm node's name (a host name) or id. */
const NODE_NAME = /^[A-Za-z0-9][\w.-]*$/;

/**
 * The prefix Docker's tools put before each line of a service's logs, the
 * padded name and ` | `:
 * - `docker compose logs`: `<service>-<replica>  | <line>` (`_` before the
 *   replica in Compose v1), coloured with the bar on a terminal or with
 *   `--ansi always`; with `--timestamps`, the container's RFC 3339
 *   time first in the line;
 * - `docker service logs`: `<service>.<slot>.<task id>@<node>    | <line>`
 *   (without the task id with `--no-task-ids`; ids for names with
 *   `--no-resolve`); with `--timestamps` the time comes before the prefix
 *   (see unwrapContainer). The task (`<service>.<slot>`) is the line's
 *   container, the node its host.
 * Null for a line without such a prefix. Pure.
 * @example takeServicePrefix('mqtt_admin.2.k3x9q2m8v7n1@node-1    | boom')
 * // { text: 'boom', origin: { container: 'mqtt_admin.2', host: 'node-1', … }, partial: false }
 */
export function takeServicePrefix(line: string): UnwrappedLine | null {
  const prefix = readBarPrefix(line, 0, PREFIX_COLOUR, COLOUR_RESET, 3, MAX_PREFIX);
  if (prefix === null) return null;
  const { name } = prefix;
  const at = name.lastIndexOf('@');
  const origin = at > 0 ? swarmTask(name.slice(0, at), name.slice(at + 1)) : composeService(name);
  if (origin === null) return null;
  const text = line.slice(prefix.textAt);
  const stamped = takeStamp(text);
  return { text: stamped?.text ?? text, origin: { ...origin, time: stamped?.time ?? null, zoned: stamped?.zoned ?? false }, partial: false };
}

/**
 * takeServicePrefix for `docker service logs`' form alone, as it follows
 * the time `--timestamps` puts first in a line.
 */
export function takeSwarmPrefix(text: string): UnwrappedLine | null {
  const taken = takeServicePrefix(text);
  // A task names its node; a Compose service none.
  return taken !== null && taken.origin.host !== null ? taken : null;
}

/** `<service>-<replica>` (or `_<replica>`): the container's name. */
function composeService(name: string): Dimensions | null {
  let digits = name.length;
  while (digits > 0 && isDigit(name.charCodeAt(digits - 1))) digits--;
  const separator = name.charCodeAt(digits - 1);
  if (digits === name.length || name.length - digits > 4 || (separator !== 0x2d /* - */ && separator !== 0x5f /* _ */)) return null;
  if (!SERVICE_NAME.test(name.slice(0, digits - 1))) return null;
  return { ...NO_DIMENSIONS, container: name };
}

/** `<service>.<slot>[.<task id>]` and the node: the task's name (service and slot) and its host. */
function swarmTask(task: string, node: string): Dimensions | null {
  if (!NODE_NAME.test(node) || !SERVICE_NAME.test(task)) return null;
  let name = task;
  const last = name.lastIndexOf('.');
  if (last > 0 && TASK_ID.test(name.slice(last + 1))) name = name.slice(0, last);
  // The slot, or a global service's node id in its place.
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || !SLOT.test(name.slice(dot + 1))) return null;
  return { ...NO_DIMENSIONS, container: name, host: node };
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
