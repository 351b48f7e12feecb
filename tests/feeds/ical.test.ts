import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveEvents } from '../../src/domain/events.ts';
import { utcMidnight } from '../../src/domain/feeds/context.ts';
import { calendarEvents, calendarIcs, hasReminders } from '../../src/domain/feeds/ical.ts';
import { documentEvents, eventUid, scopeEvents } from '../../src/domain/feeds/rss.ts';
import type { Dataset } from '../../src/domain/schemas/data.ts';
import type { TimelineEvent } from '../../src/domain/schemas/event.ts';
import { announcedDataset, feedContext, HOSTILE_DOC_ID, MOVED_EVENT_ID, movedDataset, UNMOVED_EVENT_ID, withdrawnDataset } from './support/datasets.ts';
import { parseCalendar, rfc5545Problems } from './support/ics.ts';

const OPTIONS = { title: 'SCS Standards Timeline', description: 'test calendar', path: 'calendar.ics' };
const compact = (day: string) => day.replaceAll('-', '');

let before: Dataset;
let after: Dataset;
let eventsBefore: TimelineEvent[];
let eventsAfter: TimelineEvent[];
beforeAll(async () => {
  before = await announcedDataset();
  after = await movedDataset();
  eventsBefore = deriveEvents(before);
  eventsAfter = deriveEvents(after);
});

