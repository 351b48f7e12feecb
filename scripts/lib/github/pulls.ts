/**
 * Pull requests from GitHub's GraphQL API, newest update first, mapped straight to the data
 * model: state, dates (UTC, whole seconds, as GitHub's REST API and the export write them),
 * author, labels, review decision, every changed file (past 100 in further queries).
 */
import { documentsTouched, scopesTouched } from '../../../src/domain/pulls/pulls.ts';
import type { PullRequest } from '../../../src/domain/schemas/data.ts';
import { fetchAliased, fetchPage } from './batch.ts';
import type { GitHubClient } from './client.ts';
import { GitHubError } from './errors.ts';
import {
  check,
  MORE_FILES,
  PULLS_QUERY,
  PullsResponse,
  type MoreFilesKey,
  type PullNode,
  type RepoVars,
} from './queries.ts';

/** DateTime as GitHub's REST API writes it (UTC, no fraction). */
export function restTime(value: string): string;
export function restTime(value: string | null): string | null;
export function restTime(value: string | null): string | null {
  if (value === null) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function pullOfNode(node: PullNode, files: readonly string[]): PullRequest {
  const state =
    node.state === 'MERGED' ? 'merged' : node.state === 'CLOSED' ? 'closed' : node.isDraft ? 'draft' : 'open';
  const sorted = [...new Set(files)].sort();
  return {
    number: node.number,
    title: node.title,
    state,
    author: node.author?.login ?? null,
    createdAt: restTime(node.createdAt),
    updatedAt: restTime(node.updatedAt),
    mergedAt: node.state === 'MERGED' ? restTime(node.mergedAt ?? node.closedAt) : null,
    closedAt: restTime(node.closedAt),
    labels: (node.labels?.nodes ?? []).map((l) => l.name).sort(),
    reviewDecision: node.reviewDecision,
    files: sorted,
    documents: documentsTouched(node.title, sorted),
    scopes: scopesTouched(sorted),
    url: node.url,
  };
}

/** The newest update seen and every pull request updated then (ties are common: a bot edits many at once). */
export interface NewestPull {
  updatedAt: string;
  numbers: number[];
}

/** Pull requests, newest update first, until those updated before `since`. */
export async function fetchPulls(
  client: GitHubClient,
  vars: RepoVars,
  since: string | null,
  size: number,
): Promise<{ pulls: PullRequest[]; newest: NewestPull | null }> {
  const nodes: PullNode[] = [];
  const files = new Map<number, string[]>();
  let more: MoreFilesKey[] = [];
  let after: string | null = null;
  let newest: NewestPull | null = null;
  const first = { value: size };
  for (;;) {
    const answer: unknown = await fetchPage(client, 'Pulls', PULLS_QUERY, { ...vars, after }, first);
    const data = check(PullsResponse, answer, 'GraphQL Pulls');
    if (!data.repository) throw new GitHubError(`GraphQL Pulls: no repository ${vars.owner}/${vars.name}`);
    const page = data.repository.pullRequests;
    let older = false;
    for (const node of page.nodes) {
      const updated = restTime(node.updatedAt);
      if (since && updated < since) {
        older = true;
        continue;
      }
      if (!newest || updated > newest.updatedAt) newest = { updatedAt: updated, numbers: [node.number] };
      else if (updated === newest.updatedAt) newest.numbers.push(node.number);
      nodes.push(node);
      files.set(
        node.number,
        (node.files?.nodes ?? []).map((f) => f.path),
      );
      if (node.files?.pageInfo.hasNextPage && node.files.pageInfo.endCursor)
        more.push({ number: node.number, after: node.files.pageInfo.endCursor });
    }
    if (older || !page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  // Pull requests with more than 100 changed files: the rest, many per query.
  while (more.length) {
    const answers = await fetchAliased(client, vars, MORE_FILES, more, 20);
    const next: MoreFilesKey[] = [];
    more.forEach((p, i) => {
      const conn = answers[i]?.files;
      if (!conn) return;
      files.get(p.number)!.push(...conn.nodes.map((f) => f.path));
      if (conn.pageInfo.hasNextPage && conn.pageInfo.endCursor)
        next.push({ number: p.number, after: conn.pageInfo.endCursor });
    });
    more = next;
  }
  if (newest) newest.numbers.sort((a, b) => a - b);
  return { pulls: nodes.map((n) => pullOfNode(n, files.get(n.number) ?? [])), newest };
}
