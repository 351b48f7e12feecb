/**
 * What every feed builder needs besides the events: where the site lives (absolute links),
 * the domain that makes calendar UIDs and RSS guids globally unique, and the dataset for
 * names, titles and pull requests. Built once per build by `src/site/feeds.ts`.
 */
import { seriesOf } from '../documents/document-parse.ts';
import { pullHref } from '../pulls/pulls.ts';
import type { Dataset, Document, Provenance, PullRequest, Scope } from '../schemas/data.ts';
import type { TimelineEvent } from '../schemas/event.ts';

export interface FeedContext {
  /** Absolute URL of the site root with its base path, ending in `/`. */
  siteUrl: string;
  /** Right-hand side of every UID / guid (`id@domain`, RFC 5545 section 3.8.4.7). */
  uidDomain: string;
  dataset: Pick<Dataset, 'meta' | 'scopes' | 'documents' | 'pulls'>;
}

/** An absolute URL for a site path (`scopes/iaas/`, leading slash optional). */
export function siteLink(ctx: Pick<FeedContext, 'siteUrl'>, path: string): string {
  return new URL(path.replace(/^\/+/, ''), ctx.siteUrl).href;
}

/** The site page an event belongs to. */
export function eventPath(event: Pick<TimelineEvent, 'scope' | 'document'>): string {
  if (event.scope) return `scopes/${encodeURIComponent(event.scope)}/`;
  if (event.document) return `standards/${encodeURIComponent(seriesOf(event.document))}/`;
  return '';
}

export function findScopeById(ctx: FeedContext, id: string | null): Scope | null {
  return id === null ? null : (ctx.dataset.scopes.find((s) => s.id === id) ?? null);
}

const documentIndexes = new WeakMap<readonly Document[], Map<string, Document>>();

export function findDocument(ctx: FeedContext, id: string | null): Document | null {
  if (id === null) return null;
  let index = documentIndexes.get(ctx.dataset.documents);
  if (!index) {
    index = new Map(ctx.dataset.documents.map((d) => [d.id, d]));
    documentIndexes.set(ctx.dataset.documents, index);
  }
  return index.get(id) ?? null;
}

export interface PullRef {
  number: number;
  title: string | null;
  url: string;
}

const pullIndexes = new WeakMap<readonly PullRequest[], Map<number, PullRequest>>();

/** The pull request behind a provenance, with its title when `pulls.json` knows it. */
export function pullOf(ctx: FeedContext, at: Provenance | null): PullRef | null {
  if (!at?.pr) return null;
  let index = pullIndexes.get(ctx.dataset.pulls);
  if (!index) {
    index = new Map(ctx.dataset.pulls.map((p) => [p.number, p]));
    pullIndexes.set(ctx.dataset.pulls, index);
  }
  const known = index.get(at.pr);
  return {
    number: at.pr,
    title: known?.title ?? null,
    url: pullHref({ number: at.pr, url: known?.url ?? '' }, ctx.dataset.meta.source.repo),
  };
}

/**
 * Text from upstream (titles of pull requests and documents) made safe for any feed: C0/C1
 * control characters other than tab and newline cannot appear in XML 1.0 or RFC 5545 TEXT,
 * and a single-line field must not carry a line break (a CRLF there is an injection attempt).
 */
export function singleLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Multi-line text with only `\n` line breaks and no other control characters. */
export function plainText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}
