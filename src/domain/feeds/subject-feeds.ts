/**
 * A subject's own calendar and RSS feed, built with the project's calendar and feed
 * builders (./ical.ts, ./rss.ts): the warn and deprecated days of the version each scope
 * relies on (the timeline's own events, so UIDs agree with the scope calendars), the day to
 * re-test by, and the subject's standing as news.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import { daysBetween, utcMidnight, type Day } from '../days/day.ts';
import type { TimelineEvent } from '../schemas/event.ts';
import type { SubjectsFile } from '../subjects/schema.ts';
import type { SubjectStanding } from '../subjects/subjects.ts';
import { CERTIFICATE_WORDS, progressWords, standingLine } from '../subjects/subjects.ts';
import type { Standing } from '../subjects/standing.ts';
import { siteLink, type FeedContext } from './context.ts';
import type { CalendarEntry } from './ical.ts';
import { escapeHtml, eventUid, rssFeed, type FeedOptions } from './rss.ts';

/** Reminders before a re-test day: results of the default lifetime last one to two weeks. */
export const RETEST_REMINDER_DAYS = [7, 1] as const;

export const subjectPath = (subject: string) => `subjects/${encodeURIComponent(subject)}/`;

/** The day the newest result of a scope was checked (what the subject's data covers). */
export function newestCheck(file: SubjectsFile, subject: string, scopeUuid?: string): Day | null {
  const s = file.subjects.find((x) => x.id === subject);
  const days = (s?.scopes ?? [])
    .filter((x) => scopeUuid === undefined || x.uuid === scopeUuid)
    .flatMap((x) => x.results.map((r) => r.checkedAt.slice(0, 10)));
  return days.sort().at(-1) ?? null;
}

/** The newest of the subjects' newest checks (a group's members); null when none has a result. */
export function newestCheckOf(file: SubjectsFile, subjects: readonly string[]): Day | null {
  return (
    subjects
      .map((m) => newestCheck(file, m))
      .filter((d) => d !== null)
      .sort()
      .at(-1) ?? null
  );
}

/** The timeline's warn and deprecated events of the versions the subject relies on. */
export function reliedOnEvents(events: readonly TimelineEvent[], standing: SubjectStanding): TimelineEvent[] {
  const relied = new Set(
    standing.scopes.filter((s) => s.reliesOn && s.scopeId).map((s) => `${s.scopeId}/${s.reliesOn!.version}`),
  );
  return events.filter(
    (e) =>
      e.kind === 'validity' &&
      (e.validity === 'warn' || e.validity === 'deprecated') &&
      relied.has(`${e.scope}/${e.version}`),
  );
}

/** One re-test day per scope with live results. */
export function retestEntries(ctx: FeedContext, file: SubjectsFile, standing: SubjectStanding): CalendarEntry[] {
  return standing.scopes.flatMap((s) => {
    if (!s.retestBy) return [];
    const changed = newestCheck(file, standing.subject, s.scopeUuid) ?? s.day;
    return [
      {
        uid: eventUid(ctx, { id: `subject/${standing.subject}/${s.scopeId ?? s.scopeUuid}/retest` }),
        day: s.retestBy,
        summary: `${standing.subject}: re-test ${s.short} by ${s.retestBy}`,
        description: `${standingLine(s)}\n\nResults of ${s.expiring.join(', ')} expire on ${s.expires} (scs-0004-v1).\n\nDetails: ${siteLink(ctx, subjectPath(standing.subject))}`,
        url: siteLink(ctx, subjectPath(standing.subject)),
        // A re-test moves the day later, never earlier: its distance from a fixed day only grows,
        // as SEQUENCE must when DTSTART changes (RFC 5545 3.8.7.4).
        sequence: Math.max(0, daysBetween('2020-01-01', s.retestBy)),
        changed,
        reminderDays: RETEST_REMINDER_DAYS,
      },
    ];
  });
}

function standingItem(ctx: FeedContext, file: SubjectsFile, subject: string, s: Standing): RSSFeedItem {
  const r = s.reliesOn;
  const id = `subject/${subject}/${s.scopeId ?? s.scopeUuid}/${r ? `${r.version}/${r.outcome}` : 'none'}/${s.expires ?? 'no-results'}/${s.urgency}`;
  const toward = progressWords(s);
  return {
    title: `${subject}, ${s.short}: ${s.urgency}`,
    link: siteLink(ctx, subjectPath(subject)),
    pubDate: utcMidnight(newestCheck(file, subject, s.scopeUuid) ?? s.day),
    description: [standingLine(s), toward, CERTIFICATE_WORDS]
      .filter((x) => x !== null)
      .map((x) => `<p>${escapeHtml(x)}</p>`)
      .join(''),
    customData: `<guid isPermaLink="false">${escapeHtml(eventUid(ctx, { id }))}</guid>`,
  };
}

/** `@astrojs/rss` options: the subject's standing per scope, then the news of the versions it relies on. */
export function subjectRss(
  ctx: FeedContext,
  events: readonly TimelineEvent[],
  file: SubjectsFile,
  standing: SubjectStanding,
  options: FeedOptions,
) {
  const relied = new Set(
    standing.scopes.filter((s) => s.reliesOn && s.scopeId).map((s) => `${s.scopeId}/${s.reliesOn!.version}`),
  );
  const feed = rssFeed(
    ctx,
    events.filter((e) => e.scope !== null && relied.has(`${e.scope}/${e.version}`)),
    options,
  );
  return {
    ...feed,
    items: [...standing.scopes.map((s) => standingItem(ctx, file, standing.subject, s)), ...feed.items],
  };
}
