import { fillFromKubeletPath, NO_DIMENSIONS, type Dimensions } from './envelope-dimensions.js';

const OPEN = '==> ';
const CLOSE = ' <==';
/** The longest path a header is taken with. */
const MAX_PATH = 4096;

/**
 * The file `tail` names in the header it prints before each run of lines
 * from one of several files (`tail -F a.log b.log`, `tail -f /var/log/app/*.log`,
 * `tail -v`): `==> /var/log/app/a.log <==`. The lines after it, up to the
 * next header, are that file's: the file is their stream, and a kubelet
 * log's path names their pod, namespace and container. Null for any
 * other line.
 * @example takeTailHeader('==> /var/log/app/a.log <==') // { …, stream: 'file=/var/log/app/a.log' }
 */
export function takeTailHeader(line: string): Dimensions | null {
  if (!line.startsWith(OPEN) || !line.endsWith(CLOSE) || line.length <= OPEN.length + CLOSE.length || line.length > MAX_PATH) return null;
  const path = line.slice(OPEN.length, -CLOSE.length);
  if (path.trim() !== path || path.includes('\n')) return null;
  const origin: Dimensions = { ...NO_DIMENSIONS, stream: `file=${path}` };
  fillFromKubeletPath(origin, path);
  return origin;
}
