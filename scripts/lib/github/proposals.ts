/**
 * The proposals of the open pull requests, from GitHub without a clone: each one's head and
 * GitHub's test merge of it into the base branch (`potentialMergeCommit`, what
 * `refs/pull/N/merge` points at), then the files it changes as that merge has them, read as
 * the sync reads `main` (upstream/proposal.ts). The same merge as the git source's, so both
 * give the same proposals. Two queries for all of them.
 */
import { firstWarnings, proposalOf, type HeadChange } from '../../../src/domain/upstream/proposal.ts';
import { TRACKED_PATH, type UpstreamChange, type UpstreamSnapshot } from '../../../src/domain/upstream/upstream.ts';
import type { Dataset, Proposal } from '../../../src/domain/schemas/data.ts';
import type { BlobCache } from '../blob-cache.ts';
import { gitBlobId } from '../tree-diff.ts';
import { fetchAliased } from './batch.ts';
import { loadBlobs } from './blobs.ts';
import type { GitHubClient } from './client.ts';
import { MERGES, PATH_BLOBS, type PathKey, type RepoVars } from './queries.ts';

export async function fetchProposals(
  client: GitHubClient,
  vars: RepoVars,
  dataset: Dataset,
  snapshot: Pick<UpstreamSnapshot, 'files'>,
  cache: BlobCache,
  size: { pulls: number; blobs: number },
): Promise<{ proposals: Map<number, Proposal>; warnings: string[] }> {
  const open = dataset.pulls.filter((p) => p.state === 'open' || p.state === 'draft');
  if (open.length === 0) return { proposals: new Map(), warnings: [] };
  const merges = await fetchAliased(
    client,
    vars,
    MERGES,
    open.map((p) => p.number),
    size.pulls,
  );
  const warnings: string[] = [];
  const base = dataset.meta.source.commit;
  const pending: { pr: (typeof open)[number]; head: string; merge: string; paths: string[] }[] = [];
  const proposals = new Map<number, Proposal>();
  open.forEach((pr, i) => {
    const m = merges[i];
    const paths = pr.files.filter((f) => TRACKED_PATH.test(f));
    if (!m) return;
    if (m.mergeable === 'CONFLICTING') {
      const change: HeadChange = { base, head: m.headRefOid, changes: [], conflicts: paths };
      proposals.set(pr.number, proposalOf(dataset, pr, change, dataset.meta.pullsAsOf));
    } else if (m.potentialMergeCommit === null) {
      if (paths.length > 0)
        warnings.push(
          `open pull request #${pr.number}: GitHub has no test merge of it yet (mergeable ${m.mergeable}): what it proposes is not known; the next sync asks again`,
        );
    } else pending.push({ pr, head: m.headRefOid, merge: m.potentialMergeCommit.oid, paths });
  });
  // Each file with its text in one query; only a binary, truncated or not UTF-8 one takes another (loadBlobs).
  const keys: PathKey[] = pending.flatMap((p) => p.paths.map((path) => ({ commit: p.merge, path })));
  const found = keys.length > 0 ? await fetchAliased(client, vars, PATH_BLOBS, keys, size.blobs) : [];
  const at = new Map<string, { oid: string; text: Uint8Array | null } | null>();
  keys.forEach((k, i) => {
    const b = found[i];
    const text = b?.text != null && !b.isBinary && !b.isTruncated ? new TextEncoder().encode(b.text) : null;
    at.set(
      `${k.commit}:${k.path}`,
      b?.oid ? { oid: b.oid, text: text && gitBlobId(text) === b.oid ? text : null } : null,
    );
  });
  const rest = [...at.values()].flatMap((b) => (b && b.text === null ? [b.oid] : []));
  const blobs = rest.length > 0 ? await loadBlobs(client, vars, [...new Set(rest)], cache, size.blobs) : new Map();
  for (const { pr, head, merge, paths } of pending) {
    const changes: UpstreamChange[] = [];
    for (const path of paths) {
      const blob = at.get(`${merge}:${path}`) ?? null;
      const now = snapshot.files.get(path);
      if (blob === null && now === undefined) continue;
      if (blob !== null && now !== undefined && gitBlobId(now) === blob.oid) continue;
      const content: Uint8Array | null = blob === null ? null : (blob.text ?? blobs.get(blob.oid)!);
      changes.push({ path, status: content === null ? 'D' : now ? 'M' : 'A', oldPath: null, content });
    }
    proposals.set(pr.number, proposalOf(dataset, pr, { base, head, changes, conflicts: [] }, dataset.meta.pullsAsOf));
  }
  const said = firstWarnings(
    warnings,
    (n) => `and ${n} more open pull requests GitHub has no test merge of yet: what they propose is not known`,
  );
  return { proposals, warnings: said };
}
