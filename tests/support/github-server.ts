/**
 * A GitHub-compatible API server for tests and the benchmark: a real HTTP server on
 * 127.0.0.1 backed by a git repository and a pull-request list. It answers what the sync
 * asks, in GitHub's shapes:
 *
 * - REST: `git/ref/heads/{branch}`, `pulls` (with `Link` pagination), `git/blobs/{sha}`,
 *   `rate_limit`; `ETag` / `If-None-Match` → 304 (not counted against the rate limit);
 *   `x-ratelimit-*` headers, a 403 when the limit is used up.
 * - GraphQL at `/graphql`: the queries are executed for real (graphql-js) against a subset of
 *   GitHub's schema whose resolvers read the git repository.
 *
 * Faults are injected per request (a queue, each fault optionally matching a request):
 * 500/502/503/404, 403 rate limit with a reset time, GraphQL's RATE_LIMITED error, 429
 * secondary limit with retry-after,
 * connection reset, slow response, truncated body. Every request is logged.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import type { GraphQLSchema } from 'graphql';

const execFileP = promisify(execFile);

/**
 * The server executes GraphQL with graphql-js (a dev dependency). A node_modules installed
 * before it was added lacks it: the tests are then skipped with this message, except in CI.
 */
export const HAVE_GRAPHQL = (() => {
  try {
    createRequire(import.meta.url).resolve('graphql');
    return true;
  } catch {
    return false;
  }
})();
/** Skip GitHub-server tests only outside CI, and say why. */
export const SKIP_GITHUB_SERVER = !HAVE_GRAPHQL && process.env.CI !== 'true';
if (SKIP_GITHUB_SERVER && !process.env.SCS_GRAPHQL_NOTICE_SHOWN) {
  process.env.SCS_GRAPHQL_NOTICE_SHOWN = '1';
  console.warn('SKIPPED: GitHub sync tests need the graphql dev dependency; run npm install.');
}

/** A pull request as the fixture's pulls.json has it (GitHub's REST field names). */
export interface ServerPull {
  number: number;
  title: string;
  state: 'open' | 'closed';
  draft?: boolean | null;
  created_at: string;
  updated_at: string;
  closed_at?: string | null;
  merged_at?: string | null;
  author?: string | null;
  labels?: (string | { name: string })[];
  files?: string[];
  html_url?: string;
  review_decision?: 'APPROVED' | 'CHANGES_REQUESTED' | 'REVIEW_REQUIRED' | null;
}

export type Fault =
  | { kind: 'status'; status: 404 | 500 | 502 | 503; match?: Match }
  | { kind: 'rate-limit'; resetIn: number; match?: Match }
  /** GraphQL's own way: 200 with an error of type RATE_LIMITED and x-ratelimit-remaining: 0. */
  | { kind: 'graphql-rate-limit'; resetIn: number; match?: Match }
  | { kind: 'secondary'; retryAfter: number; match?: Match }
  | { kind: 'reset'; match?: Match }
  | { kind: 'slow'; ms: number; match?: Match }
  | { kind: 'truncate'; match?: Match };

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  /** The request carried If-None-Match. */
  conditional: boolean;
  /** GraphQL operation name, for /graphql. */
  operation: string | null;
  /** The Authorization header as received (tests check the token is sent only here). */
  authorization: string | null;
  fault: Fault['kind'] | null;
  /** Time the server took to answer, ms. */
  ms: number;
}

export type Match = (request: { method: string; path: string; operation: string | null }) => boolean;

export interface GitHubServer {
  url: string;
  requests: LoggedRequest[];
  /** Faults to inject, first matching one per request, consumed. */
  faults: Fault[];
  /** The pull requests served; tests may change them between syncs. */
  pulls: ServerPull[];
  /** Requests left before the core / graphql limits are used up. */
  rateLimit: { core: number; graphql: number; limit: number; resetAt: number };
  close(): Promise<void>;
}

export interface ServerOptions {
  repo: string;
  owner?: string;
  name?: string;
  branch?: string;
  pulls?: ServerPull[];
  rateLimit?: number;
  /** Answer GraphQL without an Authorization header with 401, as GitHub does (default true). */
  graphqlNeedsToken?: boolean;
}

