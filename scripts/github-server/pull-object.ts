/**
 * A served pull request as GitHub's GraphQL `PullRequest` object: its fields from the export,
 * its head from the repository (`refs/pull/N/head`), and the test merge GitHub keeps for an
 * open one (test-merge.ts).
 */
import { page } from './connection.ts';
import { labelNames, utc, type ServerPull } from './model.ts';
import type { CommitInfo, GitStore } from './store.ts';
import { pullHead, testMerge } from './test-merge.ts';

interface PullContext {
  store: GitStore;
  owner: string;
  name: string;
  branch: string;
}

export function pullRequestObject(
  ctx: PullContext,
  p: ServerPull,
  commitObject: (c: CommitInfo) => Record<string, unknown>,
) {
  return {
    number: p.number,
    title: p.title,
    state: p.merged_at ? 'MERGED' : p.state === 'closed' ? 'CLOSED' : 'OPEN',
    isDraft: Boolean(p.draft),
    createdAt: utc(p.created_at),
    updatedAt: utc(p.updated_at),
    mergedAt: utc(p.merged_at),
    closedAt: utc(p.closed_at),
    url: p.html_url ?? `https://github.com/${ctx.owner}/${ctx.name}/pull/${p.number}`,
    author: p.author ? { __typename: 'User', login: p.author } : null,
    labels: (args: { first?: number; after?: string }) =>
      page(
        labelNames(p).map((n) => ({ name: n })),
        args,
      ),
    reviewDecision: p.review_decision ?? null,
    files: (args: { first?: number; after?: string }) =>
      page(
        (p.files ?? []).map((f) => ({ path: f, additions: 0, deletions: 0 })),
        args,
      ),
    // GitHub always knows a head. An export whose repository lacks it (no refs/pull/N/head, no
    // head_sha there) is served as GitHub serves a pull request whose test merge it has not
    // computed yet: its base branch's head, `mergeable: UNKNOWN`, no test merge.
    headRefOid: async () => (await pullHead(ctx.store, p)) ?? (await ctx.store.branchHead(ctx.branch)),
    mergeable: async () => (await testMerge(ctx.store, ctx.branch, p)).mergeable,
    potentialMergeCommit: async () => {
      const { commit } = await testMerge(ctx.store, ctx.branch, p);
      return commit ? commitObject(commit) : null;
    },
  };
}
