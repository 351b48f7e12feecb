/**
 * The proposals of the open pull requests, read from a clone: each one's head
 * (`refs/pull/N/head` as GitHub publishes it and a mirror fetches it, else the head commit an
 * export names, if the clone has it) merged into the synced head of `main` by git itself
 * (git-change.ts), then read as the sync reads `main` (upstream/proposal.ts).
 */
import { firstWarnings, proposalOf } from '../../src/domain/upstream/proposal.ts';
import { TRACKED_PATH } from '../../src/domain/upstream/upstream.ts';
import type { Dataset, Proposal } from '../../src/domain/schemas/data.ts';
import { readGitChange } from './git-change.ts';
import { PATHSPEC, resolveCommits } from './git-source.ts';
import { git } from './git.ts';

const PARALLEL = 4;

/** The tracked files a head changes since it forked from `base` (`git diff base...head`). */
async function changedPaths(repo: string, base: string, head: string): Promise<string[]> {
  const out = await git(repo, ['diff', '--name-only', '-z', '--no-renames', `${base}...${head}`, '--', ...PATHSPEC]);
  return out
    .toString('utf8')
    .split('\0')
    .filter((p) => TRACKED_PATH.test(p))
    .sort();
}

/** Each open pull request's head: `refs/pull/N/head`, else the commit the export names, if the clone has it. */
async function headsOf(
  repo: string,
  numbers: readonly number[],
  exported: ReadonlyMap<number, string>,
): Promise<Map<number, string | null>> {
  const candidates = (n: number) => [`refs/pull/${n}/head`, ...(exported.has(n) ? [exported.get(n)!] : [])];
  const found = await resolveCommits(repo, numbers.flatMap(candidates));
  return new Map(
    numbers.map((n) => [
      n,
      candidates(n)
        .map((rev) => found.get(rev) ?? null)
        .find((id) => id) ?? null,
    ]),
  );
}

/**
 * `heads`: the head commit an export gives per pull request. Returns the proposal of each
 * open pull request whose head the clone has, and a warning for each one that changes files
 * the sync reads but whose head it does not have.
 */
export async function readGitProposals(
  repo: string,
  dataset: Dataset,
  heads: ReadonlyMap<number, string>,
): Promise<{ proposals: Map<number, Proposal>; warnings: string[] }> {
  const proposals = new Map<number, Proposal>();
  const warnings: string[] = [];
  const open = dataset.pulls.filter((p) => p.state === 'open' || p.state === 'draft');
  const headOf = await headsOf(
    repo,
    open.map((p) => p.number),
    heads,
  );
  // A few git processes at a time: each merge is its own `git merge-tree` and `git diff`.
  for (let i = 0; i < open.length; i += PARALLEL) {
    await Promise.all(
      open.slice(i, i + PARALLEL).map(async (pr) => {
        const head = headOf.get(pr.number) ?? null;
        if (head === null) {
          if (pr.files.some((f) => TRACKED_PATH.test(f)))
            warnings.push(
              `open pull request #${pr.number}: its head is not in the clone (no refs/pull/${pr.number}/head${heads.has(pr.number) ? ` nor ${heads.get(pr.number)}` : ''}): what it proposes is not known`,
            );
          return;
        }
        const base = dataset.meta.source.commit;
        const change = await readGitChange(repo, base, head);
        // A head that does not merge, in any file, is as GitHub's `mergeable: CONFLICTING` leaves
        // it (github/proposals.ts): nothing of it is known; every file of the sync's it changes is named.
        const merges = change.conflicts.length + change.otherConflicts.length === 0;
        const said = merges ? change : { ...change, changes: [], conflicts: await changedPaths(repo, base, head) };
        proposals.set(pr.number, proposalOf(dataset, pr, said, dataset.meta.pullsAsOf));
      }),
    );
  }
  const said = firstWarnings(
    warnings,
    (n) => `and ${n} more open pull requests whose heads are not in the clone: what they propose is not known`,
  );
  return { proposals, warnings: said };
}