// ---- the git side ----

interface CommitInfo {
  oid: string;
  parents: string[];
  tree: string;
  committerDate: string;
  message: string;
}

interface TreeEntryInfo {
  name: string;
  mode: number;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
}

class GitStore {
  readonly dir: string;
  private commits = new Map<string, CommitInfo>();
  private loadedFor: string | null = null;
  private objects = new Map<string, { type: string; content: Buffer } | null>();
  private pending = new Map<string, ((v: { type: string; content: Buffer } | null) => void)[]>();
  private scheduled = false;
  private histories = new Map<string, string[]>();

  constructor(dir: string) {
    this.dir = dir;
  }

  async branchHead(branch: string): Promise<string | null> {
    try {
      const { stdout } = await execFileP('git', ['-C', this.dir, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`]);
      return stdout.trim();
    } catch {
      return null;
    }
  }

  /** Load every commit reachable from any branch (again when a branch moved). */
  async refresh(): Promise<void> {
    const { stdout: refs } = await execFileP('git', ['-C', this.dir, 'for-each-ref', '--format=%(objectname)', 'refs/heads']);
    if (refs === this.loadedFor) return;
    const { stdout } = await execFileP('git', ['-C', this.dir, 'log', '--branches', '--format=%x01%H%x02%P%x02%T%x02%cI%x02%B'], { maxBuffer: 1 << 28 });
    this.commits.clear();
    this.histories.clear();
    for (const chunk of stdout.split('\x01').slice(1)) {
      const [oid, parents, tree, committerDate, message] = chunk.split('\x02') as [string, string, string, string, string];
      // %B is followed by the newline git log puts between entries.
      this.commits.set(oid, { oid, parents: parents ? parents.split(' ') : [], tree, committerDate, message: message.replace(/\n$/, '') });
    }
    this.loadedFor = refs;
  }

  commit(oid: string): CommitInfo | null {
    return this.commits.get(oid) ?? null;
  }

  /** Commits reachable from `oid`, as `git rev-list` orders them (newest first). */
  async history(oid: string): Promise<string[]> {
    const known = this.histories.get(oid);
    if (known) return known;
    const { stdout } = await execFileP('git', ['-C', this.dir, 'rev-list', oid], { maxBuffer: 1 << 28 });
    const list = stdout.split('\n').filter(Boolean);
    this.histories.set(oid, list);
    return list;
  }

  /** Any object by id; requests within one tick share one `git cat-file --batch`. */
  object(oid: string): Promise<{ type: string; content: Buffer } | null> {
    if (!/^[0-9a-f]{40}$/.test(oid)) return Promise.resolve(null);
    if (this.objects.has(oid)) return Promise.resolve(this.objects.get(oid)!);
    return new Promise((resolve) => {
      const waiting = this.pending.get(oid) ?? [];
      waiting.push(resolve);
      this.pending.set(oid, waiting);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = new Map(this.pending);
    this.pending.clear();
    const ids = [...batch.keys()];
    const out = await catFile(this.dir, ids);
    for (const id of ids) {
      const value = out.get(id) ?? null;
      this.objects.set(id, value);
      for (const resolve of batch.get(id)!) resolve(value);
    }
  }

  async tree(oid: string): Promise<TreeEntryInfo[] | null> {
    const obj = await this.object(oid);
    if (!obj || obj.type !== 'tree') return null;
    return parseTree(obj.content);
  }
}

function catFile(dir: string, ids: string[]): Promise<Map<string, { type: string; content: Buffer }>> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', dir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', () => {
      const buf = Buffer.concat(chunks);
      const out = new Map<string, { type: string; content: Buffer }>();
      let pos = 0;
      for (const id of ids) {
        const nl = buf.indexOf(0x0a, pos);
        const [, type, size] = buf.subarray(pos, nl).toString('utf8').split(' ');
        if (type === 'missing' || size === undefined) {
          pos = nl + 1;
          continue;
        }
        const start = nl + 1;
        out.set(id, { type: type!, content: buf.subarray(start, start + Number(size)) });
        pos = start + Number(size) + 1;
      }
      resolve(out);
    });
    child.stdin.end(ids.join('\n') + '\n');
  });
}

function parseTree(buf: Buffer): TreeEntryInfo[] {
  const entries: TreeEntryInfo[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const space = buf.indexOf(0x20, pos);
    const nul = buf.indexOf(0, space);
    const modeText = buf.subarray(pos, space).toString('utf8');
    const name = buf.subarray(space + 1, nul).toString('utf8');
    const oid = buf.subarray(nul + 1, nul + 21).toString('hex');
    const mode = parseInt(modeText, 8);
    const type = modeText === '40000' ? 'tree' : modeText === '160000' ? 'commit' : 'blob';
    entries.push({ name, mode, type, oid });
    pos = nul + 21;
  }
  return entries;
}

// ---- the GraphQL side: a subset of GitHub's schema (same names, types and arguments) ----

const SDL = `
scalar GitObjectID
scalar GitTimestamp
scalar DateTime
scalar URI

type Query {
  repository(owner: String!, name: String!, followRenames: Boolean = true): Repository
  rateLimit(dryRun: Boolean = false): RateLimit
}

type RateLimit { cost: Int! limit: Int! remaining: Int! resetAt: DateTime! used: Int! }

type Repository {
  nameWithOwner: String!
  ref(qualifiedName: String!): Ref
  object(expression: String, oid: GitObjectID): GitObject
  pullRequests(first: Int, after: String, last: Int, before: String, states: [PullRequestState!], orderBy: IssueOrder): PullRequestConnection!
  pullRequest(number: Int!): PullRequest
}

type Ref { name: String! prefix: String! target: GitObject }

interface GitObject { oid: GitObjectID! abbreviatedOid: String! }

type Commit implements GitObject {
  oid: GitObjectID!
  abbreviatedOid: String!
  message: String!
  messageHeadline: String!
  committedDate: DateTime!
  committer: GitActor
  parents(first: Int, after: String): CommitConnection!
  history(first: Int, after: String, path: String, since: GitTimestamp, until: GitTimestamp): CommitHistoryConnection!
  tree: Tree!
}

type GitActor { date: GitTimestamp name: String email: String }

type Tree implements GitObject { oid: GitObjectID! abbreviatedOid: String! entries: [TreeEntry!] }

type TreeEntry { name: String! path: String oid: GitObjectID! type: String! mode: Int! object: GitObject }

type Blob implements GitObject {
  oid: GitObjectID!
  abbreviatedOid: String!
  byteSize: Int!
  isBinary: Boolean
  isTruncated: Boolean!
  text: String
}

type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! endCursor: String startCursor: String }

type CommitConnection { nodes: [Commit] pageInfo: PageInfo! totalCount: Int! }
type CommitHistoryConnection { nodes: [Commit] pageInfo: PageInfo! totalCount: Int! }

enum PullRequestState { OPEN CLOSED MERGED }
enum IssueOrderField { CREATED_AT UPDATED_AT COMMENTS }
enum OrderDirection { ASC DESC }
input IssueOrder { field: IssueOrderField! direction: OrderDirection! }
enum PullRequestReviewDecision { CHANGES_REQUESTED APPROVED REVIEW_REQUIRED }

interface Actor { login: String! }
type User implements Actor { login: String! }

type Label { name: String! }
type LabelConnection { nodes: [Label] pageInfo: PageInfo! totalCount: Int! }

type PullRequestChangedFile { path: String! additions: Int! deletions: Int! }
type PullRequestChangedFileConnection { nodes: [PullRequestChangedFile] pageInfo: PageInfo! totalCount: Int! }

type PullRequest {
  number: Int!
  title: String!
  state: PullRequestState!
  isDraft: Boolean!
  createdAt: DateTime!
  updatedAt: DateTime!
  mergedAt: DateTime
  closedAt: DateTime
  url: URI!
  author: Actor
  labels(first: Int, after: String): LabelConnection
  reviewDecision: PullRequestReviewDecision
  files(first: Int, after: String): PullRequestChangedFileConnection
}

type PullRequestConnection { nodes: [PullRequest] pageInfo: PageInfo! totalCount: Int! }
`;

/** GitHub truncates GraphQL blob text past this many bytes (isTruncated). */
const BLOB_TEXT_LIMIT = 512 * 1024;

function cursorOf(offset: number): string {
  return Buffer.from(`cursor:${offset}`).toString('base64');
}

function offsetOf(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const m = /^cursor:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!m) throw new Error(`Argument 'after' has an invalid value (${JSON.stringify(cursor)}).`);
  return Number(m[1]);
}

function page<T>(items: readonly T[], args: { first?: number | null; after?: string | null }) {
  const first = args.first ?? 100;
  if (first < 1 || first > 100) throw new Error(`Requesting ${first} records on the connection exceeds the \`first\` limit of 100 records.`);
  const start = offsetOf(args.after);
  const nodes = items.slice(start, start + first);
  return {
    nodes,
    totalCount: items.length,
    pageInfo: {
      hasNextPage: start + first < items.length,
      hasPreviousPage: start > 0,
      startCursor: nodes.length ? cursorOf(start) : null,
      endCursor: nodes.length ? cursorOf(start + nodes.length) : null,
    },
  };
}

/** DateTime as GitHub's API writes it: UTC, whole seconds. */
function utc(value: string | null | undefined): string | null {
  if (!value) return null;
  return new Date(Date.parse(value)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function labelNames(p: ServerPull): string[] {
  return (p.labels ?? []).map((l) => (typeof l === 'string' ? l : l.name));
}

function sortedPulls(pulls: readonly ServerPull[], orderBy: { field: string; direction: string } | null | undefined): ServerPull[] {
  const field = orderBy?.field === 'UPDATED_AT' ? 'updated_at' : 'created_at';
  const sign = orderBy?.direction === 'DESC' ? -1 : 1;
  return [...pulls].sort((a, b) => {
    const x = Date.parse(a[field]);
    const y = Date.parse(b[field]);
    return x !== y ? sign * (x - y) : sign * (a.number - b.number);
  });
}

export async function startGitHubServer(options: ServerOptions): Promise<GitHubServer> {
  const owner = options.owner ?? 'SovereignCloudStack';
  const name = options.name ?? 'standards';
  const store = new GitStore(options.repo);
  await store.refresh();
  const { buildSchema, graphql } = await import('graphql');
  const schema: GraphQLSchema = buildSchema(SDL);
  const limit = options.rateLimit ?? 5000;
  const state = {
    requests: [] as LoggedRequest[],
    faults: [] as Fault[],
    pulls: [...(options.pulls ?? [])],
    rateLimit: { core: limit, graphql: limit, limit, resetAt: Math.floor(Date.now() / 1000) + 3600 },
  };
  const base = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // Resolver objects: graphql-js calls function-valued fields with (args), and picks an
  // interface's type from `__typename`.
  const commitObject = (c: CommitInfo) => ({
    __typename: 'Commit',
    oid: c.oid,
    abbreviatedOid: c.oid.slice(0, 7),
    message: c.message,
    messageHeadline: c.message.split('\n')[0],
    committedDate: utc(c.committerDate),
    committer: { date: c.committerDate, name: null, email: null },
    parents: (args: { first?: number; after?: string }) => page(c.parents.map((p) => commitObject(store.commit(p)!)), args),
    history: async (args: { first?: number; after?: string; path?: string }) => {
      if (args.path) throw new Error('history(path:) is not served by this test server');
      const oids = await store.history(c.oid);
      const p = page(oids, args);
      return { ...p, nodes: p.nodes.map((oid) => commitObject(store.commit(oid)!)) };
    },
    tree: () => treeObject(c.tree),
  });
  const treeObject = (oid: string) => ({
    __typename: 'Tree',
    oid,
    abbreviatedOid: oid.slice(0, 7),
    entries: async () =>
      ((await store.tree(oid)) ?? []).map((e) => ({
        name: e.name,
        path: e.name,
        oid: e.oid,
        type: e.type,
        mode: e.mode,
        object: () => gitObject(e.oid),
      })),
  });
  const gitObject = async (oid: string) => {
    const commit = store.commit(oid);
    if (commit) return commitObject(commit);
    const obj = await store.object(oid);
    if (!obj) return null;
    if (obj.type === 'tree') return treeObject(oid);
    if (obj.type === 'commit') {
      await store.refresh();
      const c = store.commit(oid);
      return c ? commitObject(c) : null;
    }
    if (obj.type !== 'blob') return null;
    const isBinary = obj.content.subarray(0, 8000).includes(0);
    const isTruncated = obj.content.length > BLOB_TEXT_LIMIT;
    return {
      __typename: 'Blob',
      oid,
      abbreviatedOid: oid.slice(0, 7),
      byteSize: obj.content.length,
      isBinary,
      isTruncated,
      text: isBinary ? null : obj.content.subarray(0, BLOB_TEXT_LIMIT).toString('utf8'),
    };
  };
  const pullObject = (p: ServerPull) => ({
    number: p.number,
    title: p.title,
    state: p.merged_at ? 'MERGED' : p.state === 'closed' ? 'CLOSED' : 'OPEN',
    isDraft: Boolean(p.draft),
    createdAt: utc(p.created_at),
    updatedAt: utc(p.updated_at),
    mergedAt: utc(p.merged_at),
    closedAt: utc(p.closed_at),
    url: p.html_url ?? `https://github.com/${owner}/${name}/pull/${p.number}`,
    author: p.author ? { __typename: 'User', login: p.author } : null,
    labels: (args: { first?: number; after?: string }) => page(labelNames(p).map((n) => ({ name: n })), args),
    reviewDecision: p.review_decision ?? null,
    files: (args: { first?: number; after?: string }) => page((p.files ?? []).map((f) => ({ path: f, additions: 0, deletions: 0 })), args),
  });
  const root = {
    repository: (args: { owner: string; name: string }) => {
      if (args.owner.toLowerCase() !== owner.toLowerCase() || args.name.toLowerCase() !== name.toLowerCase()) {
        throw new Error(`Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`);
      }
      return {
        nameWithOwner: `${owner}/${name}`,
        ref: async ({ qualifiedName }: { qualifiedName: string }) => {
          const short = qualifiedName.replace(/^refs\/heads\//, '');
          const sha = await store.branchHead(short);
          return sha ? { name: short, prefix: 'refs/heads/', target: commitObject(store.commit(sha)!) } : null;
        },
        object: async (a: { oid?: string; expression?: string }) => {
          if (a.oid) return gitObject(a.oid);
          if (a.expression) {
            try {
              const { stdout } = await execFileP('git', ['-C', options.repo, 'rev-parse', '--verify', '--quiet', a.expression]);
              return gitObject(stdout.trim());
            } catch {
              return null;
            }
          }
          return null;
        },
        pullRequests: (a: { first?: number; after?: string; states?: string[]; orderBy?: { field: string; direction: string } }) => {
          let list = sortedPulls(state.pulls, a.orderBy).map(pullObject);
          if (a.states?.length) list = list.filter((p) => a.states!.includes(p.state));
          return page(list, a);
        },
        pullRequest: ({ number }: { number: number }) => {
          const p = state.pulls.find((x) => x.number === number);
          if (!p) throw new Error(`Could not resolve to a PullRequest with the number of ${number}.`);
          return pullObject(p);
        },
      };
    },
    rateLimit: () => ({ cost: 1, limit, remaining: state.rateLimit.graphql, resetAt: new Date(state.rateLimit.resetAt * 1000).toISOString(), used: limit - state.rateLimit.graphql }),
  };

  // ---- REST ----

  function restPull(p: ServerPull) {
    const url = p.html_url ?? `https://github.com/${owner}/${name}/pull/${p.number}`;
    return {
      url: `${base()}/repos/${owner}/${name}/pulls/${p.number}`,
      html_url: url,
      number: p.number,
      state: p.state,
      title: p.title,
      user: p.author ? { login: p.author } : null,
      labels: labelNames(p).map((n) => ({ name: n })),
      draft: Boolean(p.draft),
      created_at: utc(p.created_at),
      updated_at: utc(p.updated_at),
      closed_at: utc(p.closed_at),
      merged_at: utc(p.merged_at),
    };
  }

  async function rest(method: string, url: URL): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const notFound = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } };
    if (method !== 'GET') return notFound;
    if (url.pathname === '/rate_limit') {
      return { status: 200, body: { resources: { core: { limit, remaining: state.rateLimit.core, reset: state.rateLimit.resetAt } } } };
    }
    const m = /^\/repos\/([^/]+)\/([^/]+)\/(.*)$/.exec(url.pathname);
    if (!m || m[1]!.toLowerCase() !== owner.toLowerCase() || m[2]!.toLowerCase() !== name.toLowerCase()) return notFound;
    const rest = decodeURIComponent(m[3]!);
    const ref = /^git\/ref\/heads\/(.+)$/.exec(rest);
    if (ref) {
      await store.refresh();
      const sha = await store.branchHead(ref[1]!);
      if (!sha) return notFound;
      return {
        status: 200,
        body: {
          ref: `refs/heads/${ref[1]}`,
          node_id: Buffer.from(`ref:${ref[1]}`).toString('base64'),
          url: `${base()}/repos/${owner}/${name}/git/refs/heads/${ref[1]}`,
          object: { sha, type: 'commit', url: `${base()}/repos/${owner}/${name}/git/commits/${sha}` },
        },
      };
    }
    const blob = /^git\/blobs\/([0-9a-f]{40})$/.exec(rest);
    if (blob) {
      const obj = await store.object(blob[1]!);
      if (!obj || obj.type !== 'blob') return notFound;
      return { status: 200, body: { sha: blob[1], node_id: '', size: obj.content.length, url: `${base()}${url.pathname}`, content: obj.content.toString('base64'), encoding: 'base64' } };
    }
    if (rest === 'pulls') {
      const stateFilter = url.searchParams.get('state') ?? 'open';
      const sort = url.searchParams.get('sort') === 'updated' ? 'UPDATED_AT' : 'CREATED_AT';
      const direction = (url.searchParams.get('direction') ?? (sort === 'CREATED_AT' ? 'desc' : 'desc')).toUpperCase();
      const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
      const pageNo = Math.max(1, Number(url.searchParams.get('page') ?? 1));
      let list = sortedPulls(state.pulls, { field: sort, direction });
      if (stateFilter !== 'all') list = list.filter((p) => p.state === stateFilter);
      const last = Math.max(1, Math.ceil(list.length / perPage));
      const link = (n: number, rel: string) => {
        const u = new URL(url.toString(), base());
        u.searchParams.set('page', String(n));
        return `<${base()}${u.pathname}${u.search}>; rel="${rel}"`;
      };
      const links: string[] = [];
      if (pageNo < last) links.push(link(pageNo + 1, 'next'), link(last, 'last'));
      if (pageNo > 1) links.push(link(1, 'first'), link(pageNo - 1, 'prev'));
      return {
        status: 200,
        body: list.slice((pageNo - 1) * perPage, pageNo * perPage).map(restPull),
        headers: links.length ? { link: links.join(', ') } : {},
      };
    }
    return notFound;
  }

  // ---- HTTP ----

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const body = method === 'POST' ? await readBody(req) : '';
    const isGraphQL = url.pathname === '/graphql';
    let parsedBody: { query?: string; variables?: Record<string, unknown>; operationName?: string } = {};
    if (isGraphQL) {
      try {
        parsedBody = JSON.parse(body);
      } catch {
        parsedBody = {};
      }
    }
    const operation = isGraphQL ? (parsedBody.operationName ?? /^\s*query\s+(\w+)/.exec(parsedBody.query ?? '')?.[1] ?? null) : null;
    const authorization = req.headers.authorization ?? null;
    const conditional = typeof req.headers['if-none-match'] === 'string';
    const info = { method, path: url.pathname + url.search, operation };
    const index = state.faults.findIndex((f) => !f.match || f.match(info));
    const fault = index >= 0 ? state.faults.splice(index, 1)[0]! : null;
    const started = performance.now();
    const log: LoggedRequest = { ...info, status: 0, conditional, authorization, fault: fault?.kind ?? null, ms: 0 };
    res.on('close', () => (log.ms = Math.round(performance.now() - started)));
    state.requests.push(log);
    const resource = isGraphQL ? 'graphql' : 'core';
    const now = Math.floor(Date.now() / 1000);
    const rateHeaders = (remaining: number, reset = state.rateLimit.resetAt) => ({
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-used': String(limit - remaining),
      'x-ratelimit-resource': resource,
    });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      log.status = status;
      const text = payload === null ? '' : JSON.stringify(payload);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
      res.end(text);
    };

    if (fault?.kind === 'reset') {
      log.status = -1;
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === 'status') {
      const message = fault.status === 404 ? 'Not Found' : fault.status === 500 ? 'Internal Server Error' : fault.status === 502 ? 'Server Error' : 'Service Unavailable';
      send(fault.status, { message, documentation_url: 'https://docs.github.com/rest' }, rateHeaders(state.rateLimit[resource]));
      return;
    }
    if (fault?.kind === 'rate-limit') {
      send(
        403,
        { message: `API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)`, documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting' },
        rateHeaders(0, now + fault.resetIn),
      );
      return;
    }
    if (fault?.kind === 'graphql-rate-limit') {
      send(200, { data: null, errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] }, rateHeaders(0, now + fault.resetIn));
      return;
    }
    if (fault?.kind === 'secondary') {
      send(
        429,
        { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' },
        { ...rateHeaders(state.rateLimit[resource]), 'retry-after': String(fault.retryAfter) },
      );
      return;
    }
    if (state.rateLimit[resource] <= 0) {
      send(403, { message: 'API rate limit exceeded for 127.0.0.1.', documentation_url: 'https://docs.github.com/rest' }, rateHeaders(0));
      return;
    }

    let status: number;
    let payload: unknown;
    let extra: Record<string, string> = {};
    if (isGraphQL && !authorization && options.graphqlNeedsToken !== false) {
      send(401, { message: 'This endpoint requires you to be authenticated.', documentation_url: 'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql' });
      return;
    }
    if (isGraphQL) {
      if (method !== 'POST') {
        send(404, { message: 'Not Found' });
        return;
      }
      await store.refresh();
      const result = await graphql({ schema, source: parsedBody.query ?? '', rootValue: root, variableValues: parsedBody.variables ?? {}, operationName: parsedBody.operationName });
      status = 200;
      payload = { data: result.data ?? null, ...(result.errors ? { errors: result.errors.map((e) => ({ message: e.message, path: e.path, locations: e.locations })) } : {}) };
    } else {
      const r = await rest(method, url);
      status = r.status;
      payload = r.body;
      extra = r.headers ?? {};
    }
    const text = JSON.stringify(payload);
    if (!isGraphQL && status === 200) {
      const etag = `W/"${createHash('sha256').update(text).digest('hex').slice(0, 40)}"`;
      extra.etag = etag;
      // A conditional request answered 304 does not count against the rate limit.
      if (req.headers['if-none-match'] === etag) {
        log.status = 304;
        res.writeHead(304, { etag, ...rateHeaders(state.rateLimit[resource]) });
        res.end();
        return;
      }
    }
    state.rateLimit[resource]--;
    if (fault?.kind === 'truncate') {
      log.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...extra, ...rateHeaders(state.rateLimit[resource]) });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      setTimeout(() => req.socket.destroy(), 10);
      return;
    }
    send(status, payload, { ...extra, ...rateHeaders(state.rateLimit[resource]) });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `test server: ${(error as Error).message}` }));
      } else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: base(),
    requests: state.requests,
    faults: state.faults,
    pulls: state.pulls,
    rateLimit: state.rateLimit,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
