/**
 * Alternatives of a search pattern, each a sequence of atoms (the source of
 * one character class or literal, with its quantifier if any: `c`, `[cC]`,
 * `[-_]*`, `\.`), joined as a trie: `exception|error` becomes
 * `e(?:xception|rror)`. V8's engine rejects a position after one test of
 * its first character instead of one per alternative, which makes the fast
 * path's gate about a third faster on the benchmark corpus.
 *
 * Only where matches start is kept, which is all a gate is asked (where the
 * first hit at or after a position is, whether a text has one): an
 * alternative that extends a shorter one is dropped, since wherever it
 * matches the shorter one does too.
 * @example alternation([['e', 'x'], ['e', 'r', 'r']]) // 'e(?:x|rr)'
 */
export function alternation(alternatives: readonly (readonly string[])[]): string {
  const root = new TrieNode();
  for (const atoms of alternatives) root.add(atoms, 0);
  return root.children.size === 0 ? '(?!)' : root.source();
}

class TrieNode {
  readonly children = new Map<string, TrieNode>();
  end = false;

  add(atoms: readonly string[], at: number): void {
    if (this.end) return;
    if (at === atoms.length) {
      // Whatever extends this alternative starts where it does: the longer ones go.
      this.end = true;
      this.children.clear();
      return;
    }
    let child = this.children.get(atoms[at]!);
    if (!child) {
      child = new TrieNode();
      this.children.set(atoms[at]!, child);
    }
    child.add(atoms, at + 1);
  }

  /** This node's alternatives as one source: its children's, each led by its atom. */
  source(): string {
    const branches = [...this.children].map(([atom, child]) => atom + (child.end ? '' : child.source()));
    return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  }
}
