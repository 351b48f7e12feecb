/**
 * The first-parent history of the branch, as the git source reads it: commits from the head
 * back to what the state knows (or to the root), and the changes of each to the tracked
 * paths, from tree listings (only subtrees that differ from the commit before are listed:
 * trees are content-addressed) and, for rename detection as `git -M` does it, blob contents.
 */
import { TRACKED_PATH } from '../../../src/domain/upstream/upstream.ts';
import type { BlobCache } from '../blob-cache.ts';
import type { StateCommit } from '../sync-state.ts';
import { commitChanges, type Listing } from '../tree-diff.ts';
import { fetchAliased, fetchPage } from './batch.ts';
import { loadBlobs } from './blobs.ts';
import type { GitHubClient } from './client.ts';
import { GitHubError } from './errors.ts';
import {
  check,
  HISTORY_QUERY,
  HistoryResponse,
  TREES,
  type Entry,
  type HistoryNode,
  type RepoVars,
} from './queries.ts';

/**
 * The part of `Tests/` git's pathspec `Tests/scs-compatible*.yaml` (and `.yml`) reads.
 * `Standards/` is listed one level deep: tracked documents are all there. The git source's
 * pathspec also sees subfolders, so a document moved up from a subfolder would be a rename
 * there and an addition here; that changes only the files a pull request lists, never a
 * document, scope or revision (their histories do not follow document renames).
 */
const SCOPE_NAME = /^scs-compatible[^/]*\.ya?ml$/;

export interface BatchSizes {
  history: number;
  trees: number;
  blobs: number;
  pulls: number;
}

export const DEFAULT_BATCH: BatchSizes = { history: 100, trees: 60, blobs: 100, pulls: 100 };

/** git prints a UTC committer date as `+00:00`; keep GitHub's GitTimestamp in that form. */
export function gitTimestamp(date: string | null | undefined, sha: string): string {
  if (!date) throw new GitHubError(`commit ${sha}: GitHub gave no committer date`);
  return date.endsWith('Z') ? `${date.slice(0, -1)}+00:00` : date;
}

export interface Chain {
  /** Newest first. */
  chain: HistoryNode[];
  /** The chain reached the commit the state knows (false: it reached the root instead). */
  reachedStop: boolean;
}

/** Page through the history from `head` until the first-parent chain reaches `stop` or the root. */
export async function fetchFirstParentChain(
  client: GitHubClient,
  vars: RepoVars,
  head: string,
  stop: string | null,
  size: number,
): Promise<Chain> {
  const seen = new Map<string, HistoryNode>();
  const chain: HistoryNode[] = [];
  const first = { value: size };
  let cursor = head;
  let after: string | null = null;
  for (;;) {
    const answer: unknown = await fetchPage(client, 'History', HISTORY_QUERY, { ...vars, oid: head, after }, first);
    const history = check(HistoryResponse, answer, 'GraphQL History').repository?.object?.history;
    if (!history) throw new GitHubError(`GraphQL History: no commit ${head} in ${vars.owner}/${vars.name}`);
    for (const node of history.nodes) seen.set(node.oid, node);
    while (seen.has(cursor)) {
      const node = seen.get(cursor)!;
      chain.push(node);
      const parent = node.parents.nodes[0]?.oid;
      if (!parent) return { chain, reachedStop: false };
      if (parent === stop) return { chain, reachedStop: true };
      cursor = parent;
    }
    if (!history.pageInfo.hasNextPage || !history.pageInfo.endCursor) {
      throw new GitHubError(
        `GraphQL History: the history of ${head.slice(0, 7)} ended before its first-parent ancestor ${cursor.slice(0, 7)}`,
      );
    }
    after = history.pageInfo.endCursor;
  }
}

function subtree(entries: readonly Entry[] | null, dir: string): string | null {
  return entries?.find((e) => e.name === dir && e.type === 'tree')?.oid ?? null;
}

