/**
 * iCalendar (RFC 5545) calendars of scope transitions (scs-0003-v1) and document lifecycle
 * dates (scs-0001-v1), written with `ical-generator`, which folds lines at 75 octets
 * without splitting a UTF-8 character and escapes TEXT values.
 *
 * Every event is an all-day event (`DTSTART;VALUE=DATE`) on exactly its calendar day: the
 * start is midnight UTC and no calendar time zone is set, so ical-generator writes the UTC
 * date components and no local zone of the build machine can move the day. UID, SEQUENCE,
 * DTSTAMP and LAST-MODIFIED come from the data (event id, how often the date moved, the
 * commit that last set it), never from the build time, so two builds of the same data give
 * the same bytes, and a moved date updates the subscriber's event instead of duplicating it.
 */
import ical, { escape, ICalAlarmType, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { addDays, utcMidnight, type Day } from '../days/day.ts';
import type { TimelineEvent } from '../schemas/event.ts';
import { eventPath, siteLink, singleLine, plainText, type FeedContext } from './context.ts';
import { announcementOf, meaningOf, summaryOf } from './meaning.ts';
import { eventUid } from './rss.ts';

/** Days before a transition that a subscriber is reminded (0: on the day itself). */
export const REMINDER_DAYS = [30, 7, 0] as const;

/** The reminders in words: "30 and 7 days ahead and on the day". */
export const REMINDER_WORDS = `${REMINDER_DAYS.filter((d) => d > 0).join(' and ')} days ahead${REMINDER_DAYS.includes(0) ? ' and on the day' : ''}`;

/** How often a subscribed calendar program should fetch the calendar again (RFC 7986 REFRESH-INTERVAL). */
export const REFRESH_SECONDS = 24 * 60 * 60;

/** Transitions worth a calendar entry: scope validity changes and document lifecycle dates. */
export function calendarEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events.filter((e) => e.kind === 'validity' || e.kind === 'document');
}

/** Reminders for every transition a provider has to act on; a draft or a rejection only informs. */
export function hasReminders(event: TimelineEvent): boolean {
  if (event.kind === 'document') return event.state !== 'Rejected';
  return event.kind === 'validity' && event.validity !== 'draft';
}

/**
 * The reminders of one event, in days ahead: only those that fire on or after the day its
 * date became known (the commit that set the date now in force). A date announced 10 days
 * ahead gets the 7-day and the day-of reminder; a date recorded after the fact gets none.
 */
export function reminderDays(event: TimelineEvent): number[] {
  if (!hasReminders(event)) return [];
  const known = (event.source ?? event.announced)?.date ?? null;
  return REMINDER_DAYS.filter((days) => known === null || addDays(event.date, -days) >= known);
}

/**
 * Transitions whose date was withdrawn and not set again: the last withdrawal of each.
 * A calendar that once had the event gets it back as CANCELLED under the same UID, so an
 * imported copy is marked cancelled instead of staying on the day (RFC 5545 3.8.1.11).
 * Its SEQUENCE is one more than the times the date was announced or moved as news.
 */
export function withdrawnTransitions(
  events: readonly TimelineEvent[],
): { event: TimelineEvent; transitionId: string; sequence: number }[] {
  const live = new Set(events.filter((e) => e.kind === 'validity' || e.kind === 'document').map((e) => e.id));
  const last = new Map<string, TimelineEvent>();
  const sets = new Map<string, number>();
  for (const e of events) {
    if ((e.kind !== 'withdrawn' && e.kind !== 'announced' && e.kind !== 'moved') || e.transition === null) continue;
    const id = e.transition;
    if (e.kind === 'withdrawn') {
      if (!live.has(id) && (last.get(id)?.date ?? '') <= e.date) last.set(id, e);
    } else sets.set(id, (sets.get(id) ?? 0) + 1);
  }
  return [...last].map(([transitionId, event]) => ({
    event,
    transitionId,
    sequence: Math.max(1, sets.get(transitionId) ?? 0),
  }));
}

export interface CalendarOptions {
  /** The calendar's name (NAME, X-WR-CALNAME). */
  title: string;
  description: string;
  /** Site path of the calendar itself (`calendar.ics`). */
  path: string;
}

