/**
 * Sync source: GitHub's API. Fills the same `UpstreamSnapshot` as the git source (first-parent
 * history of the tracked paths, committer dates with their offsets, renames as `git -M`
 * finds them), plus every pull request with its state, files and review decision.
 *
 * Cost (the snapshot's 850 first-parent commits, 808 pull requests): about 38 requests cold, all but two
 * of them GraphQL queries that each carry many commits, trees, blobs or pull requests; warm,
 * two conditional REST requests that GitHub answers 304 when nothing changed.
 */
import { TRACKED_PATH, type UpstreamChange, type UpstreamCommit, type UpstreamSnapshot } from '../../src/domain/upstream.ts';
import { pullFromGitHub, type GitHubPull } from '../../src/domain/pulls.ts';
import type { PullRequest } from '../../src/domain/schemas/data.ts';
import { z } from 'zod';
import { BlobCache } from './blob-cache.ts';
import { GitHubError, type GitHubClient } from './github-client.ts';
import type { StateCommit, SyncState } from './sync-state.ts';
import { commitChanges, gitBlobId, type Listing } from './tree-diff.ts';

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
  /** Both conditional requests were answered 304: nothing to do. */
  unchanged: boolean;
  snapshot: UpstreamSnapshot | null;
  /** Pull requests as GitHub reports them (all of them, relevant or not). */
  pulls: PullRequest[];
  state: SyncState;
  /** What was new upstream, in words. */
  notes: string[];
}

// ---- response shapes (validated: a server that answers otherwise fails with a message) ----

const Oid = z.string().regex(/^[0-9a-f]{40}$/);
const Entry = z.object({ name: z.string(), type: z.string(), oid: Oid, mode: z.number().int().optional() });

const HistoryNode = z.object({
  oid: Oid,
  message: z.string(),
  committer: z.object({ date: z.string().nullable() }).nullable(),
  parents: z.object({ nodes: z.array(z.object({ oid: Oid })) }),
  tree: z.object({ entries: z.array(Entry).nullable() }),
});
type HistoryNode = z.output<typeof HistoryNode>;

const HistoryResponse = z.object({
  repository: z
    .object({
      object: z
        .object({
          history: z.object({
            pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
            nodes: z.array(HistoryNode),
          }),
        })
        .nullable(),
    })
    .nullable(),
});

const TreeObject = z.object({ entries: z.array(Entry).nullable() }).nullable();
const BlobObject = z
  .object({ text: z.string().nullable(), isBinary: z.boolean().nullable(), isTruncated: z.boolean(), byteSize: z.number().int() })
  .nullable();

const PageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });
const FilesConnection = z.object({ pageInfo: PageInfo, nodes: z.array(z.object({ path: z.string() })) }).nullable();
const PullNode = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  state: z.enum(['OPEN', 'CLOSED', 'MERGED']),
  isDraft: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  mergedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  url: z.string(),
  author: z.object({ login: z.string() }).nullable(),
  labels: z.object({ nodes: z.array(z.object({ name: z.string() })) }).nullable(),
  reviewDecision: z.enum(['APPROVED', 'CHANGES_REQUESTED', 'REVIEW_REQUIRED']).nullable(),
  files: FilesConnection,
});
type PullNode = z.output<typeof PullNode>;
const PullsResponse = z.object({
  repository: z.object({ pullRequests: z.object({ pageInfo: PageInfo, nodes: z.array(PullNode) }) }).nullable(),
});

