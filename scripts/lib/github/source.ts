/**
 * Sync source: GitHub's API. Fills the same `UpstreamSnapshot` as the git source (first-parent
 * history of the tracked paths, committer dates with their offsets, renames as `git -M`
 * finds them), plus every pull request with its state, files and review decision.
 *
 * Whether anything changed is decided by content: the branch's head commit and the newest
 * pull-request update, from two small REST requests (conditional when the cache holds ETags
 * of this token, then answered 304, free of rate limit). ETags are only an optimisation: a
 * new token gets 200s with the same content, and nothing is fetched or rewritten.
 *
 * Cost (the snapshot's 850 first-parent commits, 808 pull requests): 38 requests cold, all but
 * two of them GraphQL queries that each carry many commits, trees, blobs or pull requests.
 */
import {
  TRACKED_PATH,
  type UpstreamChange,
  type UpstreamCommit,
  type UpstreamSnapshot,
} from '../../../src/domain/upstream/upstream.ts';
import type { PullRequest } from '../../../src/domain/schemas/data.ts';
import type { BlobCache } from '../blob-cache.ts';
import type { SyncState } from '../sync-state.ts';
import type { Listing } from '../tree-diff.ts';
import { loadBlobs } from './blobs.ts';
import type { GitHubClient } from './client.ts';
import { GitHubError } from './errors.ts';
import { readEtags, type Etags } from './etags.ts';
import { commitsOfChain, DEFAULT_BATCH, fetchFirstParentChain, gitTimestamp, type BatchSizes } from './history.ts';
import { fetchPulls, restTime, type NewestPull } from './pulls.ts';

export { DEFAULT_BATCH, type BatchSizes } from './history.ts';

export interface GitHubSourceOptions {
  client: GitHubClient;
  /** `owner/name`. */
  repo: string;
  branch: string;
  /** The previous sync's state; null for a full (cold) sync. */
  state: SyncState | null;
  /** Pull requests in `data/` from the previous sync (kept for those GitHub does not report as updated). */
  previousPulls: readonly PullRequest[];
  cache: BlobCache;
  batch?: Partial<BatchSizes>;
}

export interface GitHubFetch {
  /** Upstream holds what the state describes: nothing to do. */
  unchanged: boolean;
  snapshot: UpstreamSnapshot | null;
  /** Pull requests as GitHub reports them (all of them, relevant or not). */
  pulls: PullRequest[];
  state: SyncState;
  /** ETags of this run with the content they stand for, for the cache directory. */
  etags: Etags;
  /** What was new upstream, in words. */
  notes: string[];
}

/** The newest pull request GitHub lists is one the state already knows (or none is newer). */
function knownPull(latest: { number: number; updated_at: string } | null, known: NewestPull | null): boolean {
  if (!latest) return known === null;
  if (!known) return false;
  const updated = restTime(latest.updated_at);
  return updated < known.updatedAt || (updated === known.updatedAt && known.numbers.includes(latest.number));
}

