/**
 * Site-internal addresses, for pages and for the browser-side island alike (no astro:content
 * import here), with the configured base path. Links upstream: src/domain/links/.
 */
import { seriesOf } from '../domain/documents/document-parse.ts';
import { commitKey } from '../domain/scopes/commit-key.ts';
import type { Scope } from '../domain/schemas/data.ts';

/** A site-internal link with the configured base path. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}

export const scopePath = (scope: string) => `/scopes/${scope}/`;
/** A revision page, keyed by the commit's shortest prefix unique among the scope's revisions (domain/commit-key.ts). */
export const revisionPath = (scope: Pick<Scope, 'id' | 'revisions'>, commit: string) =>
  `/scopes/${scope.id}/revisions/${commitKey(scope.revisions, commit)}/`;
/** A document's place in its series page: `/standards/scs-0214/#scs-0214-v2`. */
export const documentPath = (id: string) => `/standards/${seriesOf(id)}/#${id}`;
export const asOfPath = (day: string) => `/as-of/${day}/`;
