/**
 * RSS 2.0 items for the change feeds: one item per piece of news, published on the day it
 * became known (the day the announcing commit landed on `main`), never on the build day.
 * The result is the options object of `@astrojs/rss`; endpoints pass it to `rss()`.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import type { TimelineEvent } from '../schemas/event.ts';
import { eventPath, siteLink, singleLine, utcMidnight, type FeedContext } from './context.ts';
import { announcementOf, meaningOf } from './meaning.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A stable, globally unique id for an event: the same in RSS (guid) and iCal (UID). */
export function eventUid(ctx: Pick<FeedContext, 'uidDomain'>, event: Pick<TimelineEvent, 'id'>): string {
  // Event ids are built from upstream version names: keep them readable, but percent-encode
  // anything that could be taken for iCal or XML syntax.
  const safe = event.id.replace(/[^A-Za-z0-9._~/+-]/g, (c) => encodeURIComponent(c));
  return `${safe}@${ctx.uidDomain}`;
}

/** The day an event became known. */
export function publishedOn(event: TimelineEvent): string {
  if (event.kind === 'validity' || event.kind === 'document') return (event.announced ?? event.source)?.date ?? event.date;
  return event.date;
}

/**
 * The events that are news. A scope transition whose announcement is news already appears
 * as that `announced` event (same day, same words, plus the pull request), so its
 * `validity` event would only repeat it; transitions that were never announced as news
 * (imported from old files, set after the fact) appear as their `validity` event.
 */
export function newsEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  const announced = new Set(events.filter((e) => e.kind === 'announced').map((e) => e.id.slice('announced/'.length).replace(/\/[^/]*$/, '')));
  return events.filter((e) => !(e.kind === 'validity' && announced.has(e.id.slice('scope/'.length))));
}

function xmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One RSS item: title, page link, publication day, guid and an HTML description. */
export function rssItem(ctx: FeedContext, event: TimelineEvent): RSSFeedItem {
  const announcement = announcementOf(ctx, event);
  const pull = announcement.pull;
  const parts = [`<p>${escapeHtml(meaningOf(ctx, event))}</p>`];
  if (pull) {
    const title = pull.title ? ` ${escapeHtml(singleLine(pull.title))}` : '';
    parts.push(`<p>Pull request: <a href="${escapeHtml(pull.url)}">#${pull.number}</a>${title}</p>`);
  }
  if (event.kind === 'validity' || event.kind === 'document') parts.push(`<p>${escapeHtml(announcement.text)}</p>`);
  return {
    title: singleLine(event.title),
    link: siteLink(ctx, eventPath(event)),
    pubDate: utcMidnight(publishedOn(event)),
    description: parts.join(''),
    customData: `<guid isPermaLink="false">${xmlText(eventUid(ctx, event))}</guid>`,
  };
}

export interface FeedOptions {
  title: string;
  description: string;
  /** Site path of the feed itself (`rss.xml`, `scopes/iaas/rss.xml`). */
  path: string;
}

/** The options for `@astrojs/rss`: newest news first. */
export function rssFeed(ctx: FeedContext, events: readonly TimelineEvent[], options: FeedOptions) {
  const items = newsEvents(events)
    .map((event) => ({ event, published: publishedOn(event) }))
    .sort((a, b) => (a.published !== b.published ? (a.published < b.published ? 1 : -1) : a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0))
    .map(({ event }) => rssItem(ctx, event));
  const self = siteLink(ctx, options.path);
  return {
    title: singleLine(options.title),
    description: singleLine(options.description),
    site: ctx.siteUrl,
    items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      '<language>en</language>',
      // The data's own date, not the build time, so the same data gives the same feed.
      `<lastBuildDate>${utcMidnight(ctx.dataset.meta.source.date).toUTCString()}</lastBuildDate>`,
      `<atom:link href="${xmlText(self)}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
  };
}

/** Events of one scope (its transitions, announcements, moves and new versions). */
export function scopeEvents(events: readonly TimelineEvent[], scopeId: string): TimelineEvent[] {
  return events.filter((e) => e.scope === scopeId);
}

/** Events of standard documents (lifecycle dates and new documents). */
export function documentEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events.filter((e) => e.document !== null);
}
