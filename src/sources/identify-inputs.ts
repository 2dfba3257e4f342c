import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import type { InputSource } from './expand-inputs.js';

/** A file given again under another name (`app.log` and `./app.log`, a symlink, a glob that matches it again). */
export interface RepeatedInput {
  name: string;
  /** The name it is read under. */
  sameAs: string;
}

export interface IdentifiedInputs {
  /** The inputs, each file once, in the order given. */
  inputs: InputSource[];
  repeats: RepeatedInput[];
  /** Name → an id of what was read: a hash of the file's size and its first and last 64 KiB. */
  ids: Map<string, string>;
}

/**
 * Reads each file once however often it is given: two names of the same
 * file (same device and inode) are one input, the first. And gives each
 * file an id of what was read, so that `merge` can tell a summary given
 * twice, or shards that read the same file, from shards of one run. Standard
 * input has no id (each run reads another stream); a file that cannot be
 * examined keeps its name and has none.
 * @example await identifyInputs([{ kind: 'file', name: 'a.log', path: 'a.log', size: 3 }, { kind: 'file', name: './a.log', path: './a.log', size: 3 }])
 * // { inputs: [a.log], repeats: [{ name: './a.log', sameAs: 'a.log' }], ids: Map { 'a.log' => '3f1c…' } }
 */
export async function identifyInputs(inputs: readonly InputSource[]): Promise<IdentifiedInputs> {
  const byIdentity = new Map<string, string>();
  const out: InputSource[] = [];
  const repeats: RepeatedInput[] = [];
  const ids = new Map<string, string>();
  for (const input of inputs) {
    if (input.kind !== 'file') {
      out.push(input);
      continue;
    }
    const info = await stat(input.path).catch(() => null);
    if (info === null) {
      out.push(input);
      continue;
    }
    const identity = `${info.dev}:${info.ino}`;
    const first = byIdentity.get(identity);
    if (first !== undefined) {
      repeats.push({ name: input.name, sameAs: first });
      continue;
    }
    byIdentity.set(identity, input.name);
    out.push(input);
    if (info.isFile()) {
      const id = await contentId(input.path, info.size).catch(() => null);
      if (id !== null) ids.set(input.name, id);
    }
  }
  return { inputs: out, repeats, ids };
}

/** Bytes read from each end of a file for its id: enough to tell files apart, cheap for a 300 MB one. */
const END_BYTES = 64 * 1024;

/**
 * An id of a file's content: its size and first and last 64 KiB, hashed.
 * The same content gives the same id wherever and whenever it is read, so
 * summaries stay deterministic and a copy of a file is known for one.
 */
async function contentId(path: string, size: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const hash = createHash('sha256').update(`${size}\u0000`);
    const head = Buffer.alloc(Math.min(END_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    hash.update(head);
    if (size > END_BYTES) {
      const tail = Buffer.alloc(Math.min(END_BYTES, size - END_BYTES));
      await handle.read(tail, 0, tail.length, size - tail.length);
      hash.update(tail);
    }
    return hash.digest('hex').slice(0, 16);
  } finally {
    await handle.close();
  }
}
