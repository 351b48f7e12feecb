/**
 * A pull request's head and GitHub's test merge of it (`potentialMergeCommit`, the commit
 * `refs/pull/N/merge` points at): the head merged into the base branch by git itself
 * (`git merge-tree`, then `git commit-tree`), written into the served repository as GitHub
 * writes its own. A head that does not merge has no test merge and is `CONFLICTING`.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { CommitInfo, GitStore } from './store.ts';
import type { ServerPull } from './model.ts';

const execFileP = promisify(execFile);

export type Mergeable = 'MERGEABLE' | 'CONFLICTING' | 'UNKNOWN';

/** The head commit: `refs/pull/N/head` as GitHub publishes it, else the export's `head_sha`; null when neither is in the repository. */
export async function pullHead(store: GitStore, p: ServerPull): Promise<string | null> {
  const ref = await store.resolve(`refs/pull/${p.number}/head^{commit}`);
  if (ref) return ref;
  return p.head_sha ? store.resolve(`${p.head_sha}^{commit}`) : null;
}

const merges = new Map<string, Promise<CommitInfo | null>>();

async function merge(dir: string, base: string, head: string): Promise<CommitInfo | null> {
  let tree: string;
  try {
    tree = (await execFileP('git', ['-C', dir, 'merge-tree', '--write-tree', base, head])).stdout
      .split('\n')[0]!
      .trim();
  } catch (error) {
    if ((error as { code?: number }).code === 1) return null; // conflicts
    throw error;
  }
  // The same commit for the same merge on every run: identity and dates fixed, dates the head's.
  const { stdout: date } = await execFileP('git', ['-C', dir, 'show', '-s', '--format=%cI', head]);
  const message = `Merge ${head} into ${base}`;
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'GitHub',
    GIT_AUTHOR_EMAIL: 'noreply@github.com',
    GIT_COMMITTER_NAME: 'GitHub',
    GIT_COMMITTER_EMAIL: 'noreply@github.com',
    GIT_AUTHOR_DATE: date.trim(),
    GIT_COMMITTER_DATE: date.trim(),
  };
  const { stdout } = await execFileP('git', ['-C', dir, 'commit-tree', tree, '-p', base, '-p', head, '-m', message], {
    env,
  });
  return { oid: stdout.trim(), parents: [base, head], tree, committerDate: date.trim(), message: `${message}\n` };
}

/** GitHub's test merge of `p` into `branch`: the commit, or why there is none. */
export async function testMerge(
  store: GitStore,
  branch: string,
  p: ServerPull,
): Promise<{ mergeable: Mergeable; commit: CommitInfo | null }> {
  const [base, head] = await Promise.all([store.branchHead(branch), pullHead(store, p)]);
  if (p.state !== 'open' || !base || !head) return { mergeable: 'UNKNOWN', commit: null };
  const key = `${base}..${head}`;
  if (!merges.has(key)) merges.set(key, merge(store.dir, base, head));
  const commit = await merges.get(key)!;
  return { mergeable: commit ? 'MERGEABLE' : 'CONFLICTING', commit };
}