describe('calendarIcs', () => {
  it('writes one all-day event per transition, on exactly its day, with its UID and SEQUENCE', () => {
    const ctx = feedContext(after);
    const text = calendarIcs(ctx, eventsAfter, OPTIONS);
    const { events } = parseCalendar(text);
    const expected = calendarEvents(eventsAfter);
    expect(events).toHaveLength(expected.length);
    expect(expected.length).toBeGreaterThan(50);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    for (const [i, e] of expected.entries()) {
      const parsed = events[i]!;
      expect(parsed.uid).toBe(eventUid(ctx, e));
      expect(parsed.uid).toBe(`${e.id}@feeds.example.test`);
      expect(parsed.startIsDate).toBe(true);
      expect(parsed.start).toBe(e.date);
      expect(parsed.sequence).toBe(e.sequence);
      expect(parsed.url).toBe(`https://feeds.example.test/timeline/${e.scope ? `scopes/${e.scope}/` : `standards/${e.document!.slice(0, 8)}/`}`);
    }
    expect(text).toContain(`DTSTART;VALUE=DATE:${compact('2026-11-01')}\r\n`);
  });

  it('takes DTSTAMP and LAST-MODIFIED from the revision that last set the date, never the build time', () => {
    const ctx = feedContext(after);
    const { events } = parseCalendar(calendarIcs(ctx, eventsAfter, OPTIONS));
    const moved = events.find((e) => e.uid === `${MOVED_EVENT_ID}@feeds.example.test`)!;
    expect(moved.lastModified).toBe('2026-07-22T00:00:00Z');
    expect(moved.stamp).toBe('2026-07-22T00:00:00Z');
    // The same data gives the same bytes, whenever it is built.
    expect(calendarIcs(ctx, eventsAfter, OPTIONS)).toBe(calendarIcs(feedContext(structuredClone(after)), deriveEvents(after), OPTIONS));
  });

  it('reminds 30 and 7 days ahead of every transition a provider acts on, not of drafts', () => {
    const ctx = feedContext(after);
    const { events } = parseCalendar(calendarIcs(ctx, eventsAfter, OPTIONS));
    const expected = calendarEvents(eventsAfter);
    expect(expected.some((e) => e.validity === 'draft')).toBe(true);
    for (const [i, e] of expected.entries()) {
      const alarms = events[i]!.alarms;
      if (!hasReminders(e)) {
        expect(alarms).toEqual([]);
        continue;
      }
      expect(alarms.map((a) => a.trigger)).toEqual(['-P30D', '-P7D']);
      expect(alarms.every((a) => a.action === 'DISPLAY' && a.description.includes(e.date))).toBe(true);
    }
  });

  it('says what the transition means for a provider and which pull request announced it', () => {
    const ctx = feedContext(after);
    const { events } = parseCalendar(calendarIcs(ctx, eventsAfter, OPTIONS));
    const warn = events.find((e) => e.uid === `${MOVED_EVENT_ID}@feeds.example.test`)!;
    expect(warn.summary).toBe('IaaS v5.1 becomes warn');
    expect(warn.description).toContain('From 2026-11-01: IaaS v5.1 is still certifiable, but users are warned that it will be deprecated; plan the move to next.');
    expect(warn.description).toContain('pull request #9999');
    expect(warn.description).toContain('https://github.com/SovereignCloudStack/standards/pull/9999');
    expect(warn.description).toContain('moved once since it was first announced on 2026-07-20');
    const v4warn = parseCalendar(calendarIcs(ctx, eventsAfter, OPTIONS)).events.find((e) => e.uid === 'scope/iaas/v4/warn@feeds.example.test')!;
    expect(v4warn.start).toBe('2025-02-01');
    expect(v4warn.sequence).toBe(1);
    expect(v4warn.description).toContain('#859');
    expect(v4warn.description).toContain('plan the move to v5.1');
  });

  it('is RFC 5545 text: CRLF, lines folded at 75 octets, nothing else', () => {
    const ctx = feedContext(after);
    for (const events of [eventsAfter, scopeEvents(eventsAfter, 'iaas'), scopeEvents(eventsAfter, 'kaas'), documentEvents(eventsAfter)]) {
      expect(rfc5545Problems(calendarIcs(ctx, events, OPTIONS))).toEqual([]);
    }
  });

  it('escapes commas, semicolons, backslashes and newlines, and a CRLF in a title creates no property or event', () => {
    const ctx = feedContext(after);
    const text = calendarIcs(ctx, eventsAfter, OPTIONS);
    const { events } = parseCalendar(text);
    expect(text.match(/^BEGIN:VEVENT$/gm)?.length).toBe(calendarEvents(eventsAfter).length);
    expect(text).not.toMatch(/^(ATTENDEE|UID:evil)/m);
    for (const e of events) expect(e.propertyNames).not.toContain('attendee');
    expect(events.filter((e) => e.uid.startsWith('evil'))).toEqual([]);
    // The hostile pull-request title arrives as one line of text, separators intact.
    const next = events.find((e) => e.uid === `${UNMOVED_EVENT_ID}@feeds.example.test`)!;
    expect(next.description).toContain('"Announce next, v5.1 warn; for real BEGIN:VEVENT ATTENDEE:mailto:evil@example.com END:VEVENT <script>alert("pr")</script> & \\ done"');
    const doc = events.find((e) => e.uid === `document/${HOSTILE_DOC_ID}/stable@feeds.example.test`)!;
    expect(doc.summary).toBe(`${HOSTILE_DOC_ID} (Evil; title, with newline BEGIN:VEVENT UID:evil@example.com END:VEVENT <img src=x onerror=alert(1)>) becomes Stable`);
    expect(text).toContain('Evil\\; title\\, with newline');
    // Paragraphs of the description are escaped newlines, not line breaks.
    expect(next.description.split('\n\n')).toHaveLength(3);
  });

  it('keeps every UID when a date moves, and raises SEQUENCE only for the moved event', () => {
    const ctx = feedContext(before);
    const one = parseCalendar(calendarIcs(ctx, eventsBefore, OPTIONS)).events;
    const two = parseCalendar(calendarIcs(feedContext(after), eventsAfter, OPTIONS)).events;
    expect(two.map((e) => e.uid).sort()).toEqual(one.map((e) => e.uid).sort());
    const byUid = new Map(one.map((e) => [e.uid, e]));
    const changed = two.filter((e) => {
      const old = byUid.get(e.uid)!;
      return old.start !== e.start || old.sequence !== e.sequence || old.lastModified !== e.lastModified;
    });
    expect(changed.map((e) => e.uid)).toEqual([`${MOVED_EVENT_ID}@feeds.example.test`]);
    const [moved] = changed;
    const old = byUid.get(moved!.uid)!;
    expect([old.start, moved!.start]).toEqual(['2026-10-01', '2026-11-01']);
    expect(moved!.sequence).toBe(old.sequence + 1);
    expect([old.lastModified, moved!.lastModified]).toEqual(['2026-07-20T00:00:00Z', '2026-07-22T00:00:00Z']);
  });
});

