/**
 * Pull requests: which ones matter (they touch `Standards/` or a scope file, or name a
 * document in their title) and what they touch.
 */
import { z } from 'zod';
import { pullUrl } from '../links/upstream-links.ts';
import { documentName } from '../documents/document-parse.ts';
import { parseOrThrow } from '../parse/errors.ts';
import { SCOPE_FILE_PATTERN, scopeIdOfFile } from '../scopes/scope-parse.ts';
import { Sha, Timestamp, type PullRequest } from '../schemas/data.ts';
import { safeHref } from '../schemas/url.ts';

const DOC_IN_TITLE = /\bscs-(\d{4})(?:-([vw]\d+))?\b/gi;

/** Documents a pull request touches: changed document files, and documents its title names. */
export function documentsTouched(title: string, files: readonly string[]): string[] {
  const out = new Set<string>();
  for (const f of files) {
    if (!f.startsWith('Standards/')) continue;
    const name = documentName(f);
    if (name) out.add(name.id);
  }
  for (const m of title.matchAll(DOC_IN_TITLE)) {
    out.add(m[2] ? `scs-${m[1]}-${m[2].toLowerCase()}` : `scs-${m[1]}`);
  }
  return [...out].sort();
}

export function scopesTouched(files: readonly string[]): string[] {
  return [...new Set(files.filter((f) => SCOPE_FILE_PATTERN.test(f)).map(scopeIdOfFile))].sort();
}

/** Whether a pull request belongs in `data/` (it touches standards or scopes). */
export function isRelevant(title: string, files: readonly string[]): boolean {
  return (
    files.some((f) => f.startsWith('Standards/') || SCOPE_FILE_PATTERN.test(f)) ||
    documentsTouched(title, []).length > 0
  );
}

/** A pull request in GitHub's REST shape (as in an export such as the fixture's pulls.json). */
export const GitHubPull = z
  .object({
    number: z.number().int().positive(),
    title: z.string(),
    state: z.enum(['open', 'closed']),
    draft: z.boolean().nullable().optional(),
    created_at: Timestamp.nullable().optional(),
    updated_at: Timestamp.nullable().optional(),
    closed_at: Timestamp.nullable().optional(),
    merged_at: Timestamp.nullable().optional(),
    author: z.string().nullable().optional(),
    user: z.object({ login: z.string() }).loose().nullable().optional(),
    labels: z.array(z.union([z.string(), z.object({ name: z.string() }).loose()])).default([]),
    files: z.array(z.string()).default([]),
    html_url: z.string().optional(),
    /** The head commit; a clone without `refs/pull/N/head` may still have it (git-proposals.ts). */
    head_sha: Sha.nullable().optional(),
    review_decision: z.enum(['APPROVED', 'CHANGES_REQUESTED', 'REVIEW_REQUIRED']).nullable().optional(),
  })
  .loose();
export type GitHubPull = z.output<typeof GitHubPull>;

/** Where a link to a pull request points: its own URL when that is http(s), else its address on GitHub. */
export function pullHref(pull: Pick<PullRequest, 'number' | 'url'>, repo: string): string {
  return safeHref(pull.url) ?? pullUrl(repo, pull.number);
}

/** Normalise a GitHub-shaped pull request into the data model. */
export function pullFromGitHub(raw: GitHubPull, repo: string): PullRequest {
  const state = raw.merged_at ? 'merged' : raw.state === 'closed' ? 'closed' : raw.draft ? 'draft' : 'open';
  const files = [...new Set(raw.files)].sort();
  return {
    number: raw.number,
    title: raw.title,
    state,
    author: raw.author ?? raw.user?.login ?? null,
    createdAt: raw.created_at ?? null,
    updatedAt: raw.updated_at ?? null,
    mergedAt: raw.merged_at ?? null,
    closedAt: raw.closed_at ?? null,
    labels: raw.labels.map((l) => (typeof l === 'string' ? l : l.name)).sort(),
    reviewDecision: raw.review_decision ?? null,
    files,
    documents: documentsTouched(raw.title, files),
    scopes: scopesTouched(files),
    url: raw.html_url ?? pullUrl(repo, raw.number),
  };
}

/** A pull-request export: a JSON array in GitHub's shape. */
export const PullExport = z.array(GitHubPull);

/** Parse a pull-request export; throws naming the entry. */
export function parsePullExport(json: unknown, file: string): GitHubPull[] {
  return parseOrThrow(PullExport, json, file);
}

/**
 * Combine pull requests known from commit messages with those from GitHub (or an export):
 * GitHub's fields win; changed files are the union. Only relevant ones are kept.
 */
export function mergePulls(fromCommits: readonly PullRequest[], fromGitHub: readonly PullRequest[]): PullRequest[] {
  const byNumber = new Map<number, PullRequest>();
  for (const p of fromCommits) byNumber.set(p.number, p);
  for (const p of fromGitHub) {
    const known = byNumber.get(p.number);
    const files = known ? [...new Set([...known.files, ...p.files])].sort() : p.files;
    byNumber.set(p.number, { ...p, files, documents: documentsTouched(p.title, files), scopes: scopesTouched(files) });
  }
  return [...byNumber.values()].filter((p) => isRelevant(p.title, p.files)).sort((a, b) => a.number - b.number);
}