export async function fetchFromGitHub(options: GitHubSourceOptions): Promise<GitHubFetch> {
  const { client, branch, cache } = options;
  const [owner = '', name = ''] = options.repo.split('/');
  const batch = { ...DEFAULT_BATCH, ...options.batch };
  const vars = { owner, name };
  const state =
    options.state && options.state.repo === options.repo && options.state.branch === branch ? options.state : null;
  const notes: string[] = [];

  // 1. Two small requests: the head of the branch, the most recently updated pull request.
  const cached = await readEtags(cache.dir, options.repo, branch);
  const ref = await client.getBranchRef(owner, name, branch, cached?.ref?.etag ?? null);
  const pullsList = await client.getLatestPullUpdate(owner, name, cached?.pulls?.etag ?? null);
  const headSha = ref.data ? ref.data.object.sha : cached?.ref?.sha;
  if (!headSha)
    throw new GitHubError(`GET /repos/${options.repo}/git/ref/heads/${branch}: 304 without a previous answer`);
  const latest = pullsList.data ? (pullsList.data[0] ?? null) : (cached?.pulls?.newest ?? null);
  const etags: Etags = {
    repo: options.repo,
    branch,
    ref: ref.etag ? { etag: ref.etag, sha: headSha } : null,
    pulls: pullsList.etag
      ? { etag: pullsList.etag, newest: latest ? { number: latest.number, updated_at: latest.updated_at } : null }
      : null,
  };
  const headKnown = state !== null && headSha === state.head.sha;
  const pullsKnown = state !== null && knownPull(latest, state.newestPull);
  if (state && headKnown && pullsKnown) {
    const free = client.stats.notModified;
    return {
      unchanged: true,
      snapshot: null,
      pulls: [],
      state,
      etags,
      notes: [
        `nothing changed upstream (head ${headSha.slice(0, 7)}, newest pull-request update ${state.newestPull?.updatedAt ?? 'none'}; ${free} of 2 answered 304)`,
      ],
    };
  }

  // 2. Commits: the first-parent chain from the head back to what the state knows (or to the root).
  let commits = state ? [...state.commits] : [];
  let files: Listing = new Map(Object.entries(state?.files ?? {}));
  let head = state?.head ?? null;
  if (!headKnown) {
    const history = await fetchFirstParentChain(client, vars, headSha, state?.head.sha ?? null, batch.history);
    if (state && !history.reachedStop) {
      notes.push(
        `${branch} was rewritten (the last synced commit ${state.head.sha.slice(0, 7)} is no longer on it): full history fetched`,
      );
      commits = [];
      files = new Map();
    }
    const fresh = await commitsOfChain(
      client,
      vars,
      history.chain,
      history.reachedStop ? files : new Map(),
      cache,
      batch,
    );
    commits = [...commits, ...fresh.commits];
    files = fresh.files;
    const top = history.chain[0]!;
    head = { sha: top.oid, committedAt: gitTimestamp(top.committer?.date, top.oid) };
    const n = history.chain.length;
    notes.push(
      state
        ? `${n} new commit${n === 1 ? '' : 's'} on ${branch}, ${fresh.commits.length} touching standards or scopes`
        : `history: ${n} commits on ${branch}, ${fresh.commits.length} touching standards or scopes`,
    );
  }

  // 3. Pull requests updated since the last sync (all of them on the first).
  let pulls: PullRequest[] = [...options.previousPulls];
  let newestPull = state?.newestPull ?? null;
  if (!pullsKnown) {
    const since = state?.newestPull?.updatedAt ?? null;
    const fetched = await fetchPulls(client, vars, since, batch.pulls);
    const byNumber = new Map(pulls.map((p) => [p.number, p]));
    for (const p of fetched.pulls) byNumber.set(p.number, p);
    pulls = [...byNumber.values()];
    if (fetched.newest) newestPull = fetched.newest;
    const n = fetched.pulls.length;
    notes.push(
      state
        ? `${n} pull request${n === 1 ? '' : 's'} updated at or after ${since ?? 'the last sync'}`
        : `${n} pull requests`,
    );
  }

  // 4. Blob contents for the whole snapshot: the cache, then GitHub for what it lacks.
  const wanted = new Set<string>();
  for (const c of commits) for (const ch of c.changes) if (ch.blob) wanted.add(ch.blob);
  const headTracked = [...files].filter(([path]) => TRACKED_PATH.test(path)).sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [, f] of headTracked) wanted.add(f.oid);
  const blobs = await loadBlobs(client, vars, [...wanted], cache, batch.blobs);
  const content = (oid: string) => blobs.get(oid)!;

  const upstreamCommits: UpstreamCommit[] = commits.map((c) => ({
    sha: c.sha,
    committedAt: c.committedAt,
    message: c.message,
    changes: c.changes.map((ch): UpstreamChange => ({
      status: ch.status,
      path: ch.path,
      oldPath: ch.oldPath,
      content: ch.blob ? content(ch.blob) : null,
    })),
  }));
  const top = head!;
  const snapshot: UpstreamSnapshot = {
    repo: options.repo,
    branch,
    head: top,
    files: new Map(headTracked.map(([path, f]) => [path, content(f.oid)])),
    commits: upstreamCommits,
  };
  const nextState: SyncState = {
    schemaVersion: 2,
    repo: options.repo,
    branch,
    head: top,
    files: Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1))),
    commits,
    newestPull,
  };
  return { unchanged: false, snapshot, pulls, state: nextState, etags, notes };
}
