/**
 * Short commit ids that stay unique: revision pages and event ids are keyed by the
 * shortest prefix of at least 7 hex digits that no other commit of the same list shares.
 * Git's own abbreviation is 7 digits by default, and a prefix of 7 can be forged in
 * seconds; two revisions whose ids share it would give one page (and one event id) for two
 * commits, the forged one silently replacing the real one. Links stay as short as git's.
 */

export const MIN_PREFIX = 7;

const common = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/** Each commit's shortest unique prefix (at least MIN_PREFIX long) among `commits`. */
export function uniquePrefixes(commits: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(commits)].sort();
  const out = new Map<string, string>();
  sorted.forEach((c, i) => {
    const before = i > 0 ? common(c, sorted[i - 1]!) : 0;
    const after = i < sorted.length - 1 ? common(c, sorted[i + 1]!) : 0;
    out.set(c, c.slice(0, Math.max(MIN_PREFIX, before + 1, after + 1)));
  });
  return out;
}

const byList = new WeakMap<readonly { commit: string }[], Map<string, string>>();

/** The key of `commit` among the commits of `revisions` (memoised per list). */
export function commitKey(revisions: readonly { commit: string }[], commit: string): string {
  let keys = byList.get(revisions);
  if (!keys) {
    keys = uniquePrefixes(revisions.map((r) => r.commit));
    byList.set(revisions, keys);
  }
  return keys.get(commit) ?? commit.slice(0, MIN_PREFIX);
}
