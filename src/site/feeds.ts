/**
 * What the feed and API endpoints share: the feed context (absolute site URL with the base
 * path, the UID domain) and the titles and paths of every feed, so the endpoints, the
 * /feeds/ page and the feed links on pages agree.
 */
import type { FeedContext } from '../domain/feeds/context.ts';
import { REMINDER_WORDS } from '../domain/feeds/ical.ts';
import type { Scope } from '../domain/schemas/data.ts';
import { shortName } from '../domain/scopes/scopes.ts';
import { SITE_TITLE } from './constants.ts';
import { siteData } from './data.ts';

/**
 * The feed context of this build. UIDs and guids end in the host of the configured `site`:
 * stable for a deployment, and distinct between deployments (a fork publishes its own).
 */
export async function feedContext(site: URL | undefined) {
  if (!site) throw new Error('astro.config.mjs has no `site`: feeds need absolute links (set SITE_URL)');
  const { dataset, events } = await siteData();
  const siteUrl = new URL(import.meta.env.BASE_URL.replace(/\/?$/, '/'), site).href;
  const ctx: FeedContext = { siteUrl, uidDomain: site.hostname, dataset };
  return { ctx, events, dataset };
}

export interface FeedInfo {
  title: string;
  description: string;
  /** Site path without a leading slash: `rss.xml`, `scopes/iaas/calendar.ics`. */
  path: string;
  /** Site path of the page the feed is about (an RSS channel's link): `''`, `scopes/iaas/`. */
  home: string;
}

export const ALL_RSS: FeedInfo = {
  title: `${SITE_TITLE}: all changes`,
  description:
    'Dates announced, moved or withdrawn for SCS certificate scopes, new scope versions, and standards stabilized, deprecated or added.',
  path: 'rss.xml',
  home: '',
};
export const ALL_CALENDAR: FeedInfo = {
  title: SITE_TITLE,
  description:
    'Every transition of SCS certificate scope versions (scs-0003-v1) and standard documents (scs-0001-v1), past and upcoming, with reminders.',
  path: 'calendar.ics',
  home: '',
};
export const STANDARDS_CALENDAR: FeedInfo = {
  title: `${SITE_TITLE}: standards`,
  description: 'Lifecycle dates of SCS standard documents (scs-0001-v1): Stable from, Deprecated from, rejected.',
  path: 'standards/calendar.ics',
  home: 'standards/',
};

export function scopeRss(scope: Scope): FeedInfo {
  return {
    title: `${SITE_TITLE}: ${shortName(scope)}`,
    description: `Dates announced, moved or withdrawn for ${scope.name}, and its new versions.`,
    path: `scopes/${scope.id}/rss.xml`,
    home: `scopes/${scope.id}/`,
  };
}

export function scopeCalendar(scope: Scope): FeedInfo {
  return {
    title: `${SITE_TITLE}: ${shortName(scope)}`,
    description: `Transitions of ${scope.name} versions (scs-0003-v1), with reminders ${REMINDER_WORDS}.`,
    path: `scopes/${scope.id}/calendar.ics`,
    home: `scopes/${scope.id}/`,
  };
}

/**
 * Whether this build was told where it is served (`SITE_URL`, set by the deploy workflow) or
 * assumes astro.config.mjs's default host: the /feeds/ page says so, since every address it
 * shows for copying is absolute.
 */
export const SITE_URL_IS_DEFAULT = !process.env.SITE_URL;

/** `webcal://` for a calendar URL: calendar programs subscribe instead of importing once. */
export function webcal(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}

/** getStaticPaths of per-scope endpoints. */
export async function scopePaths() {
  const { dataset } = await siteData();
  return dataset.scopes.map((scope) => ({ params: { scope: scope.id }, props: { scope } }));
}

export const ICS_HEADERS = { 'Content-Type': 'text/calendar; charset=utf-8' };
export const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };

export function subjectRssInfo(subject: string): FeedInfo {
  return {
    title: `${SITE_TITLE}: ${subject}`,
    description: `What ${subject} must do by when: its compliance-monitor results joined with the scope timelines.`,
    path: `subjects/${subject}/rss.xml`,
    home: `subjects/${subject}/`,
  };
}

export function subjectCalendarInfo(subject: string): FeedInfo {
  return {
    title: `${SITE_TITLE}: ${subject}`,
    description: `Re-test days of ${subject} and the warn and deprecated days of the versions it relies on, with reminders.`,
    path: `subjects/${subject}/calendar.ics`,
    home: `subjects/${subject}/`,
  };
}
