/**
 * Queries that carry many objects at once, and what to do when one is too big: GitHub stops
 * a query after 10 s and answers 502 or 504 (https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api#timeouts).
 * Retrying the same query would time out again, so the batch is halved and the sync goes on;
 * only a query of one object is retried as it is (octokit's retry plugin), then fails.
 */
import { GitHubError } from './errors.ts';
import { SPLIT_STATUSES, type GitHubClient } from './client.ts';
import { aliasedDocument, check, type AliasedQuery, type RepoVars } from './queries.ts';

function isTooBig(error: unknown): boolean {
  return error instanceof GitHubError && error.status !== null && SPLIT_STATUSES.includes(error.status);
}

function halved(client: GitHubClient, what: string, size: number): number {
  const next = Math.ceil(size / 2);
  client.warn(`GitHub GraphQL ${what}: ${size} objects took too long (502/504); asking for ${next} at a time`);
  return next;
}

/**
 * Every key's answer, in the order of `keys`, at most `size` keys a query; a query that
 * takes too long is split in halves (and later queries are no bigger than the half).
 */
export async function fetchAliased<K, V>(
  client: GitHubClient,
  vars: RepoVars,
  q: AliasedQuery<K, V>,
  keys: readonly K[],
  size: number,
): Promise<V[]> {
  const out = new Map<number, V>();
  let limit = Math.max(1, size);
  let start = 0;
  while (start < keys.length) {
    const group = keys.slice(start, start + limit);
    let data: { repository: Record<string, unknown> | null };
    try {
      data = await client.graphql(q.name, aliasedDocument(q, group), { ...vars }, { split: group.length > 1 });
    } catch (error) {
      if (!isTooBig(error) || group.length <= 1) throw error;
      limit = halved(client, q.name, group.length);
      continue;
    }
    group.forEach((key, i) =>
      out.set(start + i, check(q.schema, data.repository?.[`${q.alias}${i}`], `GraphQL ${q.name}: ${q.describe(key)}`)),
    );
    start += group.length;
  }
  return keys.map((_, i) => out.get(i)!);
}

/** One page of a connection query with `$first`; `first` is halved while the page takes too long. */
export async function fetchPage<T>(
  client: GitHubClient,
  what: string,
  query: string,
  variables: Record<string, unknown>,
  first: { value: number },
): Promise<T> {
  for (;;) {
    try {
      return await client.graphql<T>(what, query, { ...variables, first: first.value }, { split: first.value > 1 });
    } catch (error) {
      if (!isTooBig(error) || first.value <= 1) throw error;
      first.value = halved(client, what, first.value);
    }
  }
}
