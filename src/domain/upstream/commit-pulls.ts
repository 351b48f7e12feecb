/** Pull requests read from the commit messages of `main`, for a sync without a pull-request export. */
import { pullUrl } from '../links/upstream-links.ts';
import { documentsTouched, scopesTouched } from '../pulls/pulls.ts';
import type { PullRequest } from '../schemas/data.ts';
import { pullRequestOfMessage, type UpstreamSnapshot } from './upstream.ts';

/** Merged pull requests as the commit messages on `main` tell them. */
export function pullsFromCommits(snapshot: UpstreamSnapshot): PullRequest[] {
  const byNumber = new Map<number, PullRequest>();
  for (const commit of snapshot.commits) {
    const { pr, title } = pullRequestOfMessage(commit.message);
    if (pr === null) continue;
    const known = byNumber.get(pr);
    const files = [
      ...new Set([
        ...(known?.files ?? []),
        ...commit.changes.flatMap((c) => (c.oldPath ? [c.oldPath, c.path] : [c.path])),
      ]),
    ].sort();
    byNumber.set(pr, {
      number: pr,
      title: known?.title ?? title,
      state: 'merged',
      author: null,
      createdAt: null,
      updatedAt: commit.committedAt,
      mergedAt: known?.mergedAt ?? commit.committedAt,
      closedAt: known?.closedAt ?? commit.committedAt,
      labels: [],
      reviewDecision: null,
      files,
      documents: documentsTouched(known?.title ?? title, files),
      scopes: scopesTouched(files),
      url: pullUrl(snapshot.repo, pr),
    });
  }
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}