function check<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GitHubError(`${what}: unexpected answer at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

// ---- queries ----

// https://docs.github.com/en/graphql/reference/objects#commit (history, committer: GitActor with a GitTimestamp that keeps the offset)
const HISTORY_QUERY = `query History($owner: String!, $name: String!, $oid: GitObjectID!, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    object(oid: $oid) {
      ... on Commit {
        history(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes {
            oid
            message
            committer { date }
            parents(first: 1) { nodes { oid } }
            tree { entries { name type oid } }
          }
        }
      }
    }
  }
}`;

// https://docs.github.com/en/graphql/reference/objects#tree (many trees per query, by object id)
function treesQuery(oids: readonly string[]): string {
  const fields = oids.map((oid, i) => `t${i}: object(oid: "${oid}") { ... on Tree { entries { name type oid mode } } }`).join('\n    ');
  return `query Trees($owner: String!, $name: String!) {\n  repository(owner: $owner, name: $name) {\n    ${fields}\n  }\n}`;
}

// https://docs.github.com/en/graphql/reference/objects#blob (many blobs per query, by object id)
function blobsQuery(oids: readonly string[]): string {
  const fields = oids.map((oid, i) => `b${i}: object(oid: "${oid}") { ... on Blob { text isBinary isTruncated byteSize } }`).join('\n    ');
  return `query Blobs($owner: String!, $name: String!) {\n  repository(owner: $owner, name: $name) {\n    ${fields}\n  }\n}`;
}

// https://docs.github.com/en/graphql/reference/objects#pullrequest (newest update first, with files and review decision)
const PULL_FIELDS = `number title state isDraft createdAt updatedAt mergedAt closedAt url
          author { login }
          labels(first: 50) { nodes { name } }
          reviewDecision
          files(first: 100) { pageInfo { hasNextPage endCursor } nodes { path } }`;
const PULLS_QUERY = `query Pulls($owner: String!, $name: String!, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(first: $first, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
          ${PULL_FIELDS}
      }
    }
  }
}`;

// https://docs.github.com/en/graphql/reference/objects#pullrequest (the rest of the files of pull requests with more than 100)
function moreFilesQuery(items: readonly { number: number; after: string }[]): string {
  const fields = items
    .map((p, i) => `p${i}: pullRequest(number: ${p.number}) { files(first: 100, after: ${JSON.stringify(p.after)}) { pageInfo { hasNextPage endCursor } nodes { path } } }`)
    .join('\n    ');
  return `query MoreFiles($owner: String!, $name: String!) {\n  repository(owner: $owner, name: $name) {\n    ${fields}\n  }\n}`;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** git prints a UTC committer date as `+00:00`; keep GitHub's GitTimestamp in that form. */
function gitTimestamp(date: string | null | undefined, sha: string): string {
  if (!date) throw new GitHubError(`commit ${sha}: GitHub gave no committer date`);
  return date.endsWith('Z') ? `${date.slice(0, -1)}+00:00` : date;
}

/** DateTime fields of pull requests, as GitHub's REST API writes them (UTC, no fraction). */
function restTime(value: string | null): string | null {
  if (value === null) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function pullOfNode(node: PullNode, files: readonly string[], repo: string): PullRequest {
  const raw: GitHubPull = {
    number: node.number,
    title: node.title,
    state: node.state === 'OPEN' ? 'open' : 'closed',
    draft: node.isDraft,
    created_at: restTime(node.createdAt),
    updated_at: restTime(node.updatedAt),
    merged_at: restTime(node.state === 'MERGED' ? (node.mergedAt ?? node.closedAt) : null),
    closed_at: restTime(node.closedAt),
    author: node.author?.login ?? null,
    labels: (node.labels?.nodes ?? []).map((l) => l.name),
    files: [...files],
    html_url: node.url,
    review_decision: node.reviewDecision,
  };
  return pullFromGitHub(raw, repo);
}

export async function fetchFromGitHub(options: GitHubSourceOptions): Promise<GitHubFetch> {
  const { client, branch, cache } = options;
  const [owner, name] = options.repo.split('/') as [string, string];
  const batch = { ...DEFAULT_BATCH, ...options.batch };
  const vars = { owner, name };
  const state = options.state && options.state.repo === options.repo && options.state.branch === branch ? options.state : null;
  const notes: string[] = [];

  // 1. Two conditional requests: has the branch moved, has any pull request changed?
  const ref = await client.getBranchRef(owner, name, branch, state?.etags.ref ?? null);
  const latestPull = await client.getLatestPullUpdate(owner, name, state?.etags.pulls ?? null);
  if (state && ref.data === null && latestPull.data === null) {
    return { unchanged: true, snapshot: null, pulls: [], state, notes: ['nothing changed upstream (both conditional requests answered 304)'] };
  }
  if (ref.data === null && !state) throw new GitHubError(`GET /repos/${options.repo}/git/ref/heads/${branch}: 304 without a previous state`);
  const headSha = ref.data?.object.sha ?? state!.head.sha;

  // 2. Commits: the first-parent chain from the head back to what the state knows (or to the root).
  let commits: StateCommit[] = state ? [...state.commits] : [];
  let files: Listing = new Map(Object.entries(state?.files ?? {}));
  let head = state?.head ?? null;
  if (!state || headSha !== state.head.sha) {
    const history = await fetchFirstParentChain(client, vars, headSha, state?.head.sha ?? null, batch.history);
    if (state && !history.reachedStop) {
      notes.push(`${branch} was rewritten (the last synced commit ${state.head.sha.slice(0, 7)} is no longer on it): full history fetched`);
      commits = [];
      files = new Map();
    }
    const fresh = await commitsOfChain(client, vars, history.chain, history.reachedStop ? files : new Map(), cache, batch);
    commits = [...commits, ...fresh.commits];
    files = fresh.files;
    const top = history.chain[0]!;
    head = { sha: top.oid, committedAt: gitTimestamp(top.committer?.date, top.oid) };
    const newTracked = fresh.commits.length;
    notes.push(state ? `${history.chain.length} new commit${history.chain.length === 1 ? '' : 's'} on ${branch}, ${newTracked} touching standards or scopes` : `history: ${history.chain.length} commits on ${branch}, ${newTracked} touching standards or scopes`);
  }

  // 3. Pull requests updated since the last sync (all of them on the first).
  let pulls: PullRequest[] = [...options.previousPulls];
  let lastPullUpdate = state?.lastPullUpdate ?? null;
  if (!state || latestPull.data !== null) {
    const fetched = await fetchPulls(client, vars, options.repo, state ? lastPullUpdate : null, batch.pulls);
    const byNumber = new Map(pulls.map((p) => [p.number, p]));
    for (const p of fetched.pulls) byNumber.set(p.number, p);
    pulls = [...byNumber.values()];
    if (fetched.newest && (!lastPullUpdate || fetched.newest > lastPullUpdate)) lastPullUpdate = fetched.newest;
    notes.push(state ? `${fetched.pulls.length} pull request${fetched.pulls.length === 1 ? '' : 's'} updated at or after ${state.lastPullUpdate ?? 'the last sync'}` : `${fetched.pulls.length} pull requests`);
  }

  // 4. Blob contents for the whole snapshot: the cache, then GitHub for what it lacks.
  const wanted = new Set<string>();
  for (const c of commits) for (const ch of c.changes) if (ch.blob) wanted.add(ch.blob);
  const headTracked = [...files].filter(([path]) => TRACKED_PATH.test(path));
  for (const [, f] of headTracked) wanted.add(f.oid);
  const blobs = await loadBlobs(client, vars, [...wanted], cache, batch.blobs);

  const upstreamCommits: UpstreamCommit[] = commits.map((c) => ({
    sha: c.sha,
    committedAt: c.committedAt,
    message: c.message,
    changes: c.changes.map(
      (ch): UpstreamChange => ({ status: ch.status, path: ch.path, oldPath: ch.oldPath, content: ch.blob ? blobs.get(ch.blob)! : null }),
    ),
  }));
  const snapshot: UpstreamSnapshot = {
    repo: options.repo,
    branch,
    head: head!,
    files: new Map(headTracked.sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, f]) => [path, blobs.get(f.oid)!])),
    commits: upstreamCommits,
  };
  const nextState: SyncState = {
    schemaVersion: 1,
    repo: options.repo,
    branch,
    etags: { ref: ref.etag, pulls: latestPull.etag },
    head: head!,
    files: Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1))),
    commits,
    lastPullUpdate,
  };
  return { unchanged: false, snapshot, pulls, state: nextState, notes };
}

interface Chain {
  /** Newest first. */
  chain: HistoryNode[];
  /** The chain reached the commit the state knows (false: it reached the root instead). */
  reachedStop: boolean;
}

/** Page through the history from `head` until the first-parent chain reaches `stop` or the root. */
async function fetchFirstParentChain(
  client: GitHubClient,
  vars: { owner: string; name: string },
  head: string,
  stop: string | null,
  first: number,
): Promise<Chain> {
  const seen = new Map<string, HistoryNode>();
  const chain: HistoryNode[] = [];
  let cursor = head;
  let after: string | null = null;
  for (;;) {
    const data: z.output<typeof HistoryResponse> = check(HistoryResponse, await client.graphql('History', HISTORY_QUERY, { ...vars, oid: head, first, after }), 'GraphQL History');
    const history = data.repository?.object?.history;
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
      throw new GitHubError(`GraphQL History: the history of ${head.slice(0, 7)} ended before its first-parent ancestor ${cursor.slice(0, 7)}`);
    }
    after = history.pageInfo.endCursor;
  }
}

function subtree(entries: readonly z.output<typeof Entry>[] | null, dir: string): string | null {
  return entries?.find((e) => e.name === dir && e.type === 'tree')?.oid ?? null;
}

function part(listing: Listing, prefix: string): Listing {
  return new Map([...listing].filter(([path]) => path.startsWith(prefix)));
}

/** The changes of each commit in the chain (oldest first), from tree listings and blob contents. */
async function commitsOfChain(
  client: GitHubClient,
  vars: { owner: string; name: string },
  chainNewestFirst: readonly HistoryNode[],
  base: Listing,
  cache: BlobCache,
  batch: BatchSizes,
): Promise<{ commits: StateCommit[]; files: Listing }> {
  const chain = [...chainNewestFirst].reverse();
  // Subtrees to list: those that differ from the commit before (trees are content-addressed).
  const needed = new Set<string>();
  let prev: { tests: string | null; standards: string | null } | null = null;
  const subtrees = chain.map((node) => {
    const s = { tests: subtree(node.tree.entries, 'Tests'), standards: subtree(node.tree.entries, 'Standards') };
    for (const key of ['tests', 'standards'] as const) if (s[key] && s[key] !== prev?.[key]) needed.add(s[key]!);
    prev = s;
    return s;
  });
  const trees = new Map<string, z.output<typeof Entry>[]>();
  for (const group of chunks([...needed], batch.trees)) {
    const data = await client.graphql<{ repository: Record<string, unknown> | null }>('Trees', treesQuery(group), vars);
    group.forEach((oid, i) => {
      const tree = check(TreeObject, data.repository?.[`t${i}`], `GraphQL Trees: tree ${oid}`);
      if (!tree?.entries) throw new GitHubError(`GraphQL Trees: no tree ${oid} in ${vars.owner}/${vars.name}`);
      trees.set(oid, tree.entries);
    });
  }
  const listingOf = (oid: string | null, dir: string, keep: (name: string) => boolean): Listing => {
    const out: Listing = new Map();
    for (const e of oid ? trees.get(oid)! : []) if (e.type === 'blob' && keep(e.name)) out.set(`${dir}/${e.name}`, { oid: e.oid, mode: e.mode ?? 0o100644 });
    return out;
  };
  // First pass: listings and raw differences, to know which blobs rename detection needs.
  const steps: { node: HistoryNode; before: Listing; after: Listing }[] = [];
  let before = base;
  let last: { tests: string | null; standards: string | null } | null = null;
  chain.forEach((node, i) => {
    const s = subtrees[i]!;
    const tests = last !== null && s.tests === last.tests ? part(before, 'Tests/') : listingOf(s.tests, 'Tests', (n) => SCOPE_NAME.test(n));
    const standards = last !== null && s.standards === last.standards ? part(before, 'Standards/') : listingOf(s.standards, 'Standards', () => true);
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

/** Blob contents by id: from the cache, else GitHub (GraphQL text in batches; REST for binary or large blobs). */
async function loadBlobs(
  client: GitHubClient,
  vars: { owner: string; name: string },
  oids: readonly string[],
  cache: BlobCache,
  size: number,
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const missing: string[] = [];
  for (const oid of oids) {
    const hit = await cache.get(oid);
    if (hit) out.set(oid, hit);
    else missing.push(oid);
  }
  for (const group of chunks(missing, size)) {
    const data = await client.graphql<{ repository: Record<string, unknown> | null }>('Blobs', blobsQuery(group), vars);
    for (const [i, oid] of group.entries()) {
      const blob = check(BlobObject, data.repository?.[`b${i}`], `GraphQL Blobs: blob ${oid}`);
      if (!blob) throw new GitHubError(`GraphQL Blobs: no blob ${oid} in ${vars.owner}/${vars.name}`);
      let content: Uint8Array | null = null;
      if (blob.text !== null && !blob.isBinary && !blob.isTruncated) {
        content = new TextEncoder().encode(blob.text);
        // Text that is not valid UTF-8 does not come back byte for byte: take the raw blob then.
        if (gitBlobId(content) !== oid) content = null;
      }
      content ??= await client.getBlob(vars.owner, vars.name, oid);
      if (gitBlobId(content) !== oid) throw new GitHubError(`blob ${oid}: the content GitHub sent does not match its id`);
      out.set(oid, content);
      await cache.put(oid, content);
    }
  }
  return out;
}

/** Pull requests, newest update first, until those not updated since `since`. */
async function fetchPulls(
  client: GitHubClient,
  vars: { owner: string; name: string },
  repo: string,
  since: string | null,
  first: number,
): Promise<{ pulls: PullRequest[]; newest: string | null }> {
  const nodes: PullNode[] = [];
  const files = new Map<number, string[]>();
  const more: { number: number; after: string }[] = [];
  let after: string | null = null;
  let newest: string | null = null;
  for (;;) {
    const data: z.output<typeof PullsResponse> = check(PullsResponse, await client.graphql('Pulls', PULLS_QUERY, { ...vars, first, after }), 'GraphQL Pulls');
    if (!data.repository) throw new GitHubError(`GraphQL Pulls: no repository ${repo}`);
    const page = data.repository.pullRequests;
    let older = false;
    for (const node of page.nodes) {
      const updated = restTime(node.updatedAt)!;
      if (since && updated < since) {
        older = true;
        continue;
      }
      if (!newest || updated > newest) newest = updated;
      nodes.push(node);
      files.set(node.number, (node.files?.nodes ?? []).map((f) => f.path));
      if (node.files?.pageInfo.hasNextPage && node.files.pageInfo.endCursor) more.push({ number: node.number, after: node.files.pageInfo.endCursor });
    }
    if (older || !page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  // Pull requests with more than 100 changed files: the rest, many per query.
  let pending = more;
  while (pending.length) {
    const next: typeof pending = [];
    for (const group of chunks(pending, 20)) {
      const data = await client.graphql<{ repository: Record<string, unknown> | null }>('MoreFiles', moreFilesQuery(group), vars);
      group.forEach((p, i) => {
        const conn = check(z.object({ files: FilesConnection }).nullable(), data.repository?.[`p${i}`], `GraphQL MoreFiles: #${p.number}`);
        if (!conn?.files) return;
        files.get(p.number)!.push(...conn.files.nodes.map((f) => f.path));
        if (conn.files.pageInfo.hasNextPage && conn.files.pageInfo.endCursor) next.push({ number: p.number, after: conn.files.pageInfo.endCursor });
      });
    }
    pending = next;
  }
  return { pulls: nodes.map((n) => pullOfNode(n, files.get(n.number) ?? [], repo)), newest };
}
