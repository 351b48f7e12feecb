/**
 * The GraphQL side of the GitHub-compatible server: a subset of GitHub's schema (same names,
 * types and arguments) executed with graphql-js, its resolvers reading the git store and the
 * served pull requests.
 */
import type { GraphQLSchema } from 'graphql';
import { sortedPulls, utc, type Served, type ServerPull } from './model.ts';
import { page } from './connection.ts';
import { pullRequestObject } from './pull-object.ts';
import type { CommitInfo, GitStore } from './store.ts';

export const SDL = `
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
  headRefOid: GitObjectID!
  mergeable: MergeableState!
  potentialMergeCommit: Commit
}

enum MergeableState { MERGEABLE CONFLICTING UNKNOWN }

type PullRequestConnection { nodes: [PullRequest] pageInfo: PageInfo! totalCount: Int! }
`;

/** GitHub truncates GraphQL blob text past this many bytes (isTruncated). */
const BLOB_TEXT_LIMIT = 512 * 1024;

export interface GraphQLContext extends Served {
  store: GitStore;
  rateLimit: { graphql: number; limit: number; resetAt: number };
}

/**
 * Resolver objects: graphql-js calls function-valued fields with (args), and picks an
 * interface's type from `__typename`.
 */
export function graphqlRoot(ctx: GraphQLContext) {
  const { store, owner, name } = ctx;
  const commitObject = (c: CommitInfo): Record<string, unknown> => ({
    __typename: 'Commit',
    oid: c.oid,
    abbreviatedOid: c.oid.slice(0, 7),
    message: c.message,
    messageHeadline: c.message.split('\n')[0],
    committedDate: utc(c.committerDate),
    committer: { date: c.committerDate, name: null, email: null },
    parents: (args: { first?: number; after?: string }) =>
      page(
        c.parents.map((p) => commitObject(store.commit(p)!)),
        args,
      ),
    history: async (args: { first?: number; after?: string; path?: string }) => {
      if (args.path) throw new Error('history(path:) is not served by this server');
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
  const gitObject = async (oid: string): Promise<Record<string, unknown> | null> => {
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
    return {
      __typename: 'Blob',
      oid,
      abbreviatedOid: oid.slice(0, 7),
      byteSize: obj.content.length,
      isBinary,
      isTruncated: obj.content.length > BLOB_TEXT_LIMIT,
      text: isBinary ? null : obj.content.subarray(0, BLOB_TEXT_LIMIT).toString('utf8'),
    };
  };
  const pullObject = (p: ServerPull) => pullRequestObject(ctx, p, commitObject);
  return {
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
          const oid = a.expression ? await store.resolve(a.expression) : null;
          return oid ? gitObject(oid) : null;
        },
        pullRequests: (a: {
          first?: number;
          after?: string;
          states?: string[];
          orderBy?: { field: string; direction: string };
        }) => {
          const field = a.orderBy?.field === 'UPDATED_AT' ? 'updated_at' : 'created_at';
          let list = sortedPulls(ctx.pulls, field, a.orderBy?.direction === 'DESC' ? 'DESC' : 'ASC').map(pullObject);
          if (a.states?.length) list = list.filter((p) => a.states!.includes(p.state));
          return page(list, a);
        },
        pullRequest: ({ number }: { number: number }) => {
          const p = ctx.pulls.find((x) => x.number === number);
          if (!p) throw new Error(`Could not resolve to a PullRequest with the number of ${number}.`);
          return pullObject(p);
        },
      };
    },
    rateLimit: () => {
      const { graphql, limit, resetAt } = ctx.rateLimit;
      return {
        cost: 1,
        limit,
        remaining: graphql,
        resetAt: new Date(resetAt * 1000).toISOString(),
        used: limit - graphql,
      };
    },
  };
}

/** Execute one GraphQL request against the schema subset. */
export async function executeGraphQL(
  ctx: GraphQLContext,
  body: { query?: string; variables?: Record<string, unknown>; operationName?: string },
) {
  const { buildSchema, graphql } = await import('graphql');
  schema ??= buildSchema(SDL);
  await ctx.store.refresh();
  const result = await graphql({
    schema,
    source: body.query ?? '',
    rootValue: graphqlRoot(ctx),
    variableValues: body.variables ?? {},
    operationName: body.operationName,
  });
  return {
    data: result.data ?? null,
    ...(result.errors
      ? { errors: result.errors.map((e) => ({ message: e.message, path: e.path, locations: e.locations })) }
      : {}),
  };
}
let schema: GraphQLSchema | undefined;
