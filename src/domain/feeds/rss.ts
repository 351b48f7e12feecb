/**
 * RSS 2.0 items for the change feeds: the entries of `story.ts`, each published on the day it
 * became known (the day the announcing commit landed on `main`), never on the build day.
 * The result is the options object of `@astrojs/rss`; endpoints pass it to `rss()`.
 */
import { utcMidnight } from '../days/day.ts';
import type { RSSFeedItem } from '@astrojs/rss';
import { pastTitle, documentAddedTitle } from '../events/event-words.ts';
import type { Provenance } from '../schemas/data.ts';
import type { TimelineEvent } from '../schemas/event.ts';
import { commitUrl } from '../links/upstream-links.ts';
import { eventPath, pullOf, siteLink, singleLine, type FeedContext } from './context.ts';
import { meaningOf, subjectOf } from './meaning.ts';
import { feedEntries, type FeedEntry } from './story.ts';

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
  if (event.kind === 'validity' || event.kind === 'document')
    return (event.announced ?? event.source)?.date ?? event.date;
  return event.date;
}

/** "by pull request #859" (linked), or "in commit ab421b9" (linked) when no pull request is known: the one place an item names it. */
function byHtml(ctx: FeedContext, at: Provenance): string {
  const pull = pullOf(ctx, at);
  if (pull) return `by pull request <a href="${escapeHtml(pull.url)}">#${pull.number}</a>`;
  return `in commit <a href="${escapeHtml(commitUrl(ctx.dataset.meta.source.repo, at.commit))}">${escapeHtml(at.commit.slice(0, 7))}</a>`;
}

/** What happened upstream, when, and by which pull request (named once). */
function provenanceHtml(ctx: FeedContext, event: TimelineEvent): string {
  const at = event.source ?? event.announced;
  if (!at) return 'Not announced in a tracked change.';
  const by = byHtml(ctx, at);
  switch (event.kind) {
    case 'moved': {
      const past =
        event.previous !== null && event.previous < at.date ? ' This corrects a date that was already past.' : '';
      return `Moved from ${event.previous} to ${event.target} on ${at.date} ${by}.${past}`;
    }
    case 'withdrawn':
      return `Withdrawn on ${at.date} ${by}.`;
    case 'version-added':
    case 'document-added':
      return `Added on ${at.date} ${by}.`;
    case 'document':
      return event.sequence > 0 && event.announced
        ? `First announced on ${event.announced.date}; date set on ${at.date} ${by}.`
        : `Announced on ${at.date} ${by}.`;
    default:
      return `Announced on ${at.date} ${by}.`;
  }
}

function eventItem(ctx: FeedContext, event: TimelineEvent, published: string): RSSFeedItem {
  return {
    title: singleLine(event.title),
    link: siteLink(ctx, eventPath(event)),
    pubDate: utcMidnight(published),
    description: `<p>${escapeHtml(meaningOf(ctx, event))}</p><p>${provenanceHtml(ctx, event)}</p>`,
    customData: `<guid isPermaLink="false">${escapeHtml(eventUid(ctx, event))}</guid>`,
  };
}

/** The short name of what an event is about, for a list: `IaaS v1`, `scs-0501-v1`. */
function shortSubject(ctx: FeedContext, event: TimelineEvent): string {
  return event.document && !event.scope ? singleLine(event.document) : subjectOf(ctx, event);
}

/** One line of a background item, in the past tense. */
function backgroundLine(ctx: FeedContext, event: TimelineEvent): string {
  const subject = subjectOf(ctx, event);
  if (event.kind === 'validity' && event.validity) return pastTitle(subject, { validity: event.validity }, event.date);
  if (event.kind === 'document' && event.state) return pastTitle(subject, { state: event.state }, event.date);
  if (event.kind === 'document-added') return documentAddedTitle(subject, event.state);
  return singleLine(event.title);
}

function backgroundItem(ctx: FeedContext, entry: Extract<FeedEntry, { kind: 'background' }>): RSSFeedItem {
  const subjects = [...new Set(entry.events.map((e) => shortSubject(ctx, e)))];
  const named =
    subjects.length <= 4 ? subjects.join(', ') : `${subjects.slice(0, 3).join(', ')} and ${subjects.length - 3} more`;
  const paths = [...new Set(entry.events.map((e) => eventPath(e)))];
  // Each line names its transition (the calendar event's UID without the domain), so a reader can match it.
  const lines = entry.events
    .map(
      (e) =>
        `<li${e.transition ? ` data-transition="${escapeHtml(e.transition)}"` : ''}>${escapeHtml(backgroundLine(ctx, e))}</li>`,
    )
    .join('');
  return {
    title: `Background: past dates of ${named}`,
    link: siteLink(ctx, paths.length === 1 ? paths[0]! : ''),
    pubDate: utcMidnight(entry.published),
    description: `<p>Recorded on ${entry.published} ${byHtml(ctx, entry.source)}; these dates were already past then, so they are background, not news.</p><ul>${lines}</ul>`,
    customData: `<guid isPermaLink="false">${escapeHtml(`${entry.id}@${ctx.uidDomain}`)}</guid>`,
  };
}

/** One RSS item for an entry of the feed. */
export function rssItem(ctx: FeedContext, entry: FeedEntry): RSSFeedItem {
  return entry.kind === 'event' ? eventItem(ctx, entry.event, entry.published) : backgroundItem(ctx, entry);
}

export interface FeedOptions {
  title: string;
  description: string;
  /** Site path of the feed itself (`rss.xml`, `scopes/iaas/rss.xml`). */
  path: string;
  /** Site path of the page the feed is about (the channel's link): `''`, `scopes/iaas/`. */
  home: string;
}

/** The options for `@astrojs/rss`: newest first; the channel dated by its newest item. */
export function rssFeed(ctx: FeedContext, events: readonly TimelineEvent[], options: FeedOptions) {
  const entries = feedEntries(events);
  const self = siteLink(ctx, options.path);
  // The newest item's day, not the build time, so the same data gives the same feed.
  const newest = entries[0]?.published ?? ctx.dataset.meta.source.date;
  return {
    title: singleLine(options.title),
    description: singleLine(options.description),
    site: siteLink(ctx, options.home),
    items: entries.map((entry) => rssItem(ctx, entry)),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      '<language>en</language>',
      `<lastBuildDate>${utcMidnight(newest).toUTCString()}</lastBuildDate>`,
      `<atom:link href="${escapeHtml(self)}" rel="self" type="application/rss+xml"/>`,
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