function part(listing: Listing, prefix: string): Listing {
  return new Map([...listing].filter(([path]) => path.startsWith(prefix)));
}

type Subtrees = { tests: string | null; standards: string | null };

/** The changes of each commit in the chain (oldest first), from tree listings and blob contents. */
export async function commitsOfChain(
  client: GitHubClient,
  vars: RepoVars,
  chainNewestFirst: readonly HistoryNode[],
  base: Listing,
  cache: BlobCache,
  batch: BatchSizes,
): Promise<{ commits: StateCommit[]; files: Listing }> {
  const chain = [...chainNewestFirst].reverse();
  const needed = new Set<string>();
  let prev: Subtrees | null = null;
  const subtrees = chain.map((node) => {
    const s: Subtrees = {
      tests: subtree(node.tree.entries, 'Tests'),
      standards: subtree(node.tree.entries, 'Standards'),
    };
    for (const key of ['tests', 'standards'] as const) if (s[key] && s[key] !== prev?.[key]) needed.add(s[key]!);
    prev = s;
    return s;
  });
  const oids = [...needed];
  const answers = await fetchAliased(client, vars, TREES, oids, batch.trees);
  const trees = new Map<string, Entry[]>();
  oids.forEach((oid, i) => {
    const entries = answers[i]?.entries;
    if (!entries) throw new GitHubError(`GraphQL Trees: no tree ${oid} in ${vars.owner}/${vars.name}`);
    trees.set(oid, entries);
  });
  const listingOf = (oid: string | null, dir: string, keep: (name: string) => boolean): Listing => {
    const out: Listing = new Map();
    for (const e of oid ? trees.get(oid)! : [])
      if (e.type === 'blob' && keep(e.name)) out.set(`${dir}/${e.name}`, { oid: e.oid, mode: e.mode ?? 0o100644 });
    return out;
  };
  // First pass: listings and raw differences, to know which blobs rename detection needs.
  const steps: { node: HistoryNode; before: Listing; after: Listing }[] = [];
  let before = base;
  let last: Subtrees | null = null;
  chain.forEach((node, i) => {
    const s = subtrees[i]!;
    const tests =
      last !== null && s.tests === last.tests
        ? part(before, 'Tests/')
        : listingOf(s.tests, 'Tests', (n) => SCOPE_NAME.test(n));
    const standards =
      last !== null && s.standards === last.standards
        ? part(before, 'Standards/')
        : listingOf(s.standards, 'Standards', () => true);
    const after: Listing = new Map([...standards, ...tests]);
    steps.push({ node, before, after });
    before = after;
    last = s;
  });
  const wanted = new Set<string>();
  for (const { before: b, after: a } of steps) {
    const addedOrChanged = [...a].filter(([path, f]) => b.get(path)?.oid !== f.oid);
    const deleted = [...b].filter(([path]) => !a.has(path));
    for (const [path, f] of addedOrChanged) if (TRACKED_PATH.test(path)) wanted.add(f.oid);
    if (deleted.length && addedOrChanged.some(([path]) => !b.has(path))) {
      for (const [, f] of deleted) wanted.add(f.oid);
      for (const [path, f] of addedOrChanged) if (!b.has(path)) wanted.add(f.oid);
    }
  }
  const blobs = await loadBlobs(client, vars, [...wanted], cache, batch.blobs);
  const commits: StateCommit[] = [];
  for (const { node, before: b, after: a } of steps) {
    const changes = commitChanges(b, a, (oid) => blobs.get(oid)!).filter((c) => TRACKED_PATH.test(c.path));
    if (!changes.length) continue;
    commits.push({
      sha: node.oid,
      committedAt: gitTimestamp(node.committer?.date, node.oid),
      // git log's %B ends with the message's own newline; the git source trims trailing space.
      message: node.message.replace(/\s+$/, ''),
      changes: changes.map((c) => ({ status: c.status, path: c.path, oldPath: c.oldPath, blob: c.oid })),
    });
  }
  return { commits, files: before };
}
