/**
 * Every GraphQL document the GitHub source sends, and the zod schema of each answer (a server
 * that answers otherwise fails with a message naming the field). Tests validate each document,
 * every variant, against GitHub's published schema (`@octokit/graphql-schema`).
 */
import { z } from 'zod';
import { Sha } from '../../../src/domain/schemas/data.ts';
import { GitHubError } from './errors.ts';

export const Entry = z.object({ name: z.string(), type: z.string(), oid: Sha, mode: z.number().int().optional() });
export type Entry = z.output<typeof Entry>;
const PageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });

/** Variables every query takes. */
export interface RepoVars {
  owner: string;
  name: string;
}

// https://docs.github.com/en/graphql/reference/objects#commit (history, committer: GitActor with a GitTimestamp that keeps the offset)
export const HISTORY_QUERY = `query History($owner: String!, $name: String!, $oid: GitObjectID!, $first: Int!, $after: String) {
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

export const HistoryNode = z.object({
  oid: Sha,
  message: z.string(),
  committer: z.object({ date: z.string().nullable() }).nullable(),
  parents: z.object({ nodes: z.array(z.object({ oid: Sha })) }),
  tree: z.object({ entries: z.array(Entry).nullable() }),
});
export type HistoryNode = z.output<typeof HistoryNode>;

export const HistoryResponse = z.object({
  repository: z
    .object({ object: z.object({ history: z.object({ pageInfo: PageInfo, nodes: z.array(HistoryNode) }) }).nullable() })
    .nullable(),
});

// https://docs.github.com/en/graphql/reference/objects#pullrequest (newest update first, with files and review decision)
export const PULLS_QUERY = `query Pulls($owner: String!, $name: String!, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(first: $first, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number title state isDraft createdAt updatedAt mergedAt closedAt url
        author { login }
        labels(first: 50) { nodes { name } }
        reviewDecision
        files(first: 100) { pageInfo { hasNextPage endCursor } nodes { path } }
      }
    }
  }
}`;

const FilesConnection = z.object({ pageInfo: PageInfo, nodes: z.array(z.object({ path: z.string() })) }).nullable();
export const PullNode = z.object({
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
export type PullNode = z.output<typeof PullNode>;
export const PullsResponse = z.object({
  repository: z.object({ pullRequests: z.object({ pageInfo: PageInfo, nodes: z.array(PullNode) }) }).nullable(),
});

/**
 * A query that asks for many objects at once, one aliased field each (`t0: object(…)`).
 * `field` writes one key's selection; `schema` checks one alias's answer.
 */
export interface AliasedQuery<K, V> {
  name: string;
  alias: string;
  field: (key: K) => string;
  schema: z.ZodType<V>;
  describe: (key: K) => string;
}

/** The document of an aliased query for these keys. */
export function aliasedDocument<K, V>(q: AliasedQuery<K, V>, keys: readonly K[]): string {
  const fields = keys.map((key, i) => `${q.alias}${i}: ${q.field(key)}`).join('\n    ');
  return `query ${q.name}($owner: String!, $name: String!) {\n  repository(owner: $owner, name: $name) {\n    ${fields}\n  }\n}`;
}

// https://docs.github.com/en/graphql/reference/objects#tree (many trees per query, by object id)
export const TREES: AliasedQuery<string, { entries: Entry[] | null } | null> = {
  name: 'Trees',
  alias: 't',
  field: (oid) => `object(oid: ${JSON.stringify(oid)}) { ... on Tree { entries { name type oid mode } } }`,
  schema: z.object({ entries: z.array(Entry).nullable() }).nullable(),
  describe: (oid) => `tree ${oid}`,
};

const Blob = z
  .object({
    text: z.string().nullable(),
    isBinary: z.boolean().nullable(),
    isTruncated: z.boolean(),
    byteSize: z.number().int(),
  })
  .nullable();
// https://docs.github.com/en/graphql/reference/objects#blob (many blobs per query, by object id)
export const BLOBS: AliasedQuery<string, z.output<typeof Blob>> = {
  name: 'Blobs',
  alias: 'b',
  field: (oid) => `object(oid: ${JSON.stringify(oid)}) { ... on Blob { text isBinary isTruncated byteSize } }`,
  schema: Blob,
  describe: (oid) => `blob ${oid}`,
};

/** The rest of a pull request's changed files, after `after`. */
export interface MoreFilesKey {
  number: number;
  after: string;
}
const MoreFilesObject = z.object({ files: FilesConnection }).nullable();
// https://docs.github.com/en/graphql/reference/objects#pullrequest (the files of pull requests with more than 100)
export const MORE_FILES: AliasedQuery<MoreFilesKey, z.output<typeof MoreFilesObject>> = {
  name: 'MoreFiles',
  alias: 'p',
  field: (p) =>
    `pullRequest(number: ${p.number}) { files(first: 100, after: ${JSON.stringify(p.after)}) { pageInfo { hasNextPage endCursor } nodes { path } } }`,
  schema: MoreFilesObject,
  describe: (p) => `#${p.number}`,
};

const Merge = z
  .object({
    headRefOid: Sha,
    mergeable: z.enum(['MERGEABLE', 'CONFLICTING', 'UNKNOWN']),
    potentialMergeCommit: z.object({ oid: Sha }).nullable(),
  })
  .nullable();
// https://docs.github.com/en/graphql/reference/objects#pullrequest (an open one's head, and GitHub's test merge of it into the base branch)
export const MERGES: AliasedQuery<number, z.output<typeof Merge>> = {
  name: 'Merges',
  alias: 'm',
  field: (n) => `pullRequest(number: ${n}) { headRefOid mergeable potentialMergeCommit { oid } }`,
  schema: Merge,
  describe: (n) => `#${n}`,
};

/** A file at a commit: `<commit>:<path>`. */
export interface PathKey {
  commit: string;
  path: string;
}
const PathBlob = z
  .object({
    oid: Sha.optional(),
    text: z.string().nullable().optional(),
    isBinary: z.boolean().nullable().optional(),
    isTruncated: z.boolean().optional(),
  })
  .nullable();
// https://docs.github.com/en/graphql/reference/objects#repository (object by expression: the blob at a path of a commit, null where none)
export const PATH_BLOBS: AliasedQuery<PathKey, z.output<typeof PathBlob>> = {
  name: 'PathBlobs',
  alias: 'f',
  field: (k) =>
    `object(expression: ${JSON.stringify(`${k.commit}:${k.path}`)}) { ... on Blob { oid text isBinary isTruncated } }`,
  schema: PathBlob,
  describe: (k) => `${k.path} at ${k.commit}`,
};

/** Check an answer against its schema; a mismatch names the query and the field. */
export function check<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GitHubError(
      `${what}: unexpected answer at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}
