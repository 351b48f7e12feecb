/**
 * Addresses, for pages and for the browser-side island alike (no astro:content import here):
 * site-internal links with the configured base path, and links upstream.
 */
import { commitKey } from '../domain/scopes/commit-key.ts';
import type { Scope } from '../domain/schemas/data.ts';
import { DOCS_URL, UPSTREAM_REPO_URL } from './constants.ts';

/** A site-internal link with the configured base path. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}

export const pullUrl = (pr: number) => `${UPSTREAM_REPO_URL}/pull/${pr}`;
export const commitUrl = (commit: string) => `${UPSTREAM_REPO_URL}/commit/${commit}`;
/** The document's file on upstream `main`; file names are upstream text, so each segment is percent-encoded. */
export const upstreamFileUrl = (file: string) => `${UPSTREAM_REPO_URL}/blob/main/${file.split('/').map(encodeURIComponent).join('/')}`;
/** The rendered standard on docs.scs.community: the file name without `.md`. */
export const docsUrl = (file: string) => `${DOCS_URL}/${encodeURIComponent((file.split('/').pop() ?? file).replace(/\.md$/, ''))}`;

export const scopePath = (scope: string) => `/scopes/${scope}/`;
/** A revision page, keyed by the commit's shortest prefix unique among the scope's revisions (domain/commit-key.ts). */
export const revisionPath = (scope: Pick<Scope, 'id' | 'revisions'>, commit: string) => `/scopes/${scope.id}/revisions/${commitKey(scope.revisions, commit)}/`;
/** A document's place in its series page: `/standards/scs-0214/#scs-0214-v2`. */
export const documentPath = (id: string) => `/standards/${id.slice(0, 8)}/#${id}`;
export const asOfPath = (day: string) => `/as-of/${day}/`;