/** The DESCRIPTION of one calendar event: meaning, announcement, page. */
export function calendarDescription(ctx: FeedContext, event: TimelineEvent): string {
  const page = siteLink(ctx, eventPath(event));
  return plainText([meaningOf(ctx, event), announcementOf(ctx, event).text, `Details: ${page}`].join('\n\n'));
}

/** An all-day entry that is no timeline event (a subject's re-test day). */
export interface CalendarEntry {
  uid: string;
  day: Day;
  summary: string;
  description: string;
  url: string;
  sequence: number;
  /** DTSTAMP / LAST-MODIFIED: a day from the data, never the build time. */
  changed: Day;
  reminderDays: readonly number[];
}

/** An RFC 5545 calendar as a string (CRLF line ends, the last line included). */
export function calendarIcs(
  ctx: FeedContext,
  events: readonly TimelineEvent[],
  options: CalendarOptions,
  entries: readonly CalendarEntry[] = [],
): string {
  // ical-generator writes NAME, X-WR-CALNAME and X-WR-CALDESC as given, unlike the TEXT
  // values of events: this is the one place they are written, so escape them here
  // (RFC 5545 3.3.11: backslash, semicolon, comma, newline).
  const cal = ical({
    name: escape(singleLine(options.title), false),
    description: escape(singleLine(options.description), false),
    prodId: { company: 'SCS Standards Timeline', product: 'calendar', language: 'EN' },
    url: siteLink(ctx, options.path),
    // A published calendar, not a scheduling message (RFC 5546 3.2.1), in the Gregorian calendar.
    method: ICalCalendarMethod.PUBLISH,
    scale: 'GREGORIAN',
    // REFRESH-INTERVAL and X-PUBLISHED-TTL: the data changes at most a few times a day.
    ttl: REFRESH_SECONDS,
  });
  const fallback = ctx.dataset.meta.source;
  for (const event of calendarEvents(events)) {
    const changed = utcMidnight((event.source ?? fallback).date);
    const summary = summaryOf(ctx, event);
    const e = cal.createEvent({
      id: eventUid(ctx, event),
      allDay: true,
      start: utcMidnight(event.date),
      end: utcMidnight(addDays(event.date, 1)),
      summary,
      description: calendarDescription(ctx, event),
      url: siteLink(ctx, eventPath(event)),
      sequence: event.sequence,
      stamp: changed,
      lastModified: changed,
      created: event.announced ? utcMidnight(event.announced.date) : null,
    });
    for (const days of reminderDays(event)) {
      const when = days === 0 ? `Today (${event.date})` : `In ${days} days (${event.date})`;
      e.createAlarm({ type: ICalAlarmType.display, trigger: days * 24 * 60 * 60, description: `${when}: ${summary}` });
    }
  }
  for (const entry of entries) {
    const summary = singleLine(entry.summary);
    const e = cal.createEvent({
      id: entry.uid,
      allDay: true,
      start: utcMidnight(entry.day),
      end: utcMidnight(addDays(entry.day, 1)),
      summary,
      description: plainText(entry.description),
      url: entry.url,
      sequence: entry.sequence,
      stamp: utcMidnight(entry.changed),
      lastModified: utcMidnight(entry.changed),
    });
    for (const days of entry.reminderDays) {
      const when = days === 0 ? `Today (${entry.day})` : `In ${days} days (${entry.day})`;
      e.createAlarm({ type: ICalAlarmType.display, trigger: days * 24 * 60 * 60, description: `${when}: ${summary}` });
    }
  }
  for (const { event, transitionId, sequence } of withdrawnTransitions(events)) {
    if (!event.previous) continue;
    const withdrawnOn = utcMidnight(event.date);
    cal.createEvent({
      id: eventUid(ctx, { id: transitionId }),
      allDay: true,
      start: utcMidnight(event.previous),
      end: utcMidnight(addDays(event.previous, 1)),
      status: ICalEventStatus.CANCELLED,
      summary: `Withdrawn: ${summaryOf(ctx, { ...event, kind: 'validity', date: event.previous })}`,
      description: calendarDescription(ctx, event),
      url: siteLink(ctx, eventPath(event)),
      sequence,
      stamp: withdrawnOn,
      lastModified: withdrawnOn,
    });
  }
  return `${cal.toString()}\r\n`;
}