describe('a withdrawn date', () => {
  it('comes back CANCELLED under the same UID with a higher SEQUENCE, without reminders', async () => {
    const dataset = await withdrawnDataset();
    const events = deriveEvents(dataset);
    expect(events.some((e) => e.id === MOVED_EVENT_ID)).toBe(false);
    const text = calendarIcs(feedContext(dataset), events, OPTIONS);
    expect(rfc5545Problems(text)).toEqual([]);
    const parsed = parseCalendar(text).events;
    const uid = `${MOVED_EVENT_ID}@feeds.example.test`;
    const withdrawn = parsed.filter((e) => e.uid === uid);
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]).toMatchObject({ status: 'CANCELLED', start: '2026-11-01', sequence: 2, lastModified: '2026-07-23T00:00:00Z', alarms: [] });
    expect(withdrawn[0]!.summary).toBe('Withdrawn: IaaS v5.1 becomes warn');
    expect(withdrawn[0]!.description).toContain('IaaS v5.1 no longer becomes warn on 2026-11-01');
    const moved = parseCalendar(calendarIcs(feedContext(after), eventsAfter, OPTIONS)).events.find((e) => e.uid === uid)!;
    expect(withdrawn[0]!.sequence).toBeGreaterThan(moved.sequence);
    // Every other event is as it was, and none is cancelled.
    expect(parsed.filter((e) => e.status === 'CANCELLED').map((e) => e.uid)).toEqual([uid]);
    expect(new Set(parsed.map((e) => e.uid)).size).toBe(parsed.length);
  });
});

describe('all-day dates under any time zone of the build machine', () => {
  const probe = resolve(import.meta.dirname, 'support/tz-probe.ts');
  const node = resolve(import.meta.dirname, '../../node_modules/.bin/node');
  const run = (tz: string) => execFileSync(node, [probe], { env: { ...process.env, TZ: tz }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

  it('gives byte-identical calendars and feeds in UTC, Pacific/Kiritimati (+14) and America/Los_Angeles (-8/-7)', () => {
    const utc = run('UTC');
    const kiritimati = run('Pacific/Kiritimati');
    const losAngeles = run('America/Los_Angeles');
    const out = JSON.parse(kiritimati) as { tz: string; offset: number; ics: string; rss: string };
    expect(out.offset).toBe(-840);
    expect(JSON.parse(losAngeles).offset).toBeGreaterThan(0);
    const strip = (s: string) => { const { tz: _tz, offset: _offset, ...rest } = JSON.parse(s); return rest; };
    expect(strip(kiritimati)).toEqual(strip(utc));
    expect(strip(losAngeles)).toEqual(strip(utc));
    const starts = parseCalendar(out.ics).events.map((e) => e.start);
    expect(starts).toEqual(calendarEvents(eventsAfter).map((e) => e.date));
    expect(out.ics).toContain('DTSTART;VALUE=DATE:20250201\r\n');
  });
});

describe('utcMidnight', () => {
  it('is midnight UTC of exactly the day, years before 100 included', () => {
    expect(utcMidnight('2025-02-01').toISOString()).toBe('2025-02-01T00:00:00.000Z');
    expect(utcMidnight('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(utcMidnight('0050-01-01').toISOString()).toBe('0050-01-01T00:00:00.000Z');
  });
});
